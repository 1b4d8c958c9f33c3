#!/usr/bin/env bash
# Trunk post-build hook: builds the tools module (src/bin/kam-tools.rs: charts and
# spreadsheet exports) into <dist>/tools/, with wasm-bindgen and, for release builds,
# wasm-opt. The app imports it only when a chart or an export is first used, so plotters
# and the csv crate stay out of the first load.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
cd "$root"
profile=${TRUNK_PROFILE:-release}
out=${TRUNK_STAGING_DIR:-$root/dist}/tools
flags=()
[ "$profile" = release ] && flags+=(--release)
cargo build "${flags[@]}" --target wasm32-unknown-unknown --bin kam-tools
mkdir -p "$out"
wasm-bindgen --target web --no-typescript --out-dir "$out" --out-name kam_tools \
  "target/wasm32-unknown-unknown/$profile/kam-tools.wasm"
if [ "$profile" = release ]; then
  wasm-opt -Oz "$out/kam_tools_bg.wasm" -o "$out/kam_tools_bg.wasm"
fi
