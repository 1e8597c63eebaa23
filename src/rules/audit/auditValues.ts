/** Never copied into an audit entry: credentials, tokens and seat locks. */
const SECRET_FIELDS = new Set([
  'confirmTokenHash',
  'cancelTokenHash',
  'seatLock',
  'password',
  'hash',
  'salt',
  'resetPasswordToken',
])

/**
 * Fields that hold an applicant's personal data (name, mail, phone, 求職番号, notes, eligibility
 * answers), the keyed hash that finds them (applicantKey: whoever holds the key can test a 求職番号
 * against it) and staff's free-text reason (statusReason, which may name or describe the person).
 * The audit log keeps no value of theirs, only which of them changed: the log outlives the
 * booking's retention, and an erasure must not leave a copy behind.
 */
const PERSONAL_FIELDS = ['applicant', 'eligibility', 'applicantKey', 'statusReason'] as const
/** The free-text reason of each status history row, the same text as statusReason was. */
const HISTORY = 'statusHistory'
const HISTORY_REASON = 'reason'

type Doc = Record<string, unknown> | null | undefined

function isPersonal(key: string): boolean {
  return (PERSONAL_FIELDS as readonly string[]).includes(key)
}

function historyWithoutReasons(rows: unknown): unknown {
  if (!Array.isArray(rows)) return rows
  return rows.map((row: unknown) => {
    if (!row || typeof row !== 'object') return row
    const { [HISTORY_REASON]: _reason, ...kept } = row as Record<string, unknown>
    return kept
  })
}

/** A document as an audit entry records it: no secrets, no personal values. */
export function auditSnapshot(doc: Doc): Record<string, unknown> | null {
  if (!doc || typeof doc !== 'object') return null
  return Object.fromEntries(
    Object.entries(doc)
      .filter(([key]) => !SECRET_FIELDS.has(key) && !isPersonal(key))
      .map(([key, value]) => [key, key === HISTORY ? historyWithoutReasons(value) : value]),
  )
}

function flatten(value: unknown, prefix: string, into: Map<string, string>): void {
  if (value && typeof value === 'object' && !Array.isArray(value)) {
    for (const [key, inner] of Object.entries(value)) flatten(inner, `${prefix}.${key}`, into)
  } else {
    into.set(prefix, JSON.stringify(value ?? null))
  }
}

/** The personal fields (as paths, e.g. "applicant.email") whose value differs; never the values. */
export function changedPersonalFields(before: Doc, after: Doc): string[] {
  const changed: string[] = []
  for (const group of PERSONAL_FIELDS) {
    const was = new Map<string, string>()
    const now = new Map<string, string>()
    flatten(before?.[group], group, was)
    flatten(after?.[group], group, now)
    for (const path of new Set([...was.keys(), ...now.keys()])) {
      if ((was.get(path) ?? 'null') !== (now.get(path) ?? 'null')) changed.push(path)
    }
  }
  const reasons = (doc: Doc) =>
    JSON.stringify(
      Array.isArray(doc?.[HISTORY])
        ? (doc[HISTORY] as Record<string, unknown>[]).map((row) => row?.[HISTORY_REASON] ?? null)
        : [],
    )
  if (reasons(before) !== reasons(after)) changed.push(`${HISTORY}.${HISTORY_REASON}`)
  return changed.sort()
}
