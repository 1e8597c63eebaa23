import { MongoServerError } from 'mongodb'
import { ValidationError } from 'payload'
import { describe, expect, it } from 'vitest'

import { isUniqueConflict } from '../../../src/services/database/uniqueConflict'

const seatLock = { name: 'seatLock', column: 'seat_lock' }

/** What FerretDB v1.24 answers to findOneAndUpdate/updateOne onto a taken unique value. */
function ferretDbUpdateConflict(index: string): MongoServerError {
  return new MongoServerError({
    ok: 0,
    code: 1,
    codeName: 'InternalError',
    errmsg:
      '[msg_findandmodify.go:196 handler.(*Handler).findAndModifyDocument] [update.go:114 common.UpdateDocument] ' +
      `constraint failed: UNIQUE constraint failed: index '${index}' (2067)`,
  })
}

describe('isUniqueConflict', () => {
  it('recognises the ValidationError Payload makes of a unique violation, by field or column', () => {
    const on = (path: string) =>
      new ValidationError({ collection: 'bookings', errors: [{ message: 'unique', path }] })
    expect(isUniqueConflict(on('seatLock'), 'bookings', seatLock)).toBe(true)
    expect(isUniqueConflict(on('seat_lock'), 'bookings', seatLock)).toBe(true)
    expect(isUniqueConflict(on('email'), 'bookings', seatLock)).toBe(false)
  })

  it("recognises FerretDB's update conflict (code 1) on the same index, and nothing else", () => {
    expect(
      isUniqueConflict(
        ferretDbUpdateConflict('bookings_9435a319_seatLock_1'),
        'bookings',
        seatLock,
      ),
    ).toBe(true)
    expect(
      isUniqueConflict(
        ferretDbUpdateConflict('bookings_9435a319_reference_1'),
        'bookings',
        seatLock,
      ),
    ).toBe(false)
    expect(
      isUniqueConflict(ferretDbUpdateConflict('claims_1a2b3c4d_seatLock_1'), 'bookings', seatLock),
    ).toBe(false)
    const other = new MongoServerError({ ok: 0, code: 1, errmsg: 'something else broke' })
    expect(isUniqueConflict(other, 'bookings', seatLock)).toBe(false)
  })
})
