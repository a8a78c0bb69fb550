# Sourced by the other scripts: the PATH and variables for building the wasm32 app.
# On the Debian route, `cargo` and `rustc` must be Debian's 1.96 (build-std needs the std
# source of the very same compiler), while Trunk and wasm-bindgen come from ~/.cargo/bin.
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
CARGO_BIN="${CARGO_HOME:-$HOME/.cargo}/bin"
export PATH="$ROOT/e2e/node_modules/.bin:$CARGO_BIN:$PATH"
# MASCATE_WASM_ROUTE forces a route for this run, as in scripts/setup.sh.
WASM_ROUTE="${MASCATE_WASM_ROUTE:-$(cat "$ROOT/target/.wasm-route" 2>/dev/null || true)}"
if [[ "$WASM_ROUTE" == debian ]]; then
  mkdir -p "$ROOT/target/wasm-shims"
  ln -sf /usr/bin/cargo "$ROOT/target/wasm-shims/cargo"
  ln -sf /usr/bin/rustc "$ROOT/target/wasm-shims/rustc"
  ln -sf /usr/bin/rustdoc "$ROOT/target/wasm-shims/rustdoc" 2>/dev/null || true
  WASM_PATH="$ROOT/target/wasm-shims:$PATH"
  # Only for wasm32 builds: native builds (clippy, tests, the server) stay on rustup's cargo.
  # A target dir of its own, so the two compilers do not keep rebuilding each other's
  # build scripts and proc macros.
  with_wasm() {
    PATH="$WASM_PATH" CARGO_TARGET_DIR="$ROOT/target/debian" RUSTC_BOOTSTRAP=1 \
      CARGO_UNSTABLE_BUILD_STD=std,panic_abort CARGO_TARGET_WASM32_UNKNOWN_UNKNOWN_LINKER=wasm-ld "$@"
  }
else
  # Run a command with the wasm32 toolchain (here rustup's, with the target added).
  with_wasm() { "$@"; }
fi

# Runs a release build of the app with a std built for size (panic=immediate-abort: a panic
# stops the app without formatting a message; optimize_for_size), on either route, when the
# std source is there (scripts/setup.sh adds it); otherwise with the prebuilt std. The
# rustflags repeat .cargo/config.toml's, which this variable replaces.
# Where this route's compiler keeps std's source (Debian's rust-web-src, or rustup's rust-src);
# scripts/setup.sh fetches std's crates from the same place.
std_source() {
  if [[ "$WASM_ROUTE" == debian ]]; then
    echo /usr/lib/rustlib/src/rust/library
  else
    echo "$(rustc --print sysroot 2>/dev/null)/lib/rustlib/src/rust/library"
  fi
}

# The release build is also split in two (src/workspace.rs): `--cfg mascate_split` turns the
# split point on, `--emit-relocs` lets wasm-split-cli cut the wasm, and MASCATE_SPLIT=1 tells
# the post_build hook (scripts/split_wasm.py) to split. Dev builds stay one module.
# Not on the Debian route: wasm-split-cli 0.2.4 refuses what Debian's rustc-web links
# ("Invalid data segment index in symbol", seen in release and dev builds), so that route's
# release build stays one module (a larger first load; everything else the same).
if [[ "$WASM_ROUTE" != debian ]]; then
  SPLIT=1 SPLIT_RUSTFLAGS="--cfg mascate_split -Clink-args=--emit-relocs"
else
  SPLIT=0 SPLIT_RUSTFLAGS=""
fi
with_small_std() {
  if [[ -f "$(std_source)/Cargo.lock" ]]; then
    MASCATE_SPLIT=$SPLIT RUSTC_BOOTSTRAP=1 CARGO_UNSTABLE_BUILD_STD=std,panic_abort CARGO_UNSTABLE_BUILD_STD_FEATURES=optimize_for_size \
      CARGO_TARGET_WASM32_UNKNOWN_UNKNOWN_RUSTFLAGS="--cfg erase_components -Zunstable-options -Cpanic=immediate-abort $SPLIT_RUSTFLAGS ${MASCATE_WASM_EXTRA_RUSTFLAGS:-}" "$@"
  else
    echo "[build] no std source for this compiler: building with the prebuilt std (larger wasm)" >&2
    MASCATE_SPLIT=$SPLIT CARGO_TARGET_WASM32_UNKNOWN_UNKNOWN_RUSTFLAGS="--cfg erase_components $SPLIT_RUSTFLAGS ${MASCATE_WASM_EXTRA_RUSTFLAGS:-}" "$@"
  fi
}

# Trunk's error carries a backtrace of its own when RUST_BACKTRACE is set (as CI may set it):
# some forty lines that push cargo's message out of the tail of a log. Panics still print theirs.
export RUST_LIB_BACKTRACE="${RUST_LIB_BACKTRACE:-0}"

# Runs a build; when it fails, repeats cargo's errors and the free disk at the end, where a
# log that keeps only its last lines (as CI's does) will show them.
say_why_build_failed() {
  local log status=0
  log=$(mktemp)
  "$@" 2>&1 | tee "$log" || status=$?
  if ((status != 0)); then
    echo "--- the build failed (exit $status); its errors again:"
    grep -E -A8 '^(error|warning: build failed)|SIGKILL|No space left' "$log" | tail -80 || true
    echo "--- free disk:"
    df -h "$ROOT" /tmp 2>/dev/null || true
  fi
  rm -f "$log"
  return "$status"
}
