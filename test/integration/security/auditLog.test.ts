import { describe, expect, it } from 'vitest'

import { bearer, login } from '../../support/server'
import {
  applicant,
  at,
  bookingSuite,
  KITAKYUSHU,
  linkIn,
  mailTo,
  postJson,
  selfServiceBody,
  tokenOf,
  uniqueEmail,
} from '../booking/support'

const suite = bookingSuite(2)

describe('the audit log carries no applicant values', () => {
  it('after booking, confirming and a staff edit of the applicant', async () => {
    const email = uniqueEmail('audit')
    const person = applicant({
      name: '監査 秘子',
      email,
      phone: '090-5555-0101',
      jobSeekerNumber: '13010-5551234',
      note: '監査に残ってはならないメモ',
    })
    const created = await postJson(
      `${suite.base}/offices/${KITAKYUSHU}/bookings`,
      selfServiceBody(suite.edition(), at(suite.dates[1]!, '10:30'), { applicant: person }),
    )
    expect(created.status).toBe(202)
    const reference = created.body.booking.reference as string

    const mail = await suite.ctx.smtp.waitFor(mailTo(email, /確認のお願い/))
    const token = tokenOf(linkIn(mail, '/public/v1/bookings/confirm', suite.ctx.server.url))
    expect((await postJson(`${suite.base}/bookings/confirm`, { token })).status).toBe(200)

    const { docs } = await suite.ctx.server.payload.find({
      collection: 'bookings',
      where: { reference: { equals: reference } },
    })
    const booking = docs[0]!
    const staff = await login(suite.ctx.server.url, 'kitakyushu-staff@demo.test')
    const edited = await postJson(
      `${suite.ctx.server.url}/api/bookings/${booking.id}`,
      { applicant: { ...booking.applicant, phone: '080-5555-0202' } },
      bearer(staff),
      'PATCH',
    )
    expect(edited.status).toBe(200)
    // Staff's free-text reason may name the person; the keyed hash can be tested against a 求職番号.
    const reason = '監査 秘子様より電話、体調不良のため取消'
    const cancelled = await postJson(
      `${suite.ctx.server.url}/api/bookings/${booking.id}`,
      { status: 'cancelled', cancelVia: 'phone', statusReason: reason },
      bearer(staff),
      'PATCH',
    )
    expect(cancelled.status, JSON.stringify(cancelled.body)).toBe(200)
    const applicantKey = (
      await suite.ctx.server.payload.findByID({
        collection: 'bookings',
        id: booking.id,
        showHiddenFields: true,
      })
    ).applicantKey
    expect(applicantKey).toBeTruthy()

    const entries = await suite.ctx.server.payload.find({
      collection: 'audit-log',
      where: { documentId: { equals: String(booking.id) } },
      pagination: false,
    })
    expect(entries.docs.length).toBeGreaterThanOrEqual(3)
    const text = JSON.stringify(entries.docs)
    for (const value of [
      '監査 秘子',
      email,
      '09055550101',
      '08055550202',
      '13010-5551234',
      '監査に残ってはならないメモ',
      reason,
      '体調不良',
      applicantKey!,
    ]) {
      expect(text).not.toContain(value)
    }
    const staffEdit = entries.docs.find(
      (entry) =>
        (entry.after as { personalFieldsChanged?: string[] } | null)?.personalFieldsChanged?.[0] ===
        'applicant.phone',
    )
    expect(staffEdit, 'the staff edit names the changed field').toBeDefined()
    // statusReason is moved into the history row on write, so that is where the change shows.
    const cancellation = entries.docs.find((entry) =>
      (entry.after as { personalFieldsChanged?: string[] } | null)?.personalFieldsChanged?.includes(
        'statusHistory.reason',
      ),
    )
    expect(cancellation, 'the cancellation says its reason changed').toBeDefined()
  })
})
