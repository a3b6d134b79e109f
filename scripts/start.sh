#!/usr/bin/env bash
# `npm start`: set up, build both targets, and open Chromium with the extension on the
# bundled demo page. Without a display it runs headless, prints what the extension found
# and where it saved screenshots of the page and of the popup.
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/setup-machine.sh

ss_setup_machine
ss_log "npm run build"
npm run build
SS_LOCAL_PAGES=1 npx vite build --mode chrome --logLevel warn
ss_log "starting the demo"
exec npx tsx scripts/demo.ts "$@"
