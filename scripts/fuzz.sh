#!/usr/bin/env bash
# Runs the fuzz targets under fuzz/ (see FUZZING.md), one after another, one process
# each, and prints the executions and speed of each run.
#
#   bash scripts/fuzz.sh smoke              # 10 seconds per target
#   bash scripts/fuzz.sh long               # 10,000,000 executions per target
#   bash scripts/fuzz.sh time 300 [target…] # seconds per target
#   bash scripts/fuzz.sh runs 100000 [target…]
#
# Needs the nightly toolchain (libFuzzer's sanitizer flags); installs cargo-fuzz from
# crates.io when missing. The corpus grows under fuzz/corpus/<target>/ (not committed);
# the committed seeds in fuzz/seeds/<target>/ are read as well. A crash is saved under
# fuzz/artifacts/<target>/ and the script exits non-zero after the other targets ran.
#
# FUZZ_SANITIZER=none builds without AddressSanitizer (about twice the speed): the code
# under test is safe Rust, whose bounds and overflow checks stay on; the default
# (address) also watches the unsafe code inside dependencies.
set -euo pipefail
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
cd "$root"
export PATH="$HOME/.cargo/bin:$PATH"

CARGO_FUZZ_VERSION=0.13.2
TARGETS=(workspace_decode workspace_migrate stored_unpack merge import_rows import_csv xlsx_read parse)

mode=${1:-smoke}
shift || true
case "$mode" in
  smoke) limit=(-max_total_time=10) ;;
  long) limit=(-runs=10000000) ;;
  time) limit=("-max_total_time=${1:?seconds}"); shift ;;
  runs) limit=("-runs=${1:?number of runs}"); shift ;;
  *) echo "usage: $0 smoke|long|time SECONDS|runs N [target...]" >&2; exit 2 ;;
esac
if [ "$#" -gt 0 ]; then TARGETS=("$@"); fi

if ! rustup toolchain list | grep -q '^nightly'; then
  echo "the nightly toolchain is needed (rustup toolchain install nightly)" >&2
  exit 1
fi
if [ "$(cargo fuzz --version 2>/dev/null || true)" != "cargo-fuzz $CARGO_FUZZ_VERSION" ]; then
  cargo install cargo-fuzz --version "$CARGO_FUZZ_VERSION" --locked
fi

sanitizer=(--sanitizer "${FUZZ_SANITIZER:-address}")
# Built once for all targets, with debug assertions and overflow checks.
cargo +nightly fuzz build --debug-assertions "${sanitizer[@]}"

logs=$(mktemp -d)
failed=()
summary=()
for target in "${TARGETS[@]}"; do
  corpus=(fuzz/corpus/"$target")
  mkdir -p "${corpus[0]}"
  if [ -d fuzz/seeds/"$target" ]; then corpus+=(fuzz/seeds/"$target"); fi
  extra=()
  if [ -f fuzz/dicts/"$target".dict ]; then extra+=("-dict=fuzz/dicts/$target.dict"); fi
  echo "== $target (${limit[*]})"
  start=$(date +%s)
  status=0
  cargo +nightly fuzz run --debug-assertions "${sanitizer[@]}" "$target" "${corpus[@]}" -- \
    "${limit[@]}" -timeout=10 -rss_limit_mb=2048 -print_final_stats=1 "${extra[@]}" \
    >"$logs/$target.log" 2>&1 || status=$?
  seconds=$(($(date +%s) - start))
  runs=$(sed -n 's/^stat::number_of_executed_units: *//p' "$logs/$target.log" | tail -1)
  speed=$(sed -n 's/^stat::average_exec_per_sec: *//p' "$logs/$target.log" | tail -1)
  if [ "$status" -ne 0 ]; then
    failed+=("$target")
    grep -E 'panicked|ERROR: libFuzzer|SUMMARY|Test unit written|artifact_prefix' "$logs/$target.log" | head -20 || true
    echo "full log: $logs/$target.log"
  fi
  summary+=("$(printf '%-18s %12s %9s %6ss  %s' "$target" "${runs:-?}" "${speed:-?}" "$seconds" \
    "$([ "$status" -eq 0 ] && echo ok || echo FAILED)")")
done

printf '\n%-18s %12s %9s %7s  %s\n' target executions 'exec/s' time result
printf '%s\n' "${summary[@]}"
if [ "${#failed[@]}" -gt 0 ]; then
  echo "failed: ${failed[*]}" >&2
  exit 1
fi
