#!/usr/bin/env bash
# Benchmarks (not tests): release sizes raw and as sent (brotli/gzip by Accept-Encoding), cold
# load and warm offline start in headless Chromium, and Lighthouse on the cold login page.
# Expects `scripts/build.sh` to have run (`make bench` does both).
#   DIST=… SERVER=… compare another build (an A/B against a saved copy).
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/env.sh
PORT=${BENCH_PORT:-8098}
RUNS=${BENCH_RUNS:-5}
LIGHTHOUSE_RUNS=${BENCH_LIGHTHOUSE_RUNS:-3}
DIST=${DIST:-dist}
SERVER=${SERVER:-target/release/mascate-server}

wasm=$(ls "$DIST"/*.wasm | head -1)
js=$(ls "$DIST"/*.js | grep -v -e /sw.js -e /shell | head -1)
css=$(ls "$DIST"/*.css | head -1)
raw=$(stat -c %s "$wasm")
gz=$(gzip -9 -c "$wasm" | wc -c)
awk -v r="$raw" -v g="$gz" 'BEGIN { printf "release wasm: %d bytes (%.0f KiB) raw, %d bytes (%.0f KiB) gzip -9\n", r, r/1024, g, g/1024 }'
printf 'js glue: %s bytes raw, %s gzip; css: %s bytes raw, %s gzip\n' \
  "$(stat -c %s "$js")" "$(gzip -9 -c "$js" | wc -c)" "$(stat -c %s "$css")" "$(gzip -9 -c "$css" | wc -c)"

data=$(mktemp -d)
"$SERVER" --port "$PORT" --data-dir "$data" --dist "$DIST" --fixtures fixtures >/dev/null &
server=$!
trap 'kill $server 2>/dev/null; rm -rf "$data"' EXIT
for _ in $(seq 50); do curl -fs "http://127.0.0.1:$PORT/api/mascate/v1/about" >/dev/null && break; sleep 0.2; done

# What a browser downloads for the first screen, as the server sends it.
first_load=("/" "/$(basename "$js")" "/$(basename "$wasm")" "/$(basename "$css")")
[[ -n "$(ls "$DIST"/shell-*.js 2>/dev/null)" ]] && first_load+=("/$(basename "$(ls "$DIST"/shell-*.js | head -1)")")
total_raw=0
total_sent=0
for path in "${first_load[@]}"; do
  read -r sent encoding < <(curl -s -o /dev/null -H 'Accept-Encoding: br, gzip' \
    -w '%{size_download} %header{content-encoding}\n' "http://127.0.0.1:$PORT$path")
  plain=$(curl -s -o /dev/null -w '%{size_download}' "http://127.0.0.1:$PORT$path")
  printf '  %-44s %9d bytes raw  %9d bytes sent (%s)\n' "$path" "$plain" "$sent" "${encoding:-identity}"
  total_raw=$((total_raw + plain))
  total_sent=$((total_sent + sent))
done
awk -v r="$total_raw" -v s="$total_sent" 'BEGIN { printf "first load (html + js + wasm + css), Accept-Encoding: br, gzip: %d bytes (%.0f KB) sent of %d raw (%.0f KB)\n", s, s/1000, r, r/1000 }'

(cd e2e && node bench/startup.js "http://127.0.0.1:$PORT" "$RUNS")
(cd e2e && node bench/lighthouse.js "http://127.0.0.1:$PORT" "$LIGHTHOUSE_RUNS")
