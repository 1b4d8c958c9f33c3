#!/usr/bin/env bash
# Prints the performance figures of BENCHMARKS.md: the domain core natively
# (cargo bench), then the built app in headless Chromium as one table beside the goals,
# for 1,000 and 10,000 accounts. Figures only; nothing is asserted.
set -euo pipefail
source "$(dirname "$0")/env.sh"
cargo bench --bench domain
bash scripts/build.sh
# The benchmark's own module: the ranking rule as WebAssembly, timed in the page beside
# a plain-JavaScript version of it (src/bin/kam-bench.rs). Not part of dist/.
cargo build --release --target wasm32-unknown-unknown --bin kam-bench
bench=$(mktemp -d)
trap 'rm -rf "$bench"' EXIT
wasm-bindgen --target web --no-typescript --out-dir "$bench/out" --out-name kam_bench \
  target/wasm32-unknown-unknown/release/kam-bench.wasm
wasm-opt -Oz --enable-bulk-memory --enable-nontrapping-float-to-int \
  "$bench/out/kam_bench_bg.wasm" -o "$bench/out/kam_bench_bg.wasm"
node scripts/bench-browser.mjs dist "$bench/out"
