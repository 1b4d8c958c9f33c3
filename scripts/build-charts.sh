#!/usr/bin/env bash
# Trunk post-build hook: builds the chart module (src/bin/kam-charts.rs) into
# <dist>/charts/, with wasm-bindgen and, for release builds, wasm-opt. The app imports
# it only when a chart is first shown, so plotters stays out of the first load.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
cd "$root"
profile=${TRUNK_PROFILE:-release}
out=${TRUNK_STAGING_DIR:-$root/dist}/charts
flags=()
[ "$profile" = release ] && flags+=(--release)
cargo build "${flags[@]}" --target wasm32-unknown-unknown --bin kam-charts
mkdir -p "$out"
wasm-bindgen --target web --no-typescript --out-dir "$out" --out-name kam_charts \
  "target/wasm32-unknown-unknown/$profile/kam-charts.wasm"
if [ "$profile" = release ]; then
  wasm-opt -Oz "$out/kam_charts_bg.wasm" -o "$out/kam_charts_bg.wasm"
fi
