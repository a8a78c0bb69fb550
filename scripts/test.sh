#!/usr/bin/env bash
# `make test`: every test layer, in the order that fails fastest.
set -euo pipefail
cd "$(dirname "$0")/.."
# Each step says how long the run has taken so far, so a slow layer shows in CI's log.
step() { printf '\n\033[1;34m[test +%ss]\033[0m %s\n' "$SECONDS" "$*"; }

# A fresh clone builds everything once: incremental caches would only fill the disk (2.5 GB).
if [[ -n "${CI:-}" ]]; then export CARGO_INCREMENTAL=0; fi

step "setup (installs only what is missing)"
scripts/setup.sh --test
source scripts/env.sh

step "format and lints"
cargo fmt --all --check
cargo clippy --workspace --all-targets -- -D warnings
scripts/idioms.sh
python3 scripts/sizes.py

step "native tests: shared rules, app logic, server over real HTTP and SQLite"
cargo test --workspace

step "in-browser Rust tests (wasm-bindgen-test, real IndexedDB in headless Chromium)"
export CHROMEDRIVER=/usr/bin/chromedriver
export CARGO_TARGET_WASM32_UNKNOWN_UNKNOWN_RUNNER=wasm-bindgen-test-runner
export WASM_BINDGEN_TEST_TIMEOUT=120
with_wasm cargo test --target wasm32-unknown-unknown --features device-tests --test '*'

step "release build (app and server)"
scripts/build.sh

step "the fallback wasm32 route from an empty crate cache (Debian's rustc-web, build-std)"
scripts/check-debian-route.sh

step "API fuzzing (schemathesis over /api/openapi.json: no 5xx, every response matches its schema)"
scripts/schemathesis.sh

step "end-to-end (Playwright, Debian's Chromium, real server, service worker, IndexedDB)"
(cd e2e && npx playwright test)

step "a rep's journey in each engine a rep carries (Chromium, Firefox ESR, WebKitGTK; real pointer taps)"
(cd e2e && node engines/run.mjs chromium firefox webkit)

step "all green"
