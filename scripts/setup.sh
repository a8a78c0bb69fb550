#!/usr/bin/env bash
# Installs what Mascate needs to build and test, and only what is missing, so a second run
# takes seconds. Everything comes from the package registries this machine can reach:
# Debian (apt), crates.io (cargo install) and npm. Nothing is downloaded from elsewhere.
#
#   scripts/setup.sh          # build tools (wasm32 route, Trunk, wasm-bindgen, wasm-opt)
#   scripts/setup.sh --test   # plus Chromium, ChromeDriver and the e2e node packages
set -euo pipefail
cd "$(dirname "$0")/.."

want_test=0
[[ "${1:-}" == "--test" ]] && want_test=1

say() { printf '\033[1;32m[setup]\033[0m %s\n' "$*"; }
have() { command -v "$1" >/dev/null 2>&1; }

SUDO=""
if [[ $(id -u) -ne 0 ]] && have sudo; then SUDO="sudo"; fi
apt_missing=()
need_pkg() { dpkg -s "$1" >/dev/null 2>&1 || apt_missing+=("$1"); }

# --- the wasm32 target --------------------------------------------------------------
# Where rustup can add the target, that is the ordinary route. Where it cannot download,
# Debian's rustc-web (with its std source and wasm-ld) builds std for wasm32 itself.
# MASCATE_WASM_ROUTE=debian|rustup forces a route for this run (scripts/env.sh honours it
# too) without changing the one remembered in target/.wasm-route for later runs.
mkdir -p target
WASM_ROUTE=rustup
remember=1
if [[ "${MASCATE_WASM_ROUTE:-}" == debian || "${MASCATE_WASM_ROUTE:-}" == rustup ]]; then
  WASM_ROUTE=$MASCATE_WASM_ROUTE
  remember=0
elif [[ "$(cat target/.wasm-route 2>/dev/null)" == debian ]]; then
  WASM_ROUTE=debian # rustup could not add it last time; do not wait for it again
fi
if [[ $WASM_ROUTE == rustup ]] && ! rustup target list --installed 2>/dev/null | grep -qx wasm32-unknown-unknown; then
  say "trying rustup for the wasm32 target (at most 60 s)"
  if timeout 60 rustup target add wasm32-unknown-unknown >/dev/null 2>&1; then
    say "added the wasm32 target with rustup"
  elif [[ $remember -eq 1 ]]; then
    say "rustup cannot download here: building std for wasm32 from Debian's rustc-web instead"
    WASM_ROUTE=debian
  else
    say "rustup could not add the wasm32 target, and MASCATE_WASM_ROUTE=rustup forbids the fallback"
    exit 1
  fi
fi
if [[ $WASM_ROUTE == debian ]]; then
  for p in rustc-web cargo-web rust-web-src lld; do need_pkg "$p"; done
fi
need_pkg python3
need_pkg gzip
need_pkg curl
if [[ $want_test -eq 1 ]]; then
  for p in chromium chromium-driver; do need_pkg "$p"; done
  # The other engines a rep carries, for the three-engine journey (e2e/engines/): Firefox
  # ESR (Android's Firefox) and WebKitGTK with its WebDriver (the iPad's Safari engine), which
  # has no headless mode here and runs on an Xvfb display.
  for p in firefox-esr webkit2gtk-driver xvfb; do need_pkg "$p"; done
fi
if ((${#apt_missing[@]})); then
  say "installing Debian packages: ${apt_missing[*]} (wasm32 std source and linker, browsers for tests)"
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq "${apt_missing[@]}" >/dev/null
fi
if [[ $remember -eq 1 ]]; then echo "$WASM_ROUTE" > target/.wasm-route; fi

# --- crates, fetched before any offline build ------------------------------------------
# Trunk builds offline (it must never download its tools), so cargo cannot fetch a crate
# during the wasm build: everything it needs is fetched here. Both are quick when cached.
say "fetching the workspace's crates for every target (quick when cached)"
cargo fetch --locked --quiet

# --- std's source and its own crates ---------------------------------------------------
# The release app builds its own std (panic=immediate-abort, optimize_for_size; see
# docs/size.md), and the Debian route builds std for every wasm32 build. That needs the std
# source of the very compiler (Debian's rust-web-src, or rustup's rust-src) and std's own
# crates (dlmalloc, libc, compiler_builtins, ...), pinned by that source's Cargo.lock, in
# cargo's cache: Trunk builds offline, so they are fetched here, with the very cargo that
# builds std.
# shellcheck source=env.sh
MASCATE_WASM_ROUTE=$WASM_ROUTE source scripts/env.sh # std_source, for the route chosen above
STD_SRC=$(std_source)
if [[ $WASM_ROUTE == debian ]]; then
  STD_CARGO=/usr/bin/cargo
else
  STD_CARGO=cargo
  if [[ ! -f "$STD_SRC/Cargo.lock" ]]; then
    say "adding rustup's rust-src (std's source, to build a smaller std for the app) — at most 60 s"
    timeout 60 rustup component add rust-src >/dev/null 2>&1 ||
      say "rust-src could not be added: the app is built with the prebuilt std (about 5 % larger)"
  fi
fi
if [[ -f "$STD_SRC/Cargo.lock" ]]; then
  say "fetching std's own crates (quick when cached)"
  # (std's manifest uses unstable cargo features: RUSTC_BOOTSTRAP lets this cargo read it)
  RUSTC_BOOTSTRAP=1 "$STD_CARGO" fetch --locked --quiet --manifest-path "$STD_SRC/Cargo.toml"
fi

# --- cargo-installed tools ----------------------------------------------------------
# rustup's cargo builds these natively; they must sit on PATH for Trunk.
CARGO_BIN="${CARGO_HOME:-$HOME/.cargo}/bin"
export PATH="$CARGO_BIN:$PATH"
if ! trunk --version 2>/dev/null | grep -q "0.21.14"; then
  say "installing Trunk 0.21.14 (builds and bundles the app; 0.22 needs a newer rustc) — about 10 minutes"
  cargo install trunk --version 0.21.14 --locked --quiet
fi
# wasm-bindgen-cli must match the wasm-bindgen crate in Cargo.lock exactly.
WB_VERSION=$(awk '/^name = "wasm-bindgen"$/{getline; gsub(/version = |"/, ""); print; exit}' Cargo.lock)
if ! wasm-bindgen --version 2>/dev/null | grep -q " $WB_VERSION$"; then
  say "installing wasm-bindgen-cli $WB_VERSION (must equal the wasm-bindgen crate in Cargo.lock) — about 3 minutes"
  cargo install wasm-bindgen-cli --version "$WB_VERSION" --quiet
fi

# wasm-split-cli splits the app's wasm at its split point (scripts/split_wasm.py), as
# `cargo leptos --split` does.
if ! have wasm-split-cli; then
  say "installing wasm-split-cli 0.2.4 (splits the wasm: the login page loads only its part) — about 3 minutes"
  cargo install wasm_split_cli_support --version 0.2.4 --features build-binary --locked --quiet
fi

# --- npm: wasm-opt (binaryen) and Playwright ------------------------------------------
# Debian's binaryen is too old for current compiler output; npm's is current.
if [[ ! -x e2e/node_modules/.bin/wasm-opt ]] || [[ e2e/package-lock.json -nt e2e/node_modules/.package-lock.json ]]; then
  if ! have npm; then
    say "installing Node.js and npm from Debian (for wasm-opt and Playwright)"
    DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq nodejs npm >/dev/null
  fi
  say "installing e2e/ node packages from the lockfile (binaryen's wasm-opt, @playwright/test, puppeteer-core, selenium-webdriver; no browser download)"
  (cd e2e && PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1 PUPPETEER_SKIP_DOWNLOAD=1 npm ci --no-audit --no-fund --loglevel=error)
fi
# --- PyPI: schemathesis, for the API's property-based tests -----------------------------
SCHEMATHESIS_VERSION=4.32.5
if [[ $want_test -eq 1 ]] && ! target/st-venv/bin/schemathesis --version 2>/dev/null | grep -q "$SCHEMATHESIS_VERSION"; then
  say "installing schemathesis $SCHEMATHESIS_VERSION from PyPI into target/st-venv (fuzzes the server's OpenAPI)"
  if ! python3 -m venv target/st-venv 2>/dev/null; then
    DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq python3-venv >/dev/null
    python3 -m venv target/st-venv
  fi
  target/st-venv/bin/pip install -q "schemathesis==$SCHEMATHESIS_VERSION"
fi
say "tools ready (wasm32 route: $WASM_ROUTE)"
