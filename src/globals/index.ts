import type { GlobalConfig } from 'payload'

import { HqSettings } from './HqSettings'

export const globals: GlobalConfig[] = [HqSettings]
