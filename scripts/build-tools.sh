#!/usr/bin/env bash
# Trunk post-build hook: builds the two on-demand modules beside the app, with
# wasm-bindgen and, for release builds, wasm-opt:
# - <dist>/tools/: the tools module (src/bin/kam-tools.rs: charts, CSV export), imported
#   when a chart or an export is first used, so plotters and csv stay out of the first load;
# - <dist>/sheets/: the sheets module (src/bin/kam-sheets.rs: XLSX and CSV reading, XLSX
#   writing) with its worker script (src/ui/sheets_worker.js), started when a spreadsheet
#   is first imported or exported as XLSX.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
cd "$root"
profile=${TRUNK_PROFILE:-release}
staging=${TRUNK_STAGING_DIR:-$root/dist}
flags=()
[ "$profile" = release ] && flags+=(--release)
cargo build "${flags[@]}" --target wasm32-unknown-unknown --bin kam-tools --bin kam-sheets

module() { # <bin> <out dir> <out name>
  mkdir -p "$2"
  wasm-bindgen --target web --no-typescript --out-dir "$2" --out-name "$3" \
    "target/wasm32-unknown-unknown/$profile/$1.wasm"
  if [ "$profile" = release ]; then
    wasm-opt -Oz "$2/$3_bg.wasm" -o "$2/$3_bg.wasm"
  fi
}
module kam-tools "$staging/tools" kam_tools
module kam-sheets "$staging/sheets" kam_sheets
cp src/ui/sheets_worker.js "$staging/sheets/worker.js"
bash "$root/scripts/offline-cache.sh" "$staging"  # last: sw.js precaches every file built above
