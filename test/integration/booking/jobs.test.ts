import { describe, expect, it } from 'vitest'

import { claimJobRun } from '../../../src/jobs/claimJobRun'
import { withHeartbeat } from '../../../src/jobs/bookingTasks'
import { clearStaleJobs, FINISHED_JOB_KEEP_MS } from '../../../src/jobs/clearStaleJobs'
import { jobTimings } from '../../../src/jobs/jobTimings'
import { expireUnconfirmedBookings, markNoShows } from '../../../src/services/bookings/maintenance'
import {
  allEligible,
  applicant,
  at,
  bookingSuite,
  KITAKYUSHU,
  kitakyushuPolicy,
  linkIn,
  mailTo,
  postJson,
  selfServiceBody,
  tokenOf,
  uniqueEmail,
} from './support'

const suite = bookingSuite(4)
const { edition } = suite
const minutes = (count: number) => count * 60_000
/** The suite's server runs the default cron, every minute. */
const { staleAfterMs } = jobTimings('* * * * *')

async function booking(id: number | string) {
  return suite.ctx.server.payload.findByID({ collection: 'bookings', id, showHiddenFields: true })
}

async function bookingByReference(reference: string) {
  const { docs } = await suite.ctx.server.payload.find({
    collection: 'bookings',
    where: { reference: { equals: reference } },
  })
  return docs[0]!
}

/** A confirmed booking made by staff through the Local API (as the admin would). */
async function staffBooking(slot: string, person: { email: string; jobSeekerNumber: string }) {
  return suite.ctx.server.payload.create({
    collection: 'bookings',
    data: {
      office: suite.ctx.officeIds[KITAKYUSHU] as number,
      slotStart: slot,
      channel: 'staff-scheduled',
      status: 'confirmed',
      applicant: { name: '田中 三郎', phone: '09011112222', desiredDateTime: '午前', ...person },
      eligibility: allEligible(kitakyushuPolicy),
    },
  })
}

describe('jobs', () => {
  it('are Payload tasks scheduled every minute on the default queue', () => {
    const tasks = suite.ctx.server.payload.config.jobs.tasks ?? []
    for (const slug of ['expireUnconfirmedBookings', 'markNoShows']) {
      const task = tasks.find((candidate) => candidate.slug === slug)
      expect(task?.schedule).toMatchObject([{ cron: '* * * * *', queue: 'default' }])
    }
  })

  it('expireUnconfirmedBookings: a hold past confirmBy expires through the job queue and its link dies', async () => {
    const email = uniqueEmail('expiry')
    const created = await postJson(
      `${suite.base}/offices/${KITAKYUSHU}/bookings`,
      selfServiceBody(edition(), at(suite.dates[0]!, '10:00'), { applicant: applicant({ email }) }),
    )
    expect(created.status).toBe(202)
    const link = linkIn(
      await suite.ctx.smtp.waitFor(mailTo(email, /確認/)),
      '/public/v1/bookings/confirm',
      suite.ctx.server.url,
    )
    const held = await bookingByReference(created.body.booking.reference)

    // Nothing to do while the hold is still within its window.
    expect(await expireUnconfirmedBookings(suite.ctx.server.payload)).toEqual({ expired: 0 })

    await suite.ctx.server.payload.db.updateOne({
      collection: 'bookings',
      id: held.id,
      data: { confirmBy: new Date(Date.now() - minutes(1)).toISOString() },
    })
    const { payload } = suite.ctx.server
    await payload.jobs.queue({ task: 'expireUnconfirmedBookings', input: {} })
    await payload.jobs.run()
    const expired = await booking(held.id)
    expect(expired.status).toBe('expired')
    expect(expired.seatLock).toMatch(/^released\|/)
    expect(expired.confirmTokenHash).toBeNull()
    expect(expired.statusHistory?.at(-1)).toMatchObject({
      from: 'pending_confirmation',
      to: 'expired',
      via: 'system',
      actor: 'system',
    })

    const confirm = await postJson(`${suite.base}/bookings/confirm`, { token: tokenOf(link) })
    expect(confirm.status).toBe(400)
    expect(confirm.body.errors[0].code).toBe('invalid_token')
  })

  it('markNoShows: after the grace period only, counting against the standing and flagging it for review', async () => {
    const { payload } = suite.ctx.server
    const person = { email: uniqueEmail('noshow'), jobSeekerNumber: '40010-555555' }
    const first = await staffBooking(at(suite.dates[1]!, '10:00'), person)
    expect(first.status).toBe('confirmed')
    const start = new Date(first.slotStart).getTime()
    const grace = kitakyushuPolicy.noShowGraceMinutes

    expect(await markNoShows(payload, { now: new Date(start + minutes(grace) - 1) })).toEqual({
      markedNoShow: 0,
    })
    expect(await markNoShows(payload, { now: new Date(start + minutes(grace)) })).toEqual({
      markedNoShow: 1,
    })
    const marked = await booking(first.id)
    expect(marked.status).toBe('no_show')
    expect(marked.statusHistory?.at(-1)).toMatchObject({
      from: 'confirmed',
      to: 'no_show',
      via: 'system',
    })

    const standings = await payload.find({
      collection: 'applicant-standings',
      where: { office: { equals: suite.ctx.officeIds[KITAKYUSHU] } },
    })
    expect(standings.docs.map((standing) => standing.noShowCount)).toEqual([1, 1])
    expect(JSON.stringify(standings.docs)).not.toContain(person.email)

    // Reaching the threshold flags the applicant for review; it refuses nobody by itself
    // (rewritten: the count once refused automatically; see noShowReview.test.ts).
    expect(
      standings.docs.map((standing) => (standing as { reviewDue?: boolean }).reviewDue),
    ).toEqual([true, true])
    const allowed = await postJson(
      `${suite.base}/offices/${KITAKYUSHU}/bookings`,
      selfServiceBody(edition(), at(suite.dates[2]!, '10:00'), {
        applicant: applicant({ email: person.email }),
      }),
    )
    expect(allowed.status).toBe(202)
  })

  it('markNoShows through the queue marks a past booking and leaves future ones alone', async () => {
    const { payload } = suite.ctx.server
    const upcoming = await staffBooking(at(suite.dates[3]!, '13:00'), {
      email: uniqueEmail(),
      jobSeekerNumber: '40010-777777',
    })
    // A booking whose slot ended well past the grace period: the run must mark it, or it did
    // not run.
    const past = await staffBooking(at(suite.dates[3]!, '13:30'), {
      email: uniqueEmail(),
      jobSeekerNumber: '40010-888888',
    })
    const pastStart = Date.now() - minutes(kitakyushuPolicy.noShowGraceMinutes + 60)
    await payload.db.updateOne({
      collection: 'bookings',
      id: past.id,
      data: {
        slotStart: new Date(pastStart).toISOString(),
        slotEnd: new Date(pastStart + minutes(30)).toISOString(),
      },
    })

    const job = await payload.jobs.queue({ task: 'markNoShows', input: {} })
    const result = await payload.jobs.run()
    expect(result.jobStatus?.[job.id as never]).toMatchObject({ status: 'success' })
    const run = await payload.find({
      collection: 'claims',
      where: { key: { equals: `job|markNoShows|id:${job.id}@${job.createdAt}` } },
    })
    expect(run.docs).toHaveLength(1)
    expect((await booking(past.id)).status).toBe('no_show')
    expect((await booking(upcoming.id)).status).toBe('confirmed')
  })
})

describe('job runs', () => {
  it('a run is claimed once: a second attempt at the same scheduled run does nothing', async () => {
    const { payload } = suite.ctx.server
    const job = { id: 'probe', waitUntil: new Date('2026-01-01T00:00:00Z') }
    expect(await claimJobRun(payload, 'markNoShows', job)).toBe(true)
    expect(await claimJobRun(payload, 'markNoShows', { ...job, id: 'other' })).toBe(false)
    expect(await claimJobRun(payload, 'expireUnconfirmedBookings', job)).toBe(true)
    const runs = await payload.find({
      collection: 'claims',
      where: { key: { like: '2026-01-01T00:00:00.000Z' } },
    })
    expect(runs.docs.map((run) => [run.key, run.kind]).sort()).toEqual([
      ['job|expireUnconfirmedBookings|2026-01-01T00:00:00.000Z', 'job-run'],
      ['job|markNoShows|2026-01-01T00:00:00.000Z', 'job-run'],
    ])
  })

  it('a job left processing without a runner blocks its schedule for two cron periods only', async () => {
    const { payload } = suite.ctx.server
    expect(staleAfterMs).toBe(minutes(2))
    const orphan = (ageMs: number) =>
      payload.db.create({
        collection: 'payload-jobs',
        data: {
          taskSlug: 'markNoShows',
          queue: 'default',
          input: {},
          meta: { scheduled: true },
          processing: true,
          totalTried: 0,
          updatedAt: new Date(Date.now() - ageMs).toISOString(),
        },
      })
    const fresh = await orphan(staleAfterMs - minutes(1))
    const blocked = await payload.jobs.handleSchedules()
    expect(blocked.skipped.map((entry) => entry.taskConfig?.slug)).toContain('markNoShows')
    await payload.db.deleteOne({ collection: 'payload-jobs', where: { id: { equals: fresh.id } } })

    const stale = await orphan(staleAfterMs + 1_000)
    const scheduled = await payload.jobs.handleSchedules()
    expect(scheduled.queued.map((entry) => entry.taskConfig?.slug)).toContain('markNoShows')
    // By what it was, not its id: SQLite hands the freed id to the job just queued.
    const left = await payload.db.count({
      collection: 'payload-jobs',
      where: { processing: { equals: true }, updatedAt: { equals: stale.updatedAt } },
    })
    expect(left.totalDocs).toBe(0)
    await payload.jobs.run()
  })

  it('a running job keeps its row fresh, so clearing stale jobs never takes a live run', async () => {
    const { payload } = suite.ctx.server
    const running = await payload.db.create({
      collection: 'payload-jobs',
      data: {
        taskSlug: 'markNoShows',
        queue: 'default',
        input: {},
        processing: true,
        totalTried: 0,
        updatedAt: new Date(Date.now() - minutes(5)).toISOString(),
      },
    })
    // A beat every 750 ms against a 6 s threshold: only an event-loop stall of seconds fails it.
    const staleAfter = 3_000
    const stillThere = async () =>
      (
        await payload.db.count({
          collection: 'payload-jobs',
          where: { id: { equals: running.id } },
        })
      ).totalDocs
    await withHeartbeat(payload, running.id, staleAfter / 4, async () => {
      // Beats are timers: give them time to land even on a busy machine, then sweep.
      for (let sweep = 0; sweep < 2; sweep++) {
        await new Promise((resolve) => setTimeout(resolve, staleAfter))
        await clearStaleJobs(payload, 'markNoShows', staleAfter * 2)
        expect(await stillThere()).toBe(1)
      }
    })
    // Without a runner the same sweep takes it.
    await new Promise((resolve) => setTimeout(resolve, staleAfter * 2 + 50))
    await clearStaleJobs(payload, 'markNoShows', staleAfter * 2)
    expect(await stillThere()).toBe(0)
  })

  it('completed jobs stay until no run can still hold them, then are pruned', async () => {
    const { payload } = suite.ctx.server
    await payload.jobs.queue({ task: 'markNoShows', input: {} })
    await payload.jobs.run()
    const done = await payload.db.find<{ id: number | string; completedAt: string }>({
      collection: 'payload-jobs',
      where: { taskSlug: { equals: 'markNoShows' }, completedAt: { exists: true } },
      sort: '-completedAt',
      limit: 1,
    })
    const job = done.docs[0]!
    expect(job.completedAt).toBeTruthy()
    const longAgo = new Date(Date.now() - FINISHED_JOB_KEEP_MS - 1_000).toISOString()
    await payload.db.updateOne({
      collection: 'payload-jobs',
      id: job.id,
      data: { completedAt: longAgo },
    })
    const old = { completedAt: { equals: longAgo } }
    expect((await payload.db.count({ collection: 'payload-jobs', where: old })).totalDocs).toBe(1)
    await payload.jobs.handleSchedules()
    expect((await payload.db.count({ collection: 'payload-jobs', where: old })).totalDocs).toBe(0)
    await payload.jobs.run()
  })
})
