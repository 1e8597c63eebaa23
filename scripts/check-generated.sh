#!/usr/bin/env bash
# Fails when the committed payload-types.ts or migrations no longer match the collections.
set -euo pipefail
cd "$(dirname "$0")/.."
scratch=$(mktemp -d)
trap 'rm -rf "$scratch"' EXIT
export KIYAKU_DATA_DIR="$scratch"

# On Node 20 the payload CLI now and then exits 0 having done nothing and printed nothing (its
# module graph, Lexical's top-level await included, never settles). A check that ran nothing
# must not pass: each command is retried until it says it did its work.
run_until() { # marker command...
  local marker=$1 attempt output
  shift
  for attempt in 1 2 3 4 5 6; do
    output=$("$@" </dev/null 2>&1 || true)
    if grep -q "$marker" <<<"$output"; then return 0; fi
  done
  echo "'$*' did not run (no \"$marker\" in its output after 6 attempts):" >&2
  echo "$output" >&2
  return 1
}

run_until 'Compiling TS types' npx payload generate:types
run_until 'generating UP statements' npx payload migrate:create schema-drift --skip-empty
if ! git diff --quiet -- src/payload-types.ts || [ -n "$(git status --porcelain -- src/migrations)" ]; then
  echo "Generated files are stale: run 'npm run generate:types' and 'npm run migrate:create' and commit." >&2
  git status --short -- src/payload-types.ts src/migrations >&2
  git checkout -- src/payload-types.ts src/migrations 2>/dev/null || true
  git clean -fq -- src/migrations
  exit 1
fi
echo "payload-types.ts and migrations are current."
