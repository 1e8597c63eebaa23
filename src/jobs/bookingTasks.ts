import type { TaskConfig } from 'payload'

import { expireUnconfirmedBookings, markNoShows } from '../services/bookings/maintenance'

/** Every minute on the default queue, which the server's autoRun works through. */
const EVERY_MINUTE = [{ cron: '* * * * *', queue: 'default' }]

export const expireUnconfirmedBookingsTask: TaskConfig<'expireUnconfirmedBookings'> = {
  slug: 'expireUnconfirmedBookings',
  label: '確認されなかった予約を期限切れにする',
  schedule: EVERY_MINUTE,
  retries: 0,
  outputSchema: [{ name: 'expired', type: 'number', required: true }],
  handler: async ({ req }) => ({ output: await expireUnconfirmedBookings(req.payload) }),
}

export const markNoShowsTask: TaskConfig<'markNoShows'> = {
  slug: 'markNoShows',
  label: '無断欠席を記録する',
  schedule: EVERY_MINUTE,
  retries: 0,
  outputSchema: [{ name: 'markedNoShow', type: 'number', required: true }],
  handler: async ({ req }) => ({ output: await markNoShows(req.payload) }),
}
