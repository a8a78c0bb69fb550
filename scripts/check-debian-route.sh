#!/usr/bin/env bash
# Proves the fallback wasm32 route (Debian's rustc-web building std from source) on this
# machine, from an empty crate cache: a CARGO_HOME of its own holds no crate at all, so the
# build works only if scripts/setup.sh fetches every crate it needs (the app's and std's
# own) before Trunk builds offline. Only the installed tools (Trunk, wasm-bindgen) are
# shared, through a link to the usual bin folder: they are programs, not a crate cache.
# Then the app built this way is served by the real server and must sign a seller in.
#   scripts/check-debian-route.sh        # assumes target/release/mascate-server is built
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$PWD
say() { printf '\033[1;35m[debian route]\033[0m %s\n' "$*"; }

work="$ROOT/target/route-check"
real_home="${CARGO_HOME:-$HOME/.cargo}"
rm -rf "$work"
mkdir -p "$work/cargo-home"
ln -s "$real_home/bin" "$work/cargo-home/bin"
say "empty crate cache in $work/cargo-home (tools linked from $real_home/bin)"

export CARGO_HOME="$work/cargo-home" MASCATE_WASM_ROUTE=debian
scripts/setup.sh
# shellcheck source=env.sh
source scripts/env.sh
# A dev build: what this proves (every crate fetched before the offline build, std built from
# Debian's source, linked by wasm-ld, the app running) is the same in both profiles, and the
# dev profile builds in a fraction of the release one's time (no LTO, no wasm-opt).
say "dev build of the app with build-std, offline"
t0=$SECONDS
say_why_build_failed with_wasm trunk build --dist "$work/dist"
say "built in $((SECONDS - t0)) s"
test -n "$(find "$work/dist" -name '*_bg.wasm' -size +100k)" || { say "no wasm in $work/dist"; exit 1; }

port=${ROUTE_CHECK_PORT:-8095}
target/release/mascate-server --port "$port" --data-dir "$work/data" --dist "$work/dist" \
  --fixtures fixtures >"$work/server.log" 2>&1 &
server=$!
trap 'kill $server 2>/dev/null || true' EXIT
for _ in $(seq 100); do curl -fs "http://127.0.0.1:$port/api/mascate/v1/about" >/dev/null && break; sleep 0.2; done
(cd e2e && node route-check.js "http://127.0.0.1:$port")
say "the Debian route builds from an empty crate cache and the app it built runs"
