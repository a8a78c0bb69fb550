#!/usr/bin/env python3
"""Trunk post_build hook, first step: splits the app's wasm in two.

Trunk builds one wasm; the login page needs only part of it. The app marks one split point
(`src/workspace.rs`, `wasm_split`): everything only the workspace reaches (every signed-in
page and the engines) goes into a module of its own, fetched after sign-in. This does what
`cargo leptos --split` does, on Trunk's build:

1. `wasm-split-cli` cuts cargo's wasm (linked with `--emit-relocs`) into the main module,
   the workspace's module and `__wasm_split.js`, which loads the latter;
2. `wasm-bindgen` makes the main module's JS glue (`--keep-lld-exports`: the workspace's
   module imports the main module's functions), under Trunk's own names, replacing what
   Trunk made of the unsplit wasm;
3. `wasm-opt -Oz` on every module (release; Trunk's own wasm-opt is off: `data-wasm-opt="0"`);
4. content hashes in the new files' names (the server caches hashed names for good), and
   the references rewritten.

The precache list, the CSP and the compressed copies come after this (post_build.sh). Only
builds through scripts/env.sh's `with_small_std` (the release build) are split: they set
MASCATE_SPLIT=1 and compile with `--cfg mascate_split`; any other build is one module.
"""
import hashlib
import json
import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

staging = Path(os.environ.get("TRUNK_STAGING_DIR") or (sys.argv[1] if len(sys.argv) > 1 else "dist"))
profile = os.environ.get("TRUNK_PROFILE", "release")
opt_level = os.environ.get("MASCATE_WASM_OPT", "z" if profile == "release" else "0")
# MASCATE_WASM_NAMES=1 keeps the function names (for a profile of the release build).
keep_names = ["-g"] if os.environ.get("MASCATE_WASM_NAMES") == "1" else []


def run(*args):
    subprocess.run(args, check=True)


def digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()[:16]


def replace_once(path: Path, old: str, new: str):
    text = path.read_text()
    if text.count(old) != 1:
        sys.exit(f"split: expected one {old!r} in {path.name}, found {text.count(old)}")
    path.write_text(text.replace(old, new))


glues = [p for p in staging.glob("mascate-*.js") if not p.name.startswith("__")]
if os.environ.get("MASCATE_SPLIT") != "1":
    # A dev build (`trunk build` without scripts/env.sh's with_small_std): one module, which
    # Trunk already made; only wasm-opt is left (Trunk's own is off, data-wasm-opt="0").
    if opt_level != "0":
        for wasm in staging.glob("mascate-*_bg.wasm"):
            run("wasm-opt", f"-O{opt_level}", *keep_names, str(wasm), "-o", str(wasm))
    print("split: not a split build (MASCATE_SPLIT is not 1): one module")
    sys.exit(0)
if len(glues) != 1:
    sys.exit(f"split: expected one mascate-*.js in {staging}, found {[p.name for p in glues]}")
stem = glues[0].stem
metadata = json.loads(subprocess.run(
    ["cargo", "metadata", "--format-version", "1", "--no-deps", "--offline"],
    check=True, capture_output=True, text=True).stdout)
raw = Path(metadata["target_directory"]) / "wasm32-unknown-unknown" / profile / "mascate.wasm"
if not raw.is_file():
    sys.exit(f"split: cargo's wasm {raw} not found")

with tempfile.TemporaryDirectory() as tmp:
    out = Path(tmp)
    run("wasm-split-cli", str(raw), str(out), "--out-name", stem)
    modules = sorted(p for p in out.glob("*.wasm") if p.stem != stem)
    if not modules:
        sys.exit("split: wasm-split-cli found no split point (src/workspace.rs)")
    run("wasm-bindgen", "--target=web", "--keep-lld-exports", "--no-typescript",
        f"--out-dir={out / 'bindgen'}", f"--out-name={stem}", str(out / f"{stem}.wasm"))
    main_wasm = out / "bindgen" / f"{stem}_bg.wasm"
    for module in [main_wasm, *modules]:
        if opt_level != "0":
            run("wasm-opt", f"-O{opt_level}", *keep_names, str(module), "-o", str(module))
    loader = out / "__wasm_split.js"
    for module in modules:
        named = f"{module.stem}-{digest(module)}.wasm"
        replace_once(loader, f'"./{module.name}"', f'"./{named}"')
        shutil.copyfile(module, staging / named)
    glue = out / "bindgen" / f"{stem}.js"
    loader_named = f"__wasm_split-{digest(loader)}.js"
    replace_once(glue, 'from "./__wasm_split.js"', f'from "./{loader_named}"')
    shutil.copyfile(loader, staging / loader_named)
    shutil.copyfile(glue, staging / f"{stem}.js")
    shutil.copyfile(main_wasm, staging / f"{stem}_bg.wasm")

sizes = ", ".join(f"{p.name} {p.stat().st_size:,} B" for p in sorted(staging.glob("*.wasm")))
print(f"split: {sizes}")
