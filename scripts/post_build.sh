#!/usr/bin/env bash
# Trunk post_build hook (Trunk runs a stage's hooks at the same time, so the steps that must
# follow each other live in this one script): first the wasm is split in two (the login
# page's module and the workspace's, scripts/split_wasm.py), then the CSP's inline-script hashes in
# index.html, then the service worker's precache list and version (which covers index.html),
# then the .br/.gz files of everything, sw.js included.
set -euo pipefail
cd "$(dirname "$0")/.."
python3 scripts/split_wasm.py
python3 scripts/csp.py
python3 scripts/precache.py
# Compressed copies only for a release build: a dev build's wasm is tens of MB, and nobody
# serves it over a slow network.
if [[ "${TRUNK_PROFILE:-release}" == release ]]; then node scripts/precompress.js; fi
