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

# No write through `spawn_local` in pages and components: a write is an `Action`, whose pending
# state disables its button. Named exceptions, none of them a write to the ERP or the device
# (a context such as unread.rs may refresh itself; it is not a page):
#   src/pages/sent.rs           — follows a document on a timer: a sync pass, then a read
#   src/pages/document/print.rs — the share bar: the browser's share sheet or clipboard
#   src/pages/document_form/source.rs — the form's one-time fill of its draft, a read
allowed='^src/pages/(sent\.rs|document/print\.rs|document_form/source\.rs):'
found=$(grep -rn 'spawn_local' src/pages src/components --include=*.rs | grep -v -E "$allowed" \
  | grep -v -E '^[^:]+:[0-9]+:\s*//' || true)
if [[ -n "$found" ]]; then
  echo "A spawn_local in a page or component (a write is an Action; a read a LocalResource):" >&2
  echo "$found" >&2
  exit 1
fi

# Every paged list keeps its state in the address: a page (with its own folder) that shows a
# pager reads its search, filters and page through url_query.rs, so a reload or Back keeps them.
for file in $(grep -rl '<Pager' src/pages --include=*.rs); do
  page=${file#src/pages/}
  page=${page%%/*}
  page=${page%.rs}
  if ! grep -rq 'url_query' "src/pages/$page.rs" "src/pages/$page" 2>/dev/null; then
    echo "src/pages/$page shows a pager but keeps its list state outside the address (url_query.rs)" >&2
    exit 1
  fi
done
echo "idioms: one loading view, writes through Action, list state in the address"
