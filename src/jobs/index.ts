import type { Config } from 'payload'

export function jobsConfig({ autoRun }: { autoRun: boolean }): Config['jobs'] {
  return {
    tasks: [],
    autoRun: autoRun ? [{ cron: '* * * * *', queue: 'default' }] : undefined,
  }
}
