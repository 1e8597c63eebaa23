/** Every label and description is given in Japanese (the default) and English. */
export const bilingual = (japanese: string, english: string) => ({ ja: japanese, en: english })

/** A field validator's options, as far as the language goes (Payload passes the request). */
export type ValidateOptions = { req?: { i18n?: { language?: string } } } | undefined

/** Our fields' own validation messages, in the language of whoever saves. */
export const fieldMessages = {
  officeSlug: bilingual(
    '英小文字・数字・ハイフンで入力してください',
    'Use lower-case letters, digits and hyphens',
  ),
  embedOrigins: bilingual(
    'https://www.example.go.jp のように、スキームとホスト名（必要ならポート）だけを入力してください',
    'Enter only the scheme and host (and port if needed), e.g. https://www.example.go.jp',
  ),
  isoDate: bilingual('YYYY-MM-DD の形式で入力してください', 'Enter the date as YYYY-MM-DD'),
  time: bilingual('HH:mm の形式で入力してください', 'Enter the time as HH:mm'),
}

export const fieldMessage = (
  message: { ja: string; en: string },
  options: ValidateOptions,
): string => (options?.req?.i18n?.language === 'en' ? message.en : message.ja)
