#!/usr/bin/env python3
"""Removes the linker's relocation data from a raw cargo wasm file, in place.

    strip-relocs.py <file.wasm>

Every wasm build keeps its relocations (`--emit-relocs`, .cargo/config.toml) because
wasm-split-cli needs them to split the app. The on-demand modules are not split, and the
tools after cargo pass such sections through: they would only add megabytes to what ships,
and wasm-opt cannot optimise a file that has them. This drops the custom sections
`linking` and `reloc.*` and keeps everything else byte for byte.
"""

import sys


def leb128(data, i):
    value = shift = 0
    while True:
        byte = data[i]
        i += 1
        value |= (byte & 0x7F) << shift
        shift += 7
        if byte < 0x80:
            return value, i


path = sys.argv[1]
with open(path, "rb") as f:
    data = f.read()
if data[:4] != b"\0asm":
    sys.exit(f"strip-relocs.py: {path} is not a wasm file")
out = bytearray(data[:8])
i = 8
while i < len(data):
    start = i
    section_id = data[i]
    size, body = leb128(data, i + 1)
    end = body + size
    keep = True
    if section_id == 0:
        name_length, name_start = leb128(data, body)
        name = data[name_start : name_start + name_length].decode("utf-8", "replace")
        keep = not (name == "linking" or name.startswith("reloc."))
    if keep:
        out += data[start:end]
    i = end
with open(path, "wb") as f:
    f.write(out)
