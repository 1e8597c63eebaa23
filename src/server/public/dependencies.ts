import type { Payload } from 'payload'
import type { Logger } from 'pino'

import type { KiyakuEnv } from '../../config/env'

/** What every public route is built from. */
export interface PublicRouteDependencies {
  payload: Payload
  env: KiyakuEnv
  logger: Logger
}
