#!/usr/bin/env bash
# What the release wasm is made of (docs/size.md): builds the app's wasm as the release does
# (std built for size, wasm-bindgen, wasm-opt -Oz) but keeping function names, then groups
# twiggy's listing by crate. Needs twiggy (`cargo install twiggy`); not part of `make test`.
#   scripts/size-report.sh            # the breakdown
#   SMALL_STD=0 scripts/size-report.sh  # with the prebuilt std, for comparison
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/env.sh
out=target/size-report
mkdir -p "$out"
# Legacy symbol names (the prebuilt std's), so groups compare with earlier reports; a target
# dir of its own, so the release build's cache stays as it is.
build() {
  with_wasm env CARGO_TARGET_DIR="$ROOT/target/size-report-build" \
    cargo build --release --target wasm32-unknown-unknown --bin mascate
}
export MASCATE_WASM_EXTRA_RUSTFLAGS="-Csymbol-mangling-version=legacy"
if [[ "${SMALL_STD:-1}" == 1 ]]; then with_small_std build; else build; fi
wasm-bindgen target/size-report-build/wasm32-unknown-unknown/release/mascate.wasm --out-dir "$out" \
  --target web --no-typescript
wasm-opt -Oz -g "$out/mascate_bg.wasm" -o "$out/named.wasm"
wasm-opt -Oz "$out/mascate_bg.wasm" -o "$out/release.wasm"
twiggy top -n 1000000 --format csv "$out/named.wasm" > "$out/top.csv"
python3 scripts/wasm_breakdown.py "$out/top.csv"
raw=$(stat -c %s "$out/release.wasm")
br=$(node -e "const z=require('zlib');const d=require('fs').readFileSync('$out/release.wasm');
console.log(z.brotliCompressSync(d,{params:{[z.constants.BROTLI_PARAM_QUALITY]:11,[z.constants.BROTLI_PARAM_LGWIN]:24}}).length)")
echo "release wasm (wasm-opt -Oz, names stripped): $raw bytes raw, $br bytes brotli"
