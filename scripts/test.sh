#!/usr/bin/env bash
# Runs every check and test: formatting, lints (native and wasm), the native unit and
# integration tests, a release build, and the browser tests in headless Chromium
# against that build served from a sub-path. Installs what it needs first.
set -euo pipefail
source "$(dirname "$0")/env.sh"

step() { printf '\n== %s\n' "$*"; }

step "cargo fmt --check"
cargo fmt --all -- --check

step "cargo clippy (native: domain, storage format, i18n)"
cargo clippy --all-targets -- -D warnings

step "cargo clippy (wasm32: the app)"
cargo clippy --target wasm32-unknown-unknown -- -D warnings

step "native tests"
cargo test

step "test build with the error screen's hooks (target/dist-faults)"
bash scripts/build-faults.sh

step "release build"
bash scripts/build.sh

step "browser tests (headless Chromium)"
node --test --test-concurrency=1 tests/e2e/
