/** Every label and description is given in Japanese (the default) and English. */
export const bilingual = (japanese: string, english: string) => ({ ja: japanese, en: english })
