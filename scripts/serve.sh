#!/usr/bin/env bash
# Builds the app and serves it with live rebuilds at http://127.0.0.1:8080/ .
# Installs what it needs first. For a static release bundle use scripts/build.sh.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
cd "$root"
bash scripts/setup.sh
export PATH="$HOME/.cargo/bin:$root/node_modules/.bin:$PATH"
export TRUNK_SKIP_VERSION_CHECK=true
exec trunk serve "$@"
