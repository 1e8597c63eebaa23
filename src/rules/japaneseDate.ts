/** Dates as Japanese text writes them (令和5年4月1日, full-width digits), read back to YYYY-MM-DD. */

const ERA_START_YEAR: Record<string, number> = {
  令和: 2019,
  平成: 1989,
  昭和: 1926,
}

/** First and last day of each era: a date outside them (令和元年4月30日, 平成32年…) never existed. */
const ERA_SPAN: Record<string, [first: string, last: string | null]> = {
  令和: ['2019-05-01', null],
  平成: ['1989-01-08', '2019-04-30'],
  昭和: ['1926-12-25', '1989-01-07'],
}

/** Full-width digits and spaces to ASCII, so extracted PDF text can be matched. */
export function toHalfWidthDigits(text: string): string {
  return text.replace(/[０-９]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0))
}

/**
 * Finds a date written as 令和5年4月1日, 平成31年4月30日, 令和元年5月1日 or 2023年4月1日
 * (full-width digits and stray spaces allowed) and returns it as YYYY-MM-DD, or null, also for a
 * date its era never had (令和元年4月30日, 平成32年1月1日).
 */
export function parseJapaneseDate(text: string): string | null {
  const normalised = toHalfWidthDigits(text).replace(/[\s\u3000]+/g, '')
  const era = /(令和|平成|昭和)(元|\d{1,2})年(\d{1,2})月(\d{1,2})日/.exec(normalised)
  if (era) {
    const [, name, yearText, month, day] = era
    const yearOfEra = yearText === '元' ? 1 : Number(yearText)
    if (yearOfEra < 1) return null
    const iso = toIso(ERA_START_YEAR[name!]! + yearOfEra - 1, Number(month), Number(day))
    const [first, last] = ERA_SPAN[name!]!
    if (iso === null || iso < first || (last !== null && iso > last)) return null
    return iso
  }
  const western = /(\d{4})年(\d{1,2})月(\d{1,2})日/.exec(normalised)
  if (western) return toIso(Number(western[1]), Number(western[2]), Number(western[3]))
  return null
}

function toIso(year: number, month: number, day: number): string | null {
  const date = new Date(Date.UTC(year, month - 1, day))
  if (date.getUTCMonth() !== month - 1 || date.getUTCDate() !== day) return null
  return date.toISOString().slice(0, 10)
}
