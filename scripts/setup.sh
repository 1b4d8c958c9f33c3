#!/usr/bin/env bash
# Installs every tool the build and the tests need, from the registries this
# machine reaches (crates.io, npm, Debian). Idempotent: a tool that is already
# present at the pinned version is left alone, so a second run takes seconds.
set -euo pipefail

TRUNK_VERSION=0.21.14
WASM_BINDGEN_VERSION=0.2.130
BINARYEN_VERSION=132
PLAYWRIGHT_VERSION=1.65.1
TERSER_VERSION=5.51.4
WASM_SPLIT_VERSION=0.2.4

root=$(cd "$(dirname "$0")/.." && pwd)
export PATH="$HOME/.cargo/bin:$root/node_modules/.bin:$PATH"

log() { printf '[setup] %s\n' "$*"; }

for component in rustfmt clippy; do
  if ! rustup component list --installed | grep -q "^$component"; then
    log "adding rust component $component"
    rustup component add "$component"
  fi
done

if ! rustup target list --installed | grep -qx wasm32-unknown-unknown; then
  log "adding the wasm32 target"
  rustup target add wasm32-unknown-unknown
fi

if ! trunk --version 2>/dev/null | grep -q "$TRUNK_VERSION"; then
  log "installing trunk $TRUNK_VERSION (takes several minutes once)"
  cargo install --locked trunk --version "$TRUNK_VERSION"
fi

if ! wasm-bindgen --version 2>/dev/null | grep -q "$WASM_BINDGEN_VERSION"; then
  log "installing wasm-bindgen-cli $WASM_BINDGEN_VERSION"
  # --locked fails: its lockfile pins a crate release the registry here lacks.
  cargo install wasm-bindgen-cli --version "$WASM_BINDGEN_VERSION" --force
fi

# The splitter that cuts the app into a main module and chunks loaded per page
# (scripts/build-wasm.sh). It has no --version; cargo's install list records it.
if ! cargo install --list | grep -qx "wasm_split_cli_support v$WASM_SPLIT_VERSION:"; then
  log "installing wasm-split-cli $WASM_SPLIT_VERSION"
  cargo install wasm_split_cli_support --version "$WASM_SPLIT_VERSION" --locked \
    --features build-binary --force
fi

# Node packages (wasm-opt from binaryen, terser, the browser-test driver, the
# accessibility checker) are pinned in package.json / package-lock.json; `npm ci` only
# when they are missing.
if [ ! -x "$root/node_modules/.bin/wasm-opt" ] || [ ! -d "$root/node_modules/playwright-core" ] \
   || [ ! -f "$root/node_modules/axe-core/axe.min.js" ] \
   || ! "$root/node_modules/.bin/terser" --version 2>/dev/null | grep -q "$TERSER_VERSION" \
   || ! "$root/node_modules/.bin/wasm-opt" --version 2>/dev/null | grep -q "version $BINARYEN_VERSION"; then
  log "installing node packages (binaryen $BINARYEN_VERSION, playwright-core $PLAYWRIGHT_VERSION)"
  (cd "$root" && npm ci --no-audit --no-fund)
fi

# The stock Automerge sync server the team-sync tests run against, pinned in
# sync-server/package-lock.json (a folder of its own: it is not part of the build).
SYNC_SERVER_VERSION=0.2.8
if ! grep -qs "\"version\": \"$SYNC_SERVER_VERSION\"" \
     "$root/sync-server/node_modules/@automerge/automerge-repo-sync-server/package.json"; then
  log "installing the Automerge sync server $SYNC_SERVER_VERSION (sync-server/)"
  (cd "$root/sync-server" && npm ci --no-audit --no-fund)
fi

if ! command -v chromium >/dev/null || ! command -v chromedriver >/dev/null; then
  log "installing chromium and chromedriver from Debian"
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq
  apt-get install -y -qq chromium chromium-driver >/dev/null
fi

# nginx: the browser tests also serve the build the way many teams host it.
if ! command -v nginx >/dev/null && [ ! -x /usr/sbin/nginx ]; then
  log "installing nginx from Debian (for the hosting test)"
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq
  apt-get install -y -qq nginx-light >/dev/null
fi

log "tools ready: $(trunk --version), $(wasm-bindgen --version), wasm-split-cli $WASM_SPLIT_VERSION, $(wasm-opt --version), $(chromium --version)"
