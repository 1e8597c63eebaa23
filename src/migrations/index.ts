import * as migration_20261121_231636_initial from './20261121_231636_initial';
import * as migration_20261122_003131_kiyaku_schema from './20261122_003131_kiyaku_schema';
import * as migration_20261122_011922_job_runs from './20261122_011922_job_runs';

export const migrations = [
  {
    up: migration_20261121_231636_initial.up,
    down: migration_20261121_231636_initial.down,
    name: '20261121_231636_initial',
  },
  {
    up: migration_20261122_003131_kiyaku_schema.up,
    down: migration_20261122_003131_kiyaku_schema.down,
    name: '20261122_003131_kiyaku_schema',
  },
  {
    up: migration_20261122_011922_job_runs.up,
    down: migration_20261122_011922_job_runs.down,
    name: '20261122_011922_job_runs'
  },
];
