#!/usr/bin/env bash
# Offline benchmark (not a test): priming throughput beside raw IndexedDB with the tab's peak
# memory, offline search latency, and 200 offline orders pushed until synced, in headless
# Chromium against a server holding a heavy day's selection. Two sizes: 10k customers + 20k
# products (all figures), then 100k customers + 100k products (priming). Every record of every
# table is counted on the device before a figure is printed. Expects scripts/build.sh to have
# run (`make bench-offline` does both).
#   BENCH_SIZES="10k" (or "100k") runs one size; BENCH_RUNS sets the runs at 10k.
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/env.sh
PORT=${BENCH_PORT:-8097}
RUNS=${BENCH_RUNS:-3}
cargo build --release -q -p mascate-server --example offline_bench_server
log=$(mktemp)
server=
trap '[[ -n $server ]] && kill $server 2>/dev/null; rm -f "$log"' EXIT
for size in ${BENCH_SIZES:-10k 100k}; do
  case $size in
    10k) counts=(10000 20000) runs=$RUNS extra=(--search --push) ;;
    100k) counts=(100000 100000) runs=1 extra=() ;;
    *) echo "unknown size $size" >&2; exit 2 ;;
  esac
  echo "== ${counts[0]} customers + ${counts[1]} products selected"
  target/release/examples/offline_bench_server "$PORT" "${counts[@]}" >"$log" 2>&1 &
  server=$!
  for _ in $(seq 3000); do grep -q READY "$log" && break; kill -0 $server 2>/dev/null || break; sleep 0.2; done
  grep -q READY "$log" || { cat "$log"; exit 1; }
  expect=$(sed -n 's/^EXPECT //p' "$log")
  (cd e2e && node bench/offline.js "http://127.0.0.1:$PORT" "$runs" "$expect" "${extra[@]}")
  kill $server
  wait $server 2>/dev/null || true
  server=
done
