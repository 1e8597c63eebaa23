#!/usr/bin/env bash
# Stops the FerretDB that scripts/mongo/start-ferretdb.sh started on FERRETDB_PORT (default 27017)
# and removes its data, unless FERRETDB_KEEP_DATA=1. Touches no other process.
set -euo pipefail

port=${FERRETDB_PORT:-27017}
state_file=${TMPDIR:-/tmp}/kiyaku-ferretdb-$port.state
say() { printf 'stop-ferretdb: %s\n' "$*" >&2; }

if [ ! -f "$state_file" ]; then
  say "no FerretDB started by start-ferretdb.sh on port $port"
  exit 0
fi
read -r pid dir <"$state_file" || true
rm -f "$state_file"

if [ -n "${pid:-}" ] && [ -r "/proc/$pid/cmdline" ] && tr '\0' ' ' <"/proc/$pid/cmdline" | grep -q ferretdb; then
  kill "$pid"
  for _ in $(seq 1 50); do
    kill -0 "$pid" 2>/dev/null || break
    sleep 0.1
  done
  if kill -0 "$pid" 2>/dev/null; then
    say "FerretDB (pid $pid) did not stop on SIGTERM within 5 s; sending SIGKILL"
    kill -9 "$pid" 2>/dev/null || true
  fi
  say "stopped FerretDB (pid $pid)"
else
  say "FerretDB (pid ${pid:-?}) was no longer running"
fi

if [ "${FERRETDB_KEEP_DATA:-0}" != 1 ] && [ -n "${dir:-}" ] && [[ $dir == */kiyaku-ferretdb.* ]]; then
  rm -rf "$dir"
elif [ -n "${dir:-}" ]; then
  say "data kept in $dir"
fi
