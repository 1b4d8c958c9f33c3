#!/usr/bin/env bash
# The test build of the error screen's browser tests (tests/e2e/faults.test.mjs): the
# release build with the `fault-hooks` feature, whose `window.kamFault(where)` makes the
# app, a page's chunk, the tools module or the sheets module panic. Written to
# target/dist-faults, never to dist/: a build that is hosted never has the hooks.
set -euo pipefail
source "$(dirname "$0")/env.sh"
KAM_FEATURES=fault-hooks trunk build --release --dist target/dist-faults
