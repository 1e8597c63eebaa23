import { describe, expect, it } from 'vitest'

import { startTestServer } from '../../support/server'

describe('POST /api/users/first-register is closed', () => {
  it('refuses on an empty database and creates nobody', async () => {
    const empty = await startTestServer({ seed: false })
    try {
      const response = await fetch(`${empty.url}/api/users/first-register`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ email: 'intruder@example.test', password: 'intruder-pass-1' }),
      })
      expect(response.status).toBe(403)
      const body = (await response.json()) as { errors: { code: string }[] }
      expect(body.errors[0]!.code).toBe('first_register_closed')
      const { totalDocs } = await empty.payload.count({ collection: 'users' })
      expect(totalDocs).toBe(0)
    } finally {
      await empty.close()
    }
  })
})
