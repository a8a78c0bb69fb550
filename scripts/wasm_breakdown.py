#!/usr/bin/env python3
"""Groups a `twiggy top --format csv` listing of a wasm built with names into what a reader
can act on: our crates, each framework crate, serde's generated code, std. Used by
scripts/size-report.sh (docs/size.md).

    python3 scripts/wasm_breakdown.py top.csv
"""
import csv
import re
import sys
from collections import defaultdict

STD = "std (core, alloc, fmt, allocator, panics)"
SECTIONS = ("function names", "custom section", "producers", "target_features", "name section")


def group(name: str) -> str:
    if name.startswith("data segment") or name.startswith('"data names"'):
        return "data (strings, tables)"
    if any(s in name for s in SECTIONS):
        return "wasm metadata (names, custom sections)"
    if "wasm-bindgen" in name or name.startswith("__wbg") or name.startswith("__wbindgen"):
        return "wasm-bindgen glue"
    # serde's generated code: derives of our types and serde_json/serde_wasm_bindgen's
    # generic visitors instantiated for them (HTTP bodies are read like IndexedDB rows since
    # 691c7bc; serde_json is left for `serde_json::Value`).
    if re.search(r"serde|Deserialize|Serialize|visit_|deserialize|serialize", name):
        if "serde_wasm_bindgen" in name:
            return "serde: serde_wasm_bindgen (IndexedDB rows, HTTP bodies)"
        if "serde_json" in name:
            return "serde: serde_json (Value)"
        return "serde: derives of our types"
    crates = re.findall(r"([a-z_][a-z0-9_]*)(?:\[[0-9a-f]+\])?::", name)
    if re.match(r"^<(str|char|f32|f64|u\d+|i\d+|usize|isize|bool|\[)", name) and not crates:
        return STD
    for crate in crates:
        if crate == "mascate":
            sub = re.search(r"mascate(?:\[[0-9a-f]+\])?::([a-z_0-9]+)", name)
            return "mascate::" + (sub.group(1) if sub else "?")
        if crate == "mascate_domain":
            return "mascate_domain"
        if crate in ("core", "alloc", "std", "dlmalloc", "compiler_builtins", "hashbrown", "__rustc"):
            return STD
        if crate in ("leptos_router", "tachys", "reactive_graph"):
            return f"leptos ({crate})"
        if crate in ("leptos", "leptos_dom", "reactive_stores", "any_spawner", "throw_error", "or_poisoned",
                     "oco_ref", "send_wrapper", "leptos_config"):
            return "leptos (other)"
        if crate in ("js_sys", "web_sys", "wasm_bindgen", "wasm_bindgen_futures"):
            return "js-sys / web-sys / wasm-bindgen-futures"
        if crate in ("rexie", "idb"):
            return "rexie + idb"
        if crate.startswith("gloo"):
            return "gloo (net, timers)"
    if crates:
        return "other crates"
    return "unnamed (wasm-opt merged or outlined code)"


def main(path: str) -> None:
    sizes = defaultdict(int)
    total = 0
    with open(path, newline="") as f:
        for row in csv.DictReader(f):
            if row["Name"].startswith("Σ") or row["Name"].startswith("..."):
                continue
            size = int(row["ShallowSize"])
            sizes[group(row["Name"])] += size
            total += size
    meta = sizes.get("wasm metadata (names, custom sections)", 0)
    print(f"{'group':56} {'bytes':>10} {'share':>7}")
    for g, s in sorted(sizes.items(), key=lambda kv: -kv[1]):
        if g.startswith("wasm metadata"):
            continue
        print(f"{g:56} {s:10d} {100 * s / (total - meta):6.1f}%")
    print(f"{'total (without names and custom sections)':56} {total - meta:10d}")


if __name__ == "__main__":
    main(sys.argv[1])
