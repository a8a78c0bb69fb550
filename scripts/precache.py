#!/usr/bin/env python3
"""Trunk post_build hook: writes the precache list and a content version into sw.js.

Trunk runs this with TRUNK_STAGING_DIR pointing at the finished build before it replaces
dist/. Every file of the build is listed (hashed names included), so one online visit
leaves the whole shell on the device.
"""
import hashlib
import json
import os
import re
import sys
from pathlib import Path

staging = Path(os.environ.get("TRUNK_STAGING_DIR") or (sys.argv[1] if len(sys.argv) > 1 else "dist"))
sw = staging / "sw.js"
if not sw.is_file():
    sys.exit(f"precache: {sw} not found")

files = sorted(
    p.relative_to(staging).as_posix()
    for p in staging.rglob("*")
    if p.is_file() and p.name != "sw.js" and not p.name.startswith(".")
    # Encoded copies (scripts/precompress.js) are the same files: the browser asks for the
    # plain name and the server picks the encoding.
    and p.suffix not in (".br", ".gz")
)
digest = hashlib.sha256()
for name in files:
    digest.update(name.encode())
    digest.update((staging / name).read_bytes())
version = digest.hexdigest()[:16]
urls = ["/"] + ["/" + f for f in files]

text = sw.read_text()
text, n1 = re.subn(r'^const VERSION = .*;$', f"const VERSION = {json.dumps(version)};", text, count=1, flags=re.M)
text, n2 = re.subn(r'^const PRECACHE = .*;$', f"const PRECACHE = {json.dumps(urls)};", text, count=1, flags=re.M)
if n1 != 1 or n2 != 1:
    sys.exit("precache: sw.js lost its VERSION or PRECACHE line")
sw.write_text(text)
print(f"precache: {len(urls)} URLs, version {version}")
