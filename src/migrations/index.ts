import * as migration_20261121_231636_initial from './20261121_231636_initial';
import * as migration_20261122_003131_kiyaku_schema from './20261122_003131_kiyaku_schema';
import * as migration_20261122_014349_claims from './20261122_014349_claims';
import * as migration_20261122_022422_booking_revision from './20261122_022422_booking_revision';
import * as migration_20261122_022744_address_hits from './20261122_022744_address_hits';
import * as migration_20261129_105017_schema_session3 from './20261129_105017_schema_session3';
import * as migration_20261129_110520_retention_warnings from './20261129_110520_retention_warnings';
import * as migration_20261129_132337_reason_factors_claim_kinds from './20261129_132337_reason_factors_claim_kinds';

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
    up: migration_20261122_014349_claims.up,
    down: migration_20261122_014349_claims.down,
    name: '20261122_014349_claims',
  },
  {
    up: migration_20261122_022422_booking_revision.up,
    down: migration_20261122_022422_booking_revision.down,
    name: '20261122_022422_booking_revision',
  },
  {
    up: migration_20261122_022744_address_hits.up,
    down: migration_20261122_022744_address_hits.down,
    name: '20261122_022744_address_hits',
  },
  {
    up: migration_20261129_105017_schema_session3.up,
    down: migration_20261129_105017_schema_session3.down,
    name: '20261129_105017_schema_session3',
  },
  {
    up: migration_20261129_110520_retention_warnings.up,
    down: migration_20261129_110520_retention_warnings.down,
    name: '20261129_110520_retention_warnings',
  },
  {
    up: migration_20261129_132337_reason_factors_claim_kinds.up,
    down: migration_20261129_132337_reason_factors_claim_kinds.down,
    name: '20261129_132337_reason_factors_claim_kinds'
  },
];
