#!/usr/bin/env bash
# The framework's idioms, kept by a check rather than by memory (issue 24): a read's loading
# line is written once, in components/loaded.rs (`Loaded` for a Result, `Ready` for a read
# that says itself how it went), not by hand in each page.
# Named exceptions:
#   src/pages/sent.rs              — the sent page follows a polled signal, not a resource
#   src/pages/offline_selection.rs — a <Suspense> fallback (the framework's own idiom)
set -euo pipefail
cd "$(dirname "$0")/.."
found=$(grep -rn 'Msg::Loading' src --include=*.rs \
  | grep -v '^src/components/loaded.rs:' \
  | grep -v '^src/pages/sent.rs:' \
  | grep -v '^src/pages/offline_selection.rs:.*Suspense' || true)
if [[ -n "$found" ]]; then
  echo "A hand-written loading line (use components::loaded::{Loaded, Ready}):" >&2
  echo "$found" >&2
  exit 1
fi
echo "idioms: one loading view"
