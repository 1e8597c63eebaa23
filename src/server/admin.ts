import type { RequestHandler } from 'express'

import type { KiyakuEnv } from '../config/env'

/** Mounted by a later step: the Next.js admin panel. */
export async function createAdminHandler(_env: KiyakuEnv): Promise<RequestHandler | undefined> {
  return undefined
}
