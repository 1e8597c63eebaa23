/** Demo office ids by slug: numbers on SQLite, strings on MongoDB. */
export type OfficeIds = Map<string, number | string>
