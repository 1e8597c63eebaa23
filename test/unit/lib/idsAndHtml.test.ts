import { describe, expect, it } from 'vitest'

import { escapeHtml } from '../../../src/lib/html'
import { idOf, sameId } from '../../../src/lib/ids'

describe('idOf', () => {
  it('takes the id of a relationship value, populated or not', () => {
    expect(idOf(7)).toBe(7)
    expect(idOf('65f0c0ffee')).toBe('65f0c0ffee')
    expect(idOf({ id: 7, name: 'x' })).toBe(7)
    expect(idOf({ id: { id: 'nested' } })).toBe('nested')
  })

  it('gives null for anything that is not an id', () => {
    for (const value of [null, undefined, '', Number.NaN, {}, { id: null }, true]) {
      expect(idOf(value)).toBeNull()
    }
  })

  it('compares ids as strings (numbers on SQLite, strings on MongoDB)', () => {
    expect(sameId(3, { id: '3' })).toBe(true)
    expect(sameId(3, 4)).toBe(false)
    expect(sameId(null, null)).toBe(false)
  })
})

describe('escapeHtml', () => {
  it('escapes the five characters that matter in content and quoted attributes', () => {
    expect(escapeHtml(`<a href="x" title='y'>&</a>`)).toBe(
      '&lt;a href=&quot;x&quot; title=&#39;y&#39;&gt;&amp;&lt;/a&gt;',
    )
  })
})
