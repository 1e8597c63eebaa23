import type { FieldAccess } from 'payload'

import { roleOf } from './roles'

export const fieldIsHqAdmin: FieldAccess = ({ req: { user } }) => roleOf(user) === 'hq-admin'
