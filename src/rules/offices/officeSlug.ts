/** An office's slug, as it appears in public URLs: lower-case words of letters and digits, joined by hyphens. */
export const OFFICE_SLUG_PATTERN = /^[a-z0-9]+(?:-[a-z0-9]+)*$/
