import { fetchBytes, getJson, pollUntil } from './http'
import {
  compare,
  CONNECTIONS,
  MEASURE_SECONDS,
  ROUNDS,
  tokyoToday,
  WARM_UP_SECONDS,
  type NotMeasured,
  type Outcome,
  type Target,
} from './measure'

export const TERMS_OFFICE = 'isesaki'

export interface TermsResults {
  ours: Outcome
  copyFromMemory: Outcome
  payloadRest: Outcome
  responseBytes: number | null
  contentType: string | null
}

/**
 * The public terms read against (a) an Express route in the same server sending the same bytes
 * from memory and (b) Payload's REST find of the edition in force, one after the other on the
 * same server, 16 connections, a warm-up before each.
 */
export async function benchTermsRead(baseUrl: string): Promise<TermsResults> {
  const path = `/public/v1/offices/${TERMS_OFFICE}/terms`
  const copyPath = `/bench/copy${path}`
  const officeId = await officeIdOf(baseUrl, TERMS_OFFICE)
  // "The same edition": the published one in force today, as the public route must find it.
  const restQuery =
    `where[office][equals]=${officeId}&where[status][equals]=published` +
    `&where[effectiveFrom][less_than_equal]=${tokyoToday()}&sort=-effectiveFrom&limit=1&depth=0`
  const restPath = `/api/terms-editions?${restQuery}`

  const notRun = (label: string, request: string): NotMeasured => ({
    label,
    request,
    reason: 'not run',
  })
  const results: TermsResults = {
    ours: notRun('public terms read', `GET ${path}`),
    copyFromMemory: notRun('(a) same bytes from memory', `GET ${copyPath}`),
    payloadRest: notRun('(b) Payload REST find', `GET /api/terms-editions`),
    responseBytes: null,
    contentType: null,
  }

  const roundLoad = (url: string) => ({
    url,
    connections: CONNECTIONS,
    seconds: MEASURE_SECONDS / ROUNDS,
  })
  const warmUp = { seconds: WARM_UP_SECONDS }
  const targets: { key: 'ours' | 'copyFromMemory' | 'payloadRest'; target: Target }[] = []

  const real = await pollUntil(`${baseUrl}${path}`, { limitMs: 5_000 })
  if (real.status === 200) {
    results.responseBytes = real.body.length
    results.contentType = real.contentType
    targets.push({
      key: 'ours',
      target: {
        label: results.ours.label,
        routeKey: `GET ${path}`,
        load: roundLoad(`${baseUrl}${path}`),
        warmUp,
      },
    })
    const copy = await fetchBytes(`${baseUrl}${copyPath}`)
    const again = await fetchBytes(`${baseUrl}${path}`)
    if (copy.body.equals(again.body)) {
      targets.push({
        key: 'copyFromMemory',
        target: {
          label: results.copyFromMemory.label,
          routeKey: `GET ${copyPath}`,
          load: roundLoad(`${baseUrl}${copyPath}`),
          warmUp,
        },
      })
    } else {
      const reason = 'the route does not answer the same bytes twice, so a copy is no baseline'
      results.copyFromMemory = { ...results.copyFromMemory, reason }
    }
  } else {
    const reason = `GET ${path} answered ${real.status || 'nothing'} on a freshly seeded server`
    results.ours = { ...results.ours, reason }
    results.copyFromMemory = { ...results.copyFromMemory, reason: 'needs the public route' }
  }

  const rest = await getJson<{ totalDocs: number }>(`${baseUrl}${restPath}`)
  if (rest.totalDocs >= 1) {
    targets.push({
      key: 'payloadRest',
      target: {
        label: results.payloadRest.label,
        routeKey: 'GET /api/terms-editions',
        load: roundLoad(`${baseUrl}${restPath}`),
        warmUp,
      },
    })
  } else {
    const reason = `no published edition of ${TERMS_OFFICE} in force (the seed has published none)`
    results.payloadRest = { ...results.payloadRest, reason }
  }

  // Ours against the bytes from memory, in rounds side by side; Payload REST on its own after
  // them, so its garbage (ten times the work per request) is not collected in our rounds.
  const paired = targets.filter(({ key }) => key !== 'payloadRest')
  const measured = await compare(
    baseUrl,
    paired.map(({ target }) => target),
    ROUNDS,
  )
  paired.forEach(({ key }, index) => (results[key] = measured[index]!))
  const restTarget = targets.find(({ key }) => key === 'payloadRest')
  if (restTarget) {
    const [measuredRest] = await compare(baseUrl, [restTarget.target], ROUNDS)
    if (measuredRest) results.payloadRest = measuredRest
  }
  return results
}

export async function officeIdOf(baseUrl: string, slug: string): Promise<number | string> {
  const { docs } = await getJson<{ docs: { id: number | string }[] }>(
    `${baseUrl}/api/offices?where[slug][equals]=${slug}&limit=1&depth=0`,
  )
  const office = docs[0]
  if (!office) throw new Error(`no office ${slug} in the seeded data`)
  return office.id
}
