#!/usr/bin/env bash
# `make run`: installs what is missing, builds, and serves the app with the demo ERP.
#   PORT=8080 DATA_DIR=data ACCESS_TTL=3600 make run
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh
scripts/build.sh
# The database is created from fixtures/ on first start and kept in $DATA_DIR afterwards.
exec target/release/mascate-server --port "${PORT:-8080}" --data-dir "${DATA_DIR:-data}" \
  --access-ttl "${ACCESS_TTL:-3600}" --dist dist --fixtures fixtures --demo
