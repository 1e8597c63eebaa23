#!/usr/bin/env bash
# Runs vitest with DATABASE_URL pointing at a MongoDB-protocol server: FerretDB v1 started here
# (scripts/mongo/start-ferretdb.sh) and stopped afterwards. Arguments go to `vitest run`.
#
#   scripts/mongo/test-against-mongo.sh                          # the whole suite
#   scripts/mongo/test-against-mongo.sh test/integration/foundation
#
# A FerretDB that start-ferretdb.sh had already started on the port is used and left running.
# To run against a real MongoDB instead, skip this script:
#   DATABASE_URL='mongodb://host1,host2/kiyaku?replicaSet=rs0' npx vitest run
# test/support/server.ts gives each test file its own database on that server and drops it after.
set -uo pipefail

here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
root=$(cd "$here/../.." && pwd)
port=${FERRETDB_PORT:-27017}
addr=${FERRETDB_ADDR:-127.0.0.1}
state_file=${TMPDIR:-/tmp}/kiyaku-ferretdb-$port.state

started_here=0
if [ ! -f "$state_file" ]; then started_here=1; fi
"$here/start-ferretdb.sh" || exit $?
if [ "$started_here" = 1 ]; then
  trap '"$here/stop-ferretdb.sh"' EXIT
  trap 'exit 130' INT
  trap 'exit 143' TERM
fi

cd "$root"
# KIYAKU_TEST_FERRETDB: tests skip, by name, the cases where FerretDB v1 differs from MongoDB
# (test/support/backend.ts); everything else asserts what MongoDB does.
KIYAKU_TEST_FERRETDB=1 DATABASE_URL="mongodb://$addr:$port/kiyaku" npx vitest run "$@"
