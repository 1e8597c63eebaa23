import { describe, expect, it } from 'vitest'

import { editionIsChange, type EditionChangeFacts } from '../../../src/rules/terms/termsChange'

const first: EditionChangeFacts = {
  otherPublishedEditions: 0,
  officeHadTerms: false,
  composed: true,
  historical: false,
}

describe('what counts as a change of terms', () => {
  it('takes every edition after an office’s first as a change', () => {
    expect(editionIsChange({ ...first, otherPublishedEditions: 1 })).toBe(true)
    expect(editionIsChange({ ...first, otherPublishedEditions: 1, historical: true })).toBe(true)
  })

  it('takes a first edition as a change only when it replaces terms the office had before', () => {
    expect(editionIsChange(first)).toBe(false)
    expect(editionIsChange({ ...first, officeHadTerms: true })).toBe(true)
    // The current terms imported as they stand change nothing.
    expect(editionIsChange({ ...first, officeHadTerms: true, composed: false })).toBe(false)
    // Demo history took effect as it was.
    expect(editionIsChange({ ...first, officeHadTerms: true, historical: true })).toBe(false)
  })
})
