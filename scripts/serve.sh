#!/usr/bin/env bash
# Builds the app and serves it with live rebuilds at http://127.0.0.1:8080/ .
# Installs what it needs first. For a static release bundle use scripts/build.sh.
#
# The development build is written to target/dist-serve, never to dist/: dist/ is what
# gets hosted, and an unoptimised build copied from there by mistake would be five times
# the size and cache nothing offline. `--dist DIR` given on the command line wins.
set -euo pipefail
source "$(dirname "$0")/env.sh"
for arg in "$@"; do
  case $arg in --dist | --dist=*) exec trunk serve "$@" ;; esac
done
exec trunk serve --dist target/dist-serve "$@"
