#!/usr/bin/env bash
# Trunk post_build hook (Trunk runs a stage's hooks at the same time, so the steps that must
# follow each other live in this one script): first the service worker's precache list and
# version, then the .br/.gz files of everything, sw.js included.
set -euo pipefail
cd "$(dirname "$0")/.."
python3 scripts/precache.py
node scripts/precompress.js
