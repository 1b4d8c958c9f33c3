#!/usr/bin/env bash
# Trunk post-build hook: builds every WebAssembly file of the app into Trunk's staging
# directory, then the offline cache (sw.js) over the whole build. Trunk itself only
# copies the page, the stylesheet and the icon: it cannot split an app into parts.
#
# - The app (src/main.rs) is split into a main module, loaded at start, and chunks, each
#   loaded the first time a page that needs it opens (`#[wasm_split]` functions in
#   src/ui/pages.rs). The raw cargo output, which keeps its relocations for this
#   (`--emit-relocs`), is split by wasm-split-cli; wasm-bindgen then
#   runs on the main module only, keeping the exports the chunks link against; in
#   release builds wasm-opt shrinks every file. All files of one build carry one
#   content hash in their names (kam-workbench-<hash>…), so a browser never mixes the
#   main module of one build with a chunk of another, with or without the offline cache.
#   The page's start-up script and preload links are written into index.html. The texts
#   of both languages are not in the WebAssembly: kam-strings writes one table per
#   language beside it, and the page loads the one in use.
# - <staging>/tools/: the tools module (src/bin/kam-tools.rs: charts, CSV export),
#   imported when a chart or an export is first used.
# - <staging>/sheets/: the sheets module (src/bin/kam-sheets.rs: XLSX and CSV reading,
#   XLSX writing) with its worker script (src/ui/sheets_worker.js), started when a
#   spreadsheet is first imported or exported as XLSX.
# - <staging>/sync/: the sync module (src/bin/kam-sync.rs: Automerge and the sync
#   server's protocol) with its worker script (src/ui/sync_worker.js), started when the
#   open workspace is shared. The offline cache keeps it once used, not at install.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
cd "$root"
profile=${TRUNK_PROFILE:-release}
staging=${TRUNK_STAGING_DIR:-$root/dist}
flags=()
[ "$profile" = release ] && flags+=(--release)
# Test builds only (scripts/build-faults.sh): features such as the error screen's hooks.
[ -n "${KAM_FEATURES:-}" ] && flags+=(--features "$KAM_FEATURES")
# The app keeps the linker's relocations, which wasm-split-cli needs to split it. Only
# its own link gets the flag (`cargo rustc` passes it to the last crate alone), so the
# compiled dependencies are shared with every other build: the on-demand modules, linked
# without it, stay as small as plain links make them.
cargo rustc "${flags[@]}" --target wasm32-unknown-unknown --bin kam-workbench -- \
  -Clink-arg=--emit-relocs
cargo build "${flags[@]}" --target wasm32-unknown-unknown --bin kam-tools --bin kam-sheets \
  --bin kam-sync
out="target/wasm32-unknown-unknown/$profile"

# The flags cargo-leptos passes too: the chunks use bulk memory and saturating float
# conversions, which wasm-opt must be told about once the target-features section is gone.
# (wasm-split-cli writes a name subsection binaryen does not know; it warns and drops it.)
optimise() {
  wasm-opt -Oz --enable-bulk-memory --enable-nontrapping-float-to-int "$1" -o "$1" \
    2> >(grep -v 'unknown name subsection' >&2)
}

# --- The app, split.
split=$(mktemp -d)
trap 'rm -rf "$split"' EXIT
wasm-split-cli --target web --out-name kam-workbench "$out/kam-workbench.wasm" "$split/parts"
wasm-bindgen --target web --no-typescript --keep-lld-exports \
  --out-dir "$split/app" --out-name kam-workbench "$split/parts/kam-workbench.wasm"
cp "$split/parts/__wasm_split.js" "$split/app/"
# The texts of each language, loaded by the page (natively built, run once per build).
cargo run --quiet --bin kam-strings -- "$split/app"
for chunk in "$split"/parts/*.wasm; do
  [ "$(basename "$chunk")" = kam-workbench.wasm ] || cp "$chunk" "$split/app/"
done
if [ "$profile" = release ]; then
  # wasm-opt (binaryen built for node) takes about a second to start, and most chunks
  # are a few hundred bytes of glue it cannot shrink: optimise the files of 4 KB and
  # more, two at a time.
  export -f optimise
  find "$split/app" -maxdepth 1 -name '*.wasm' -size +4k -print0 |
    xargs -0 -n 1 -P "$(nproc)" bash -c 'optimise "$0"'
fi
rm -rf "$staging"/kam-workbench-*
# Also writes the page's content-security policy with the hashes of its inline scripts:
# nothing after this may change index.html.
python3 "$root/scripts/name-app-files.py" "$split/app" "$staging"
if [ "$profile" = release ]; then
  # wasm-bindgen's glue and the chunk loader load before the first screen: minified, they
  # are a quarter smaller gzipped. As modules, their exports keep their names.
  for js in "$staging"/kam-workbench-*.js; do
    terser "$js" --module --compress --mangle --output "$js"
  done
fi

# --- The on-demand modules.
module() { # <bin> <out dir> <out name>
  mkdir -p "$2"
  wasm-bindgen --target web --no-typescript --out-dir "$2" --out-name "$3" "$out/$1.wasm"
  if [ "$profile" = release ]; then optimise "$2/$3_bg.wasm"; fi
}
module kam-tools "$staging/tools" kam_tools
module kam-sheets "$staging/sheets" kam_sheets
cp src/ui/sheets_worker.js "$staging/sheets/worker.js"
module kam-sync "$staging/sync" kam_sync
cp src/ui/sync_worker.js "$staging/sync/worker.js"

bash "$root/scripts/offline-cache.sh" "$staging"  # last: sw.js precaches every file built above
