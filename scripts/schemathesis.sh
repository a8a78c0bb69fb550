#!/usr/bin/env bash
# Property-based API testing: schemathesis (PyPI) generates requests from the server's own
# /api/openapi.json and fails on any 5xx, any response that breaks its documented schema, and
# any answer that shows SQL text or a panic (scripts/schemathesis_hooks.py).
# Expects target/release/mascate-server (scripts/build.sh) and the venv from scripts/setup.sh.
set -euo pipefail
cd "$(dirname "$0")/.."
PORT=${SCHEMATHESIS_PORT:-8096}
EXAMPLES=${SCHEMATHESIS_EXAMPLES:-20}
data=$(mktemp -d)
target/release/mascate-server --port "$PORT" --data-dir "$data" --dist dist --fixtures fixtures --queue-delay-ms 0 \
  >"$data/server.log" 2>&1 &
server=$!
trap 'kill $server 2>/dev/null; rm -rf "$data"' EXIT
for _ in $(seq 100); do curl -fs "http://127.0.0.1:$PORT/api/mascate/v1/about" >/dev/null && break; sleep 0.2; done
token=$(curl -fs -X POST "http://127.0.0.1:$PORT/api/oauth2/v1/token?grant_type=password&username=ana&password=mascate1" |
  python3 -c 'import json, sys; print(json.load(sys.stdin)["access_token"])')
SCHEMATHESIS_HOOKS=scripts/schemathesis_hooks.py target/st-venv/bin/schemathesis run "http://127.0.0.1:$PORT/api/openapi.json" \
  --checks not_a_server_error,response_schema_conformance,no_internals \
  --header "Authorization: Bearer $token" \
  --max-examples "$EXAMPLES" --seed 20261122 --no-color --phases examples,coverage,fuzzing \
  --warnings off --generation-database none
