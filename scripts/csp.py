#!/usr/bin/env python3
"""Trunk post_build hook: completes the <meta> Content-Security-Policy of index.html.

Trunk writes its loader as an inline <script>; the policy allows it by hash and nothing else
inline. The placeholder 'inline-script-hashes' in index.html becomes the sha256 of every
inline script of the built page. MASCATE_CONNECT_SRC (space-separated origins, e.g. the
company's Protheus REST address) is added to connect-src. The server sends this same policy
as a header (server/src/http/csp.rs reads it from dist/index.html).
"""
import base64
import hashlib
import os
import re
import sys
from pathlib import Path

staging = Path(os.environ.get("TRUNK_STAGING_DIR") or (sys.argv[1] if len(sys.argv) > 1 else "dist"))
index = staging / "index.html"
html = index.read_text()

scripts = re.findall(r"<script(?![^>]*\bsrc=)[^>]*>(.*?)</script>", html, flags=re.S | re.I)
hashes = sorted({"'sha256-%s'" % base64.b64encode(hashlib.sha256(s.encode()).digest()).decode() for s in scripts if s})

meta = re.search(r'(<meta http-equiv="Content-Security-Policy" content=")([^"]*)(")', html)
if not meta:
    sys.exit("csp: index.html has no <meta> Content-Security-Policy")
policy = meta.group(2).replace("'inline-script-hashes'", " ".join(hashes)).replace("  ", " ")
extra = os.environ.get("MASCATE_CONNECT_SRC", "").split()
for origin in extra:
    if not re.fullmatch(r"https?://[A-Za-z0-9.\-]+(:\d+)?", origin):
        sys.exit(f"csp: MASCATE_CONNECT_SRC: not an origin: {origin}")
if extra:
    policy = re.sub(r"connect-src ([^;]*)", lambda m: "connect-src " + m.group(1) + " " + " ".join(extra), policy)
html = html[: meta.start(2)] + policy + html[meta.end(2):]
index.write_text(html)
print(f"csp: {len(hashes)} inline script hash(es), connect-src +{len(extra)}")
