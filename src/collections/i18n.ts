/** Every label and description is given in Japanese (the default) and English. */
export const ja = (japanese: string, english: string) => ({ ja: japanese, en: english })
