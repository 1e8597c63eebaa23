import type { CollectionConfig, CollectionSlug } from 'payload'

import { Offices } from './Offices'
import { Users } from './Users'

export const collections: CollectionConfig[] = [Offices, Users]

/** Collections whose documents belong to one office (the plugin adds their `office` field). */
export const TENANT_SCOPED_COLLECTIONS: CollectionSlug[] = []
