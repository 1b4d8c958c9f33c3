#!/usr/bin/env bash
# Prints performance figures: the domain core natively (cargo bench) and the built app
# in headless Chromium with 1,000 and 5,000 accounts. Figures only; nothing is asserted.
set -euo pipefail
source "$(dirname "$0")/env.sh"
cargo bench --bench domain
bash scripts/build.sh
node scripts/bench-browser.mjs
