#!/usr/bin/env python3
"""Keeps the house readable (issue 24): no source file over 400 lines, no function over 100.

A function is measured from its `fn` line to the brace that closes its body (braces inside
strings, chars and comments are skipped). Named exceptions, each a table rather than logic:
  server/src/db/migrations.rs — the schema's migrations, one SQL text per version
"""
import pathlib
import re
import sys

MAX_FILE, MAX_FN = 400, 100
FILE_EXCEPTIONS = {"server/src/db/migrations.rs"}
ROOTS = ["src", "domain/src", "server/src", "tests", "domain/tests", "server/tests"]
FN = re.compile(r"^\s*(pub(\([^)]*\))?\s+)?(const\s+)?(async\s+)?(unsafe\s+)?fn\s+(\w+)")


def code_only(text):
    """The text with strings, chars and comments blanked (newlines kept)."""
    out, i, n = [], 0, len(text)
    while i < n:
        c = text[i]
        if text.startswith("//", i):
            j = text.find("\n", i)
            j = n if j < 0 else j
            out.append(" " * (j - i)); i = j
        elif text.startswith("/*", i):
            j = text.find("*/", i + 2)
            j = n if j < 0 else j + 2
            out.append(re.sub(r"[^\n]", " ", text[i:j])); i = j
        elif c == "r" and re.match(r'r#*"', text[i:i + 10]) and not (i and (text[i-1].isalnum() or text[i-1] == "_")):
            hashes = re.match(r'r(#*)"', text[i:]).group(1)
            end = '"' + hashes
            j = text.find(end, i + 2 + len(hashes))
            j = n if j < 0 else j + len(end)
            out.append(re.sub(r"[^\n]", " ", text[i:j])); i = j
        elif c == '"':
            j = i + 1
            while j < n and text[j] != '"':
                j += 2 if text[j] == "\\" else 1
            out.append(re.sub(r"[^\n]", " ", text[i:j + 1])); i = j + 1
        elif c == "'" and re.match(r"'(\\.|[^\\'])'|'\\u\{[0-9a-fA-F]+\}'", text[i:i + 12]):
            m = re.match(r"'(\\.|[^\\'])'|'\\u\{[0-9a-fA-F]+\}'", text[i:i + 12])
            out.append(" " * len(m.group(0))); i += len(m.group(0))
        else:
            out.append(c); i += 1
    return "".join(out)


def long_functions(path):
    lines = code_only(path.read_text()).split("\n")
    found = []
    for start, line in enumerate(lines):
        m = FN.match(line)
        if not m:
            continue
        depth, opened = 0, False
        for end in range(start, len(lines)):
            for ch in lines[end]:
                if ch == "{":
                    depth += 1; opened = True
                elif ch == "}":
                    depth -= 1
                elif ch == ";" and not opened and depth == 0:
                    break  # a declaration without a body
            else:
                if opened and depth == 0:
                    length = end - start + 1
                    if length > MAX_FN:
                        found.append((m.group(6), start + 1, length))
                    break
                continue
            break
    return found


def main():
    root = pathlib.Path(__file__).resolve().parent.parent
    bad = []
    for base in ROOTS:
        for path in sorted((root / base).rglob("*.rs")):
            rel = path.relative_to(root).as_posix()
            if rel in FILE_EXCEPTIONS:
                continue
            count = path.read_text().count("\n")
            if count > MAX_FILE:
                bad.append(f"{rel}: {count} lines (at most {MAX_FILE})")
            for name, line, length in long_functions(path):
                bad.append(f"{rel}:{line}: fn {name} is {length} lines (at most {MAX_FN})")
    if bad:
        print("Split these (issue 24: files under 400 lines, functions under 100):", file=sys.stderr)
        print("\n".join(bad), file=sys.stderr)
        sys.exit(1)
    print("sizes: every file and function within bounds")


if __name__ == "__main__":
    main()
