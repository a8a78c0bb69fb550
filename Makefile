SHELL := /bin/bash

# The two commands a newcomer needs are `make run` and `make test`; the rest are the parts.
.PHONY: run test setup build e2e wasm-test bench bench-offline bench-server screenshots clean

run:            ## install what is missing, build, serve app + demo ERP on 127.0.0.1:8080
	scripts/run.sh

test:           ## install what is missing, then every test layer
	scripts/test.sh

setup:
	scripts/setup.sh --test

build: setup
	scripts/build.sh

wasm-test: setup
	. scripts/env.sh && CHROMEDRIVER=/usr/bin/chromedriver \
	  CARGO_TARGET_WASM32_UNKNOWN_UNKNOWN_RUNNER=wasm-bindgen-test-runner \
	  with_wasm cargo test --target wasm32-unknown-unknown --test '*'

e2e: build
	cd e2e && npx playwright test

bench: build    ## prints wasm size, cold load and warm offline start (not a test)
	scripts/bench.sh

bench-offline: build  ## priming records/s vs raw IndexedDB, offline search p95, 200 offline orders pushed (not a test)
	scripts/bench-offline.sh

bench-server:   ## server figures: sync, diff, queue on 100k customers; reader under a login storm, queue fairness and drain, half-open connections, a 100k selection (not a test)
	cargo build --release -p mascate-server
	cargo run --release -p mascate-server --example bench
	cargo run --release -p mascate-server --example bench_attack

screenshots: build  ## remakes docs/screenshots (390×844, 768×1024, 1280×800); ALL=1 adds every stop
	scripts/screenshots.sh $(if $(ALL),all,)

clean:
	rm -rf dist target/e2e-data
