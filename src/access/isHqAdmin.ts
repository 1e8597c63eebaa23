import type { Access } from 'payload'

import { roleOf } from './roles'

export const isHqAdmin: Access = ({ req: { user } }) => roleOf(user) === 'hq-admin'
