# Sourced by scripts/start.sh and scripts/test-all.sh: installs what a fresh machine lacks,
# and nothing more, so repeated runs stay quick.
#   - Chromium and Firefox ESR from Debian's packages (the browser tests and the demo use the
#     system browsers; tools that download their own browser builds do not work here).
#   - node_modules through `npm ci`, when missing or older than package-lock.json.
# Safe to source with `set -euo pipefail`.

ss_log() { printf '\033[1m==> %s\033[0m\n' "$*" >&2; }

ss_require_node() {
  if ! command -v node >/dev/null 2>&1; then
    echo "Node.js is not installed: install Node.js 20.19 or newer first (https://nodejs.org)." >&2
    return 1
  fi
  local v
  v=$(node -p 'process.versions.node')
  if ! node -e 'const [a,b]=process.versions.node.split(".").map(Number); process.exit(a>20||(a===20&&b>=19)?0:1)'; then
    echo "Node.js $v is too old: this project needs 20.19 or newer." >&2
    return 1
  fi
}

ss_install_browsers() {
  local missing=()
  command -v "${CHROMIUM_PATH:-chromium}" >/dev/null 2>&1 || missing+=(chromium)
  command -v "${FIREFOX_PATH:-firefox-esr}" >/dev/null 2>&1 || missing+=(firefox-esr)
  [ ${#missing[@]} -eq 0 ] && return 0
  ss_log "installing ${missing[*]} (Debian packages)"
  local sudo=()
  if [ "$(id -u)" -ne 0 ]; then
    if command -v sudo >/dev/null 2>&1; then sudo=(sudo); else
      echo "Need ${missing[*]} but I am not root and there is no sudo: install them and run again." >&2
      return 1
    fi
  fi
  if ! command -v apt-get >/dev/null 2>&1; then
    echo "Need ${missing[*]}: no apt-get here; install them with your package manager and set CHROMIUM_PATH / FIREFOX_PATH." >&2
    return 1
  fi
  "${sudo[@]}" env DEBIAN_FRONTEND=noninteractive apt-get update -q
  "${sudo[@]}" env DEBIAN_FRONTEND=noninteractive apt-get install -y -q --no-install-recommends "${missing[@]}"
}

ss_install_node_modules() {
  # npm writes node_modules/.package-lock.json on every install: if it is missing or older
  # than package-lock.json, the installed tree does not match the lock file.
  if [ -f node_modules/.package-lock.json ] && [ ! package-lock.json -nt node_modules/.package-lock.json ]; then
    return 0
  fi
  ss_log "npm ci"
  npm ci --no-audit --no-fund
}

ss_setup_machine() {
  ss_require_node
  ss_install_browsers
  ss_install_node_modules
}

# The -local variants also run their content script on http://127.0.0.1 (demo, browser tests).
ss_build_local() {
  ss_log "building dist/chrome-local and dist/firefox-local"
  SS_LOCAL_PAGES=1 npx vite build --mode chrome --logLevel warn
  SS_LOCAL_PAGES=1 npx vite build --mode firefox --logLevel warn
}
