#!/usr/bin/env python3
"""Applies one mutation file (tests/mutations/*.mutation) to a source tree.

A mutation file holds header lines, then one or more find/replace blocks:

    # What the bug is, in one line (shown in the report).
    tests: <ctest -R regex of the tests that must catch it>
    build: tsan    (optional: the tests run in a ThreadSanitizer build,
                    as scripts/tsan.sh makes it; the default is a plain one)
    file: runtime/src/session_core.cpp
    <<<<
    text that must occur exactly once in the file
    ====
    the text that replaces it
    >>>>

`file:` may appear again before later blocks. Exit status: 0 applied,
3 when a block's text is not found exactly once (the mutation no longer
fits the code: fix the mutation), 2 for a malformed mutation file.
"""

import subprocess
import sys
from pathlib import Path


def parse(text):
    header = {"about": "", "tests": "", "build": "default"}
    blocks = []
    current_file = None
    lines = text.splitlines(keepends=True)
    i = 0
    while i < len(lines):
        line = lines[i]
        if line.startswith("#") and not header["about"]:
            header["about"] = line[1:].strip()
        elif line.startswith("tests:"):
            header["tests"] = line[len("tests:"):].strip()
        elif line.startswith("build:"):
            header["build"] = line[len("build:"):].strip()
            if header["build"] not in ("default", "tsan"):
                raise ValueError(f"unknown build: {header['build']} (default or tsan)")
        elif line.startswith("file:"):
            current_file = line[len("file:"):].strip()
        elif line.rstrip("\n") == "<<<<":
            find, replace, part = [], [], "find"
            i += 1
            while i < len(lines) and lines[i].rstrip("\n") != ">>>>":
                if lines[i].rstrip("\n") == "====":
                    part = "replace"
                else:
                    (find if part == "find" else replace).append(lines[i])
                i += 1
            if current_file is None or part != "replace" or i == len(lines):
                raise ValueError("a block needs a file: line before it, a ==== and a closing >>>>")
            blocks.append((current_file, "".join(find), "".join(replace)))
        i += 1
    if not blocks or not header["tests"]:
        raise ValueError("a mutation needs a tests: line and at least one block")
    return header, blocks


def sync(root, dest):
    """Makes `dest` hold the files git knows in `root` (tracked and new), as
    they are now. Only files whose bytes differ are written, so they get a new
    mtime and the build recompiles exactly them (copying mtimes would leave a
    mutant's objects looking up to date)."""
    if (root / ".git").exists():
        listed = subprocess.run(["git", "ls-files", "-z", "--cached", "--others", "--exclude-standard"], cwd=root,
                                check=True, capture_output=True).stdout.decode().split("\0")
    else:  # a snapshot made by an earlier sync
        listed = [p.relative_to(root).as_posix() for p in root.rglob("*")
                  if p.is_file() and not p.relative_to(root).as_posix().startswith("web/node_modules")]
    wanted = {name for name in listed if name and (root / name).is_file() and not (root / name).is_symlink()}
    for name in wanted:
        data = (root / name).read_bytes()
        target = dest / name
        if not target.is_file() or target.read_bytes() != data:
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_bytes(data)
            target.chmod((root / name).stat().st_mode)
    for path in dest.rglob("*"):
        rel = path.relative_to(dest).as_posix()
        if path.is_file() and not path.is_symlink() and rel not in wanted and not rel.startswith("web/node_modules"):
            path.unlink()


def main():
    if len(sys.argv) == 4 and sys.argv[1] == "sync":
        sync(Path(sys.argv[2]), Path(sys.argv[3]))
        return
    if len(sys.argv) < 3 or sys.argv[1] not in ("apply", "tests", "about", "build"):
        sys.exit("usage: mutation_apply.py apply|tests|about|build MUTATION [TREE] | sync ROOT DEST")
    try:
        header, blocks = parse(Path(sys.argv[2]).read_text())
    except ValueError as e:
        print(f"{sys.argv[2]}: {e}", file=sys.stderr)
        sys.exit(2)
    if sys.argv[1] != "apply":
        print(header[sys.argv[1]])
        return
    tree = Path(sys.argv[3])
    for name, find, replace in blocks:
        path = tree / name
        text = path.read_text() if path.exists() else ""
        if text.count(find) != 1:
            print(f"{sys.argv[2]}: the text to mutate occurs {text.count(find)} times in {name}", file=sys.stderr)
            sys.exit(3)
        path.write_text(text.replace(find, replace))


if __name__ == "__main__":
    main()
