#!/usr/bin/env bash
# Builds the release bundle into dist/ (opt-level z, LTO, wasm-opt -Oz) and prints the
# gzipped sizes of what a browser downloads on first load.
set -euo pipefail
source "$(dirname "$0")/env.sh"
trunk build --release
wasm=$(ls dist/kam-workbench-*_bg.wasm)
js=$(ls dist/kam-workbench-*.js)  # the app; dist/sw.js is the offline cache
wasm_gz=$(gzip -9 -c "$wasm" | wc -c)
js_gz=$(gzip -9 -c "$js" | wc -c)
printf 'release size: wasm %d B (%d B gzipped), js %d B (%d B gzipped), first load wasm+js %d KB gzipped\n' \
  "$(wc -c < "$wasm")" "$wasm_gz" "$(wc -c < "$js")" "$js_gz" "$(( (wasm_gz + js_gz) / 1024 ))"
tools_wasm_gz=$(gzip -9 -c dist/tools/kam_tools_bg.wasm | wc -c)
tools_js_gz=$(gzip -9 -c dist/tools/kam_tools.js | wc -c)
printf 'tools module (charts, exports; loaded on demand): wasm %d B gzipped, js %d B gzipped\n' "$tools_wasm_gz" "$tools_js_gz"
sheets_wasm_gz=$(gzip -9 -c dist/sheets/kam_sheets_bg.wasm | wc -c)
sheets_js_gz=$(( $(gzip -9 -c dist/sheets/kam_sheets.js | wc -c) + $(gzip -9 -c dist/sheets/worker.js | wc -c) ))
printf 'sheets module (XLSX/CSV import, XLSX export; a worker, started on demand): wasm %d B gzipped, js %d B gzipped\n' "$sheets_wasm_gz" "$sheets_js_gz"
