#!/usr/bin/env bash
# Remakes docs/screenshots/ from the release build (`make screenshots`).
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/env.sh
PORT=${SCREENSHOT_PORT:-8097}
data=$(mktemp -d)
target/release/mascate-server --port "$PORT" --data-dir "$data" --dist dist --fixtures fixtures >/dev/null 2>&1 &
server=$!
trap 'kill $server 2>/dev/null; rm -rf "$data"' EXIT
for _ in $(seq 50); do curl -fs "http://127.0.0.1:$PORT/api/mascate/v1/about" >/dev/null && break; sleep 0.2; done
mkdir -p docs/screenshots
(cd e2e && node screenshots.js "http://127.0.0.1:$PORT" ../docs/screenshots "${1:-}")
