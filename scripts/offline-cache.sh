#!/usr/bin/env bash
# Writes <dir>/sw.js, the service worker that keeps the app working offline after the
# first load, from the template scripts/service-worker.js. Run last in the Trunk
# post-build hook (scripts/build-tools.sh), when the staging directory holds the whole
# build, index.html included (Trunk writes it before post-build hooks run).
#
#   offline-cache.sh <dir> [release|debug]     (profile: default $TRUNK_PROFILE, else release)
#
# Release: the worker precaches every file under <dir> (paths relative to sw.js, plus
# `./` for the page), each with its SHA-384 digest, and its cache version is a digest of
# that list and of the template, so every different build gets its own cache and an
# identical one the same. The files under sync/ (team sync, half a megabyte that only a
# shared workspace needs) are listed apart: cached the first time they are fetched, not
# at install.
# Debug (`trunk serve`): a worker that caches nothing, so rebuilds show up on reload.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
dir=${1:?usage: offline-cache.sh <dir> [release|debug]}
profile=${2:-${TRUNK_PROFILE:-release}}
case $profile in release | debug) ;; *) echo "offline-cache.sh: unknown profile $profile" >&2; exit 1 ;; esac
[ -f "$dir/index.html" ] || { echo "offline-cache.sh: no index.html in $dir" >&2; exit 1; }

python3 - "$dir" "$profile" "$root/scripts/service-worker.js" <<'PY'
import base64, hashlib, json, os, sys, urllib.parse

out_dir, profile, template_path = sys.argv[1:4]
WORKER = "sw.js"


def digest(path):
    with open(path, "rb") as f:
        return "sha384-" + base64.b64encode(hashlib.sha384(f.read()).digest()).decode()


if profile == "release":
    files, on_demand, size = [], [], 0
    for parent, dirs, names in os.walk(out_dir):
        dirs.sort()
        for name in sorted(names):
            path = os.path.join(parent, name)
            rel = os.path.relpath(path, out_dir).replace(os.sep, "/")
            # The worker itself is fetched by the browser's update check, never from a cache.
            if rel == WORKER:
                continue
            # As a URL path: a name with a space or `#` still resolves to the file.
            entry = [urllib.parse.quote(rel), digest(path)]
            if rel.startswith("sync/"):
                on_demand.append(entry)
                continue
            files.append(entry)
            size += os.path.getsize(path)
    on_demand.sort()
    files.sort()
    page = next(f for f in files if f[0] == "index.html")
    files.insert(0, ["./", page[1]])
    # The worker's own code counts too: a changed worker gets a fresh cache.
    with open(template_path, "rb") as f:
        listing = f.read() + "".join(f"\n{p} {d}" for p, d in files + on_demand).encode()
    build = {"version": hashlib.sha256(listing).hexdigest()[:16], "files": files, "onDemand": on_demand}
    summary = f"offline cache {build['version']}: {len(files) - 1} files, {size // 1024} KB; {len(on_demand)} on first use"
else:
    build = {"version": "development", "files": None, "onDemand": None}
    summary = "offline cache: none in a development build"

with open(template_path, encoding="utf-8") as f:
    template = f.read()
marker = "/* BUILD */ null"
if template.count(marker) != 1:
    sys.exit(f"offline-cache.sh: {template_path} must contain `{marker}` exactly once")
# One file to a line, so the generated worker reads (and diffs) easily.
entries = build["files"]
def listing_of(entries):
    return "null" if entries is None else "[\n" + "".join(f"    {json.dumps(e)},\n" for e in entries) + "  ]"
literal = (f'{{\n  "version": {json.dumps(build["version"])},\n  "files": {listing_of(entries)},\n'
           f'  "onDemand": {listing_of(build["onDemand"])},\n}}')
with open(os.path.join(out_dir, WORKER), "w", encoding="utf-8") as out:
    out.write(template.replace(marker, literal))
print(summary)
PY
