#!/usr/bin/env python3
"""Gives the split app's files one content hash and starts the app from index.html.

    name-app-files.py <app dir> <staging dir>

<app dir> holds what scripts/build-wasm.sh made: wasm-bindgen's kam-workbench.js and
kam-workbench_bg.wasm (the main module), wasm-split-cli's loader __wasm_split.js and the
chunks (split_<page>.wasm, chunk_<n>.wasm). They are written into <staging dir> as

    kam-workbench-<hash>.js, kam-workbench-<hash>_bg.wasm     the main module
    kam-workbench-<hash>.split.js                               the chunk loader
    kam-workbench-<hash>.<chunk>.wasm                           each chunk
    kam-workbench-<hash>.strings.<language>.json                each language's texts
    kam-workbench-<hash>.strings.<language>.start.json          those of the first screen
    kam-workbench-<hash>.snippets/                              wasm-bindgen's snippets

with the references between them rewritten to the new names, and the page's start-up
script (plus preload links for the main module) is put into <staging dir>/index.html,
after the content-security policy, which names each inline script of the final page by
its SHA-256.
The names of chunks are not stable between builds and the loader fetches them by name,
so every file must come from the same build: the hash in every name makes that hold in
the browser's HTTP cache too. Each rewrite must match what the pinned wasm-bindgen and
wasm-split-cli write; if one matches nothing the build stops instead of shipping an app
that cannot load its chunks.
"""

import base64
import hashlib
import html.parser
import json
import os
import re
import shutil
import sys

app_dir, staging = sys.argv[1:3]
names = sorted(n for n in os.listdir(app_dir) if os.path.isfile(os.path.join(app_dir, n)))
# wasm-bindgen's snippets (inline JavaScript of the crate), imported by the main glue.
snippets = os.path.join(app_dir, "snippets")
expected = {"kam-workbench.js", "kam-workbench_bg.wasm", "__wasm_split.js"}
if not expected <= set(names):
    sys.exit(f"name-app-files.py: {app_dir} lacks {sorted(expected - set(names))}")
chunks = [n for n in names if n.endswith(".wasm") and n != "kam-workbench_bg.wasm"]
tables = [n for n in names if n.startswith("strings.") and n.endswith(".json")]
if len(tables) != 4:
    sys.exit(f"name-app-files.py: {app_dir} should hold four text tables (two languages, whole and start), not {tables}")

digest = hashlib.sha256()
for parent, dirs, files in sorted(os.walk(app_dir)):
    dirs.sort()
    for name in sorted(files):
        path = os.path.join(parent, name)
        with open(path, "rb") as f:
            digest.update(os.path.relpath(path, app_dir).encode() + b"\0" + f.read())
stem = f"kam-workbench-{digest.hexdigest()[:16]}"


def read(name):
    with open(os.path.join(app_dir, name), encoding="utf-8") as f:
        return f.read()


def rewrite(text, old, new, what):
    if old not in text:
        sys.exit(f"name-app-files.py: {what}: no {old!r} to rewrite")
    return text.replace(old, new)


# Only the module specifiers: the keys of the imports object name the wasm's own import
# module ("./__wasm_split.js") and stay as they are.
main_js = rewrite(read("kam-workbench.js"), 'from "./__wasm_split.js"', f'from "./{stem}.split.js"', "kam-workbench.js")
if os.path.isdir(snippets):
    main_js = rewrite(main_js, "'./snippets/", f"'./{stem}.snippets/", "kam-workbench.js")
    # A snippet the chunks import too is imported whole (`import * as … from "./snippets/…"`)
    # and handed to them under its own name, which stays.
    main_js = main_js.replace('from "./snippets/', f'from "./{stem}.snippets/')
# The default wasm URL is unused (the page passes it) but must not point at a missing file.
main_js = main_js.replace("'kam-workbench_bg.wasm'", f"'{stem}_bg.wasm'")
loader = rewrite(read("__wasm_split.js"), '"./kam-workbench.js"', f'"./{stem}.js"', "__wasm_split.js")
for chunk in chunks:
    loader = rewrite(loader, f'new URL("./{chunk}"', f'new URL("./{stem}.{chunk}"', "__wasm_split.js")
left = re.findall(r'new URL\("\./(?!kam-workbench-)[^"]+"', loader)
if left:
    sys.exit(f"name-app-files.py: the loader fetches files it was not given: {left}")


def write(name, data):
    mode = "w" if isinstance(data, str) else "wb"
    with open(os.path.join(staging, name), mode, **({"encoding": "utf-8"} if mode == "w" else {})) as f:
        f.write(data)


def copy(name, new_name):
    with open(os.path.join(app_dir, name), "rb") as f:
        write(new_name, f.read())


write(f"{stem}.js", main_js)
write(f"{stem}.split.js", loader)
copy("kam-workbench_bg.wasm", f"{stem}_bg.wasm")
for chunk in chunks:
    copy(chunk, f"{stem}.{chunk}")
for table in tables:
    copy(table, f"{stem}.{table}")
if os.path.isdir(snippets):
    shutil.copytree(snippets, os.path.join(staging, f"{stem}.snippets"))

# The start-up. A classic script, run while the page is parsed, starts compiling the main
# module as it downloads (compileStreaming) and fetches the start table of texts of the likely
# language (saved choice, else the browser's; the app takes it if it guessed alike,
# src/ui/texts.rs); the module script then hands the compiled module to wasm-bindgen's
# init, which runs the app's `main`. Without this the compile would wait until the glue
# and everything it imports had loaded. Where compileStreaming fails (a server that does
# not send .wasm as application/wasm), init gets the plain response and compiles it
# itself. The main module and the glue's imports are preloaded, so their downloads start
# as soon as the page is seen.
urls = {t[len("strings."):-len(".json")]: f"./{stem}.{t}" for t in tables if not t.endswith(".start.json")}
starts = {t[len("strings."):-len(".start.json")]: f"./{stem}.{t}" for t in tables if t.endswith(".start.json")}
if sorted(urls) != sorted(starts):
    sys.exit(f"name-app-files.py: whole and start tables differ in languages: {tables}")
imported = [f"./{stem}.js", f"./{stem}.split.js"]
if os.path.isdir(snippets):
    for parent, dirs, files in sorted(os.walk(snippets)):
        dirs.sort()
        imported += [
            f"./{stem}.snippets/" + os.path.relpath(os.path.join(parent, f), snippets).replace(os.sep, "/")
            for f in sorted(files)
        ]
wasm_url = f"./{stem}_bg.wasm"
start = (
    "".join(f'<link rel="modulepreload" href="{u}">\n' for u in imported)
    + f'<link rel="preload" href="{wasm_url}" as="fetch" type="application/wasm" crossorigin>\n'
    + "<script>\n"
    "(function () {\n"
    f"  var urls = {json.dumps(urls)};\n"
    f"  var starts = {json.dumps(starts)};\n"
    '  var tag = "";\n'
    '  try { tag = localStorage.getItem("kam.language") || ""; } catch (e) {}\n'
    '  if (!urls[tag]) tag = /^zh/i.test(navigator.language || "") ? "zh-CN" : "en";\n'
    "  var text = fetch(starts[tag]).then(function (r) {\n"
    '    return r.ok ? r.text() : Promise.reject(new Error("HTTP " + r.status));\n'
    "  });\n"
    "  text.catch(function () {});\n"
    "  window.kamStrings = { urls: urls, starts: starts, early: { tag: tag, text: text } };\n"
    f"  var wasm = {json.dumps(wasm_url)};\n"
    '  if (typeof WebAssembly === "object" && WebAssembly.compileStreaming) {\n'
    "    window.kamWasm = WebAssembly.compileStreaming(fetch(wasm)).catch(function () {\n"
    "      return fetch(wasm);\n"
    "    });\n"
    "  }\n"
    "})();\n"
    "</script>\n"
    '<script type="module">\n'
    f'import init from "./{stem}.js";\n'
    f"init({{ module_or_path: window.kamWasm || {json.dumps(wasm_url)} }});\n"
    "</script>\n"
)

# The content-security policy, as a <meta> before the start-up (a policy in a page governs
# only what comes after it). Hosting notes: README.md, "Host it".
POLICY = [
    ("default-src", ["'self'"]),
    # The app's own scripts, WebAssembly compiled from its own files, and the page's inline
    # scripts by hash (added below).
    ("script-src", ["'self'", "'wasm-unsafe-eval'"]),
    # The stylesheet only: no <style>, no style attributes (the app sets positions through
    # style properties, which a policy does not restrict).
    ("style-src", ["'self'"]),
    # PNG export draws the chart's SVG through a blob: image.
    ("img-src", ["'self'", "blob:"]),
    ("connect-src", ["'self'"]),
    ("worker-src", ["'self'"]),
    ("object-src", ["'none'"]),
    ("base-uri", ["'none'"]),
    # Forms are handled by the app and never sent anywhere.
    ("form-action", ["'none'"]),
]


class InlineScripts(html.parser.HTMLParser):
    """The text of every <script> element without `src`, as a browser hashes it."""

    def __init__(self, page):
        super().__init__(convert_charrefs=False)
        self.texts, self._text = [], None
        self.feed(page)
        self.close()

    def handle_starttag(self, tag, attrs):
        if tag == "script":
            self._text = None if any(name == "src" for name, _ in attrs) else []

    def handle_data(self, data):
        if self._text is not None:
            self._text.append(data)

    def handle_endtag(self, tag):
        if tag == "script" and self._text is not None:
            self.texts.append("".join(self._text))
        if tag == "script":
            self._text = None


def script_hashes(page):
    """The policy's source for each inline script of `page`, in order, once each."""
    return list(
        dict.fromkeys(
            "'sha256-" + base64.b64encode(hashlib.sha256(text.encode("utf-8")).digest()).decode() + "'"
            for text in InlineScripts(page).texts
        )
    )


def policy_meta(hashes):
    policy = "; ".join(
        f"{name} {' '.join(sources + (hashes if name == 'script-src' else []))}" for name, sources in POLICY
    )
    return f'<meta http-equiv="Content-Security-Policy" content="{policy}">\n'


page_path = os.path.join(staging, "index.html")
with open(page_path, encoding="utf-8") as f:
    page = f.read()
page = re.sub(r"<!-- app start -->\n.*?<!-- /app start -->\n", "", page, flags=re.S)
# First in <head> after the character set: an inline script after the stylesheet's link
# would wait for the stylesheet before it could start the download.
charset = '<meta charset="utf-8">\n'


def placed(meta):
    return rewrite(page, charset, f"{charset}<!-- app start -->\n{meta}{start}<!-- /app start -->\n", "index.html")


# The hashes are of the page as it is written (with every inline script: the start-up,
# index.html's own, Trunk's reload script in development), and nothing rewrites it
# afterwards: terser minifies the .js files only, offline-cache.sh only reads it. Adding
# the <meta> changes no script, which the check below confirms on the file itself.
hashes = script_hashes(placed(""))
with open(page_path, "w", encoding="utf-8") as f:
    f.write(placed(policy_meta(hashes)))
with open(page_path, encoding="utf-8") as f:
    written = f.read()
if script_hashes(written) != hashes or not written.find("Content-Security-Policy") < written.find("<script"):
    sys.exit("name-app-files.py: index.html's inline scripts do not match its content-security policy")
print(f"app: {stem} (main module, {len(chunks)} chunks, {len(tables)} text tables, {len(hashes)} inline scripts hashed)")
