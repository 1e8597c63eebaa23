import { describe, expect, it } from 'vitest'
import {
  canonicalJson,
  composeTerms,
  contentHash,
  type ComposedTerms,
} from '../../../src/rules/terms'
import { office, smallTemplate, twoChannelPolicy } from './fixtures'

function edition(policy = twoChannelPolicy()): ComposedTerms {
  return composeTerms({ template: smallTemplate(), office, policy })
}

/** The same object with its keys in reverse order at every level. */
function reversedKeys<T>(value: T): T {
  if (Array.isArray(value)) return value.map(reversedKeys) as T
  if (value === null || typeof value !== 'object') return value
  return Object.fromEntries(
    Object.entries(value)
      .reverse()
      .map(([k, v]) => [k, reversedKeys(v)]),
  ) as T
}

describe('contentHash', () => {
  it('is a sha256 hex digest, stable for the same content', () => {
    const hash = contentHash(edition())
    expect(hash).toMatch(/^[0-9a-f]{64}$/)
    expect(contentHash(edition())).toBe(hash)
    expect(contentHash(reversedKeys(edition()))).toBe(hash)
    expect(contentHash(JSON.parse(JSON.stringify(edition())) as ComposedTerms)).toBe(hash)
  })

  it('ignores storage details: row ids, empty lists and split text runs', () => {
    const stored = edition() as unknown as {
      articles: { id?: string; paragraphs: { text: { text?: string }[]; items?: unknown[] }[] }[]
    }
    const hash = contentHash(edition())
    stored.articles.forEach((article, i) => (article.id = `row-${i}`))
    stored.articles[0]!.paragraphs[0]!.items = []
    const first = stored.articles[0]!.paragraphs[0]!.text
    const whole = first.map((run) => run.text ?? '').join('')
    stored.articles[0]!.paragraphs[0]!.text = [
      { text: whole.slice(0, 3) },
      { text: whole.slice(3) },
    ]
    expect(contentHash(stored as unknown as ComposedTerms)).toBe(hash)
  })

  it('changes with any wording, order, reference or signatory change', () => {
    const base = contentHash(edition())
    expect(contentHash(edition(twoChannelPolicy({ noShowGraceMinutes: 20 })))).not.toBe(base)

    const reworded = edition()
    reworded.articles[2]!.heading = '記録'
    expect(contentHash(reworded)).not.toBe(base)

    const signed = edition()
    signed.signatory = '別の所長'
    expect(contentHash(signed)).not.toBe(base)

    const retargeted = edition()
    const ref = retargeted.articles[4]!.paragraphs[0]!.text.find((run) => 'ref' in run)
    if (ref && 'ref' in ref) ref.ref.item = 2
    expect(contentHash(retargeted)).not.toBe(base)

    const bulleted = edition()
    bulleted.articles[3]!.paragraphs[0]!.items![2]!.subItems![0]!.bullet = true
    expect(contentHash(bulleted)).not.toBe(base)

    const reordered = edition()
    reordered.articles[3]!.paragraphs[0]!.items!.reverse()
    expect(contentHash(reordered)).not.toBe(base)
  })
})

describe('canonicalJson', () => {
  it('sorts keys at every level and leaves out undefined members', () => {
    expect(canonicalJson({ b: 1, a: { d: [{ z: 1, y: 2 }], c: undefined } })).toBe(
      '{"a":{"d":[{"y":2,"z":1}]},"b":1}',
    )
  })
})
