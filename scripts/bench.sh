#!/usr/bin/env bash
# Benchmarks (not tests): release wasm size, cold load and warm offline start in headless
# Chromium. Expects `scripts/build.sh` to have run (`make bench` does both).
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/env.sh
PORT=${BENCH_PORT:-8098}
RUNS=${BENCH_RUNS:-5}

wasm=$(ls dist/*.wasm | head -1)
raw=$(stat -c %s "$wasm")
gz=$(gzip -9 -c "$wasm" | wc -c)
js=$(ls dist/*.js | grep -v sw.js | head -1)
css=$(ls dist/*.css | head -1)
awk -v r="$raw" -v g="$gz" 'BEGIN { printf "release wasm: %d bytes (%.0f KiB) raw, %d bytes (%.0f KiB) gzip -9\n", r, r/1024, g, g/1024 }'
printf 'js glue: %s bytes raw, %s gzip; css: %s bytes raw, %s gzip\n' \
  "$(stat -c %s "$js")" "$(gzip -9 -c "$js" | wc -c)" "$(stat -c %s "$css")" "$(gzip -9 -c "$css" | wc -c)"

data=$(mktemp -d)
target/release/mascate-server --port "$PORT" --data-dir "$data" --dist dist --fixtures fixtures >/dev/null &
server=$!
trap 'kill $server 2>/dev/null; rm -rf "$data"' EXIT
for _ in $(seq 50); do curl -fs "http://127.0.0.1:$PORT/api/mascate/v1/about" >/dev/null && break; sleep 0.2; done
(cd e2e && node bench/startup.js "http://127.0.0.1:$PORT" "$RUNS")
