#!/usr/bin/env bash
# Builds the release bundle into dist/ (opt-level z, LTO, split into parts loaded on
# demand, wasm-opt -Oz) and prints the gzipped sizes of what a browser downloads on
# first load and of what loads later.
set -euo pipefail
source "$(dirname "$0")/env.sh"
trunk build --release
gz() { gzip -9 -c "$1" | wc -c; }
wasm=$(ls dist/kam-workbench-*_bg.wasm)
stem=${wasm%_bg.wasm}
# The first screen's texts of one language load at start too: count the larger start
# table (the whole table follows once the first screen is painted).
texts=$(for f in "$stem".strings.*.start.json; do gz "$f"; done | sort -n | tail -n 1)
first=$(( $(gz "$wasm") + $(gz "$stem.js") + $(gz "$stem.split.js") + texts ))
printf 'first load: app wasm %d B + js %d B + chunk loader %d B + texts %d B = %d KB gzipped\n' \
  "$(gz "$wasm")" "$(gz "$stem.js")" "$(gz "$stem.split.js")" "$texts" "$(( first / 1024 ))"
chunks=0
for f in "$stem".*.wasm; do chunks=$(( chunks + $(gz "$f") )); done
printf 'pages loaded on demand: %d chunks, %d KB gzipped in all\n' \
  "$(ls "$stem".*.wasm | wc -l)" "$(( chunks / 1024 ))"
printf 'tools module (charts, exports; on demand): wasm %d B + js %d B gzipped\n' \
  "$(gz dist/tools/kam_tools_bg.wasm)" "$(gz dist/tools/kam_tools.js)"
printf 'sheets module (XLSX/CSV import, XLSX export; a worker, on demand): wasm %d B + js %d B gzipped\n' \
  "$(gz dist/sheets/kam_sheets_bg.wasm)" "$(( $(gz dist/sheets/kam_sheets.js) + $(gz dist/sheets/worker.js) ))"
printf 'sync module (team sync; a worker, only for a shared workspace): wasm %d B + js %d B gzipped\n' \
  "$(gz dist/sync/kam_sync_bg.wasm)" "$(( $(gz dist/sync/kam_sync.js) + $(gz dist/sync/worker.js) ))"
