import * as migration_20261121_231636_initial from './20261121_231636_initial';

export const migrations = [
  {
    up: migration_20261121_231636_initial.up,
    down: migration_20261121_231636_initial.down,
    name: '20261121_231636_initial'
  },
];
