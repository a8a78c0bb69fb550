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

# The login page's module and the workspace's (scripts/split_wasm.py splits the wasm in two).
wasm=$(ls "$DIST"/mascate-*_bg.wasm | head -1)
workspace=$(ls "$DIST"/split_*.wasm 2>/dev/null | head -1)
js=$(ls "$DIST"/mascate-*.js | head -1)
css=$(ls "$DIST"/*.css | head -1)
for w in "$wasm" $workspace; do
  raw=$(stat -c %s "$w")
  gz=$(gzip -9 -c "$w" | wc -c)
  awk -v n="$(basename "$w")" -v r="$raw" -v g="$gz" 'BEGIN { printf "release wasm %s: %d bytes (%.0f KiB) raw, %d bytes (%.0f KiB) gzip -9\n", n, r, r/1024, g, g/1024 }'
done
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
# The split's loader: the glue imports it.
[[ -n "$(ls "$DIST"/__wasm_split-*.js 2>/dev/null)" ]] && first_load+=("/$(basename "$(ls "$DIST"/__wasm_split-*.js | head -1)")")
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
if [[ -n "$workspace" ]]; then
  read -r sent encoding < <(curl -s -o /dev/null -H 'Accept-Encoding: br, gzip' \
    -w '%{size_download} %header{content-encoding}\n' "http://127.0.0.1:$PORT/$(basename "$workspace")")
  printf 'then, once the rep starts typing or signs in (and in the service worker precache): the workspace module, %d bytes raw, %d bytes sent (%s)\n' \
    "$(stat -c %s "$workspace")" "$sent" "${encoding:-identity}"
fi

(cd e2e && node bench/startup.js "http://127.0.0.1:$PORT" "$RUNS")
(cd e2e && node bench/lighthouse.js "http://127.0.0.1:$PORT" "$LIGHTHOUSE_RUNS")
