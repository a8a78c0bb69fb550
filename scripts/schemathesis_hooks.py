"""Schemathesis checks of our own (loaded through SCHEMATHESIS_HOOKS by scripts/schemathesis.sh).

no_internals: no answer, of any status, shows the server's insides: SQLite's error text, the
storage library's name, a Rust panic, or a stack of frames.
"""
import re

import schemathesis

INTERNALS = re.compile(
    r"sqlite|rusqlite|no such (table|column)|constraint failed|syntax error|near \"|"
    r"expression tree|panicked at|stack backtrace|\.rs:\d+",
    re.IGNORECASE,
)


@schemathesis.check
def no_internals(ctx, response, case):
    """Fail when a response body carries SQL text, table or column errors, or a panic."""
    text = response.text or ""
    found = INTERNALS.search(text)
    if found:
        raise AssertionError(f"the answer shows the server's insides: {found.group(0)!r} in {text[:200]!r}")
