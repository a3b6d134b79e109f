#!/usr/bin/env bash
# `npm test`: every check the project has, as CI runs it (.ci/run). Installs what a fresh
# machine lacks, runs `npm run check` (format, types, import layers, dead code, data, unit
# tests), builds everything (both targets, the -local variants, the CLI, the zips), then
# web-ext lint, the headless demo, the DOM modules in real Chromium and Firefox, and the
# whole extension in Chromium and Firefox.
# A build failure stops at once; test steps all run, and the exit code is non-zero if any failed.
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/setup-machine.sh

t_start=$SECONDS
ss_setup_machine

failed=()
step() {
  local name=$1; shift
  local t=$SECONDS
  ss_log "$name"
  if "$@"; then
    ss_log "$name: ok ($((SECONDS - t)) s)"
  else
    ss_log "$name: FAILED ($((SECONDS - t)) s)"
    failed+=("$name")
  fi
}

step "check (format, types, layers, dead code, data, unit tests)" bash scripts/check.sh

ss_log "npm run build"
npm run build
ss_build_local

# --warnings-as-errors: store review treats warnings (innerHTML, eval, manifest keys) as findings.
step "web-ext lint (Firefox build)" env NO_UPDATE_NOTIFIER=1 npx web-ext lint --source-dir dist/firefox --no-config-discovery --warnings-as-errors
# The browser half of `npm start`, headless: the demo page must show flags.
step "demo (headless)" npx tsx scripts/demo.ts --headless --out dist/demo
# Through the package scripts: they put the Node 22 that vitest 5 needs on PATH.
step "DOM modules (Chromium, Firefox)" npm run --silent test:browser
# The whole-extension tests reuse the builds above instead of rebuilding.
step "extension tests (Chromium, Firefox)" env SS_E2E_SKIP_BUILD=1 npm run --silent test:e2e

if [ ${#failed[@]} -gt 0 ]; then
  ss_log "FAILED: ${failed[*]} (total $((SECONDS - t_start)) s)"
  exit 1
fi
ss_log "all checks passed (total $((SECONDS - t_start)) s)"
