#!/usr/bin/env bash
# Fails when the committed payload-types.ts or migrations no longer match the collections.
set -euo pipefail
cd "$(dirname "$0")/.."
scratch=$(mktemp -d)
trap 'rm -rf "$scratch"' EXIT
export KIYAKU_DATA_DIR="$scratch"
npx payload generate:types >/dev/null
npx payload migrate:create schema-drift --skip-empty < /dev/null >/dev/null
if ! git diff --quiet -- src/payload-types.ts || [ -n "$(git status --porcelain -- src/migrations)" ]; then
  echo "Generated files are stale: run 'npm run generate:types' and 'npm run migrate:create' and commit." >&2
  git status --short -- src/payload-types.ts src/migrations >&2
  git checkout -- src/payload-types.ts src/migrations 2>/dev/null || true
  git clean -fq -- src/migrations
  exit 1
fi
echo "payload-types.ts and migrations are current."
