#!/usr/bin/env bash
# Offline benchmark (not a test): priming throughput beside raw IndexedDB, offline search
# latency over 20k products, and 200 offline orders pushed until synced, in headless
# Chromium against a server holding a heavy day's selection. Expects scripts/build.sh to
# have run (`make bench-offline` does both).
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/env.sh
PORT=${BENCH_PORT:-8097}
RUNS=${BENCH_RUNS:-3}
cargo build --release -q -p mascate-server --example offline_bench_server
log=$(mktemp)
target/release/examples/offline_bench_server "$PORT" >"$log" 2>&1 &
server=$!
trap 'kill $server 2>/dev/null; rm -f "$log"' EXIT
for _ in $(seq 600); do grep -q READY "$log" && break; sleep 0.2; done
grep -q READY "$log" || { cat "$log"; exit 1; }
(cd e2e && node bench/offline.js "http://127.0.0.1:$PORT" "$RUNS")
