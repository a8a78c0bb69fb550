#!/usr/bin/env bash
# Release build of the app (Trunk: wasm, wasm-opt -Oz, hashed files, precache list) and of
# the server. Assumes scripts/setup.sh has run.
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/env.sh
echo "[build] app (trunk build --release, std built for size)"
say_why_build_failed with_wasm with_small_std trunk build --release
echo "[build] server (cargo build --release -p mascate-server)"
cargo build --release -p mascate-server
