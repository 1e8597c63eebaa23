import { Router } from 'express'

import { PUBLIC_OFFICE_FIELDS } from '../../collections/Offices'
import { TOKYO_TIME_ZONE } from '../../lib/tokyoTime'
import type { PublicRouteDependencies } from './dependencies'

export function publicOfficeView(office: Record<string, unknown>) {
  const view: Record<string, unknown> = {}
  for (const field of PUBLIC_OFFICE_FIELDS) view[field] = office[field] ?? null
  view.timeZone = TOKYO_TIME_ZONE
  return view
}

export function officesRoutes({ payload }: PublicRouteDependencies): Router {
  const router = Router()
  router.get('/offices', async (_req, res) => {
    const { docs } = await payload.find({
      collection: 'offices',
      limit: 1000,
      sort: 'slug',
      depth: 0,
      overrideAccess: false,
    })
    res.json({
      offices: docs.map((doc) => publicOfficeView(doc as unknown as Record<string, unknown>)),
    })
  })
  return router
}
