import { describe, expect, it } from 'vitest'

import {
  bookingExportColumns,
  maySeeContacts,
  spreadsheetSafe,
} from '../../../src/rules/booking/bookingExport'
import { staffSearchTerms } from '../../../src/rules/booking/staffSearch'

describe('staff search terms', () => {
  it('reads a 求職番号 typed with full-width digits and a long dash', () => {
    expect(staffSearchTerms('１００１０ー２３４５６７')).toMatchObject({
      jobSeekerNumber: '10010-234567',
      reference: null,
      email: null,
    })
  })

  it('reads a reference in lower case and without hyphens', () => {
    const terms = staffSearchTerms('ky7f3q9m2x')
    expect(terms?.reference).toBe('KY-7F3Q-9M2X')
    expect(terms?.nameWords).toEqual([])
  })

  it('reads an e-mail address with its domain folded, and searches no name', () => {
    const terms = staffSearchTerms(' Hanako@Example.JP ')
    expect(terms?.email).toBe('Hanako@example.jp')
    expect(terms?.nameWords).toEqual([])
  })

  it('splits a name into words on ASCII and ideographic spaces', () => {
    expect(staffSearchTerms('山田　花子')?.nameWords).toEqual(['山田', '花子'])
  })

  it('refuses text too short, too long or with control characters', () => {
    expect(staffSearchTerms('山')).toBeNull()
    expect(staffSearchTerms('  ')).toBeNull()
    expect(staffSearchTerms('あ'.repeat(101))).toBeNull()
    expect(staffSearchTerms('山田\u0000')).toBeNull()
  })
})

describe('bookings export', () => {
  it('leaves contact columns out unless asked for', () => {
    expect(bookingExportColumns(false)).not.toContain('email')
    expect(bookingExportColumns(false)).not.toContain('phone')
    expect(bookingExportColumns(false)).toContain('jobSeekerNumber')
    expect(bookingExportColumns(true)).toEqual(expect.arrayContaining(['email', 'phone']))
  })

  it('lets only HQ and office admins export contacts', () => {
    expect(maySeeContacts('hq-admin')).toBe(true)
    expect(maySeeContacts('office-admin')).toBe(true)
    expect(maySeeContacts('office-staff')).toBe(false)
  })

  it('keeps a cell from running as a spreadsheet formula', () => {
    expect(spreadsheetSafe('=HYPERLINK("x")')).toBe('\'=HYPERLINK("x")')
    expect(spreadsheetSafe('+81')).toBe("'+81")
    expect(spreadsheetSafe('@SUM(A1)')).toBe("'@SUM(A1)")
    expect(spreadsheetSafe('-1')).toBe("'-1")
    expect(spreadsheetSafe('山田 花子')).toBe('山田 花子')
    expect(spreadsheetSafe('09012345678')).toBe('09012345678')
  })
})
