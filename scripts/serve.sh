#!/usr/bin/env bash
# Builds the app and serves it with live rebuilds at http://127.0.0.1:8080/ .
# Installs what it needs first. For a static release bundle use scripts/build.sh.
set -euo pipefail
source "$(dirname "$0")/env.sh"
exec trunk serve "$@"
