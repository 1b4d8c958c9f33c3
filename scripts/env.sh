# Sourced by the other scripts: installs the pinned tools (quick when present), puts
# them on PATH and moves to the project root.
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
cd "$root"
bash scripts/setup.sh
export PATH="$HOME/.cargo/bin:$root/node_modules/.bin:$PATH"
# Trunk must not look for updates online: only the package registries are reachable.
export TRUNK_SKIP_VERSION_CHECK=true
