"""Runs a compiler command that must fail with exactly one error:

  --expect-static-assert MSG  a static assertion whose message is MSG, so a
                              typo in the static_assert, an unrelated syntax
                              error or a cascade of template errors after it
                              all fail the check;
  --expect-error TEXT         an error (such as "no matching function")
                              whose line contains TEXT.

With neither, the command must succeed.

A source line holding the marker `// <- the error` must be where the error
is reported (file and line): a message that names the cause but points
into a header, or at the coroutine's closing brace, fails the check."""

import argparse
import re
import subprocess
import sys

# "file:line:col: error: message" (g++ and clang); notes and warnings are
# not errors.
ERROR_LINE = re.compile(r"^[^:\n]+:\d+:\d+: (?:fatal )?error: (.*)$", re.MULTILINE)
ERROR_AT = re.compile(r"^([^:\n]+):(\d+):\d+: (?:fatal )?error: ", re.MULTILINE)
MARKER = "// <- the error"
STATIC_ASSERT = re.compile(r"^static assertion failed(?: due to requirement '.*?')?: (.*)$")


def check(expected: str, returncode: int, output: str, static_assert: bool = True,
          at: tuple[str, int] | None = None) -> str | None:
    """None when the output is what was expected, else the reason it is not.
    `at`: (file, line) where the error must be reported."""
    errors = ERROR_LINE.findall(output)
    if not expected:
        return None if returncode == 0 else "expected to compile, but it failed"
    if returncode == 0:
        return "expected a compile error, but it compiled"
    if not errors:
        return "the compiler failed without an error line"
    if static_assert:
        first = STATIC_ASSERT.match(errors[0])
        if first is None:
            return f"the first error is not a static assertion: {errors[0]}"
        if first.group(1).strip() != expected:
            return f"the static assertion says:\n  {first.group(1).strip()}\nexpected:\n  {expected}"
    elif expected not in errors[0]:
        return f"the first error does not say {expected!r}: {errors[0]}"
    if len(errors) > 1:
        return f"{len(errors) - 1} more error(s) follow the expected one, first: {errors[1]}"
    if at is not None:
        where = ERROR_AT.search(output)
        file, line = where.group(1), int(where.group(2))
        if not (file.endswith(at[0]) and line == at[1]):
            return f"the error is reported at {file}:{line}, not at the calling line {at[0]}:{at[1]}"
    return None


def marked_line(command) -> tuple[str, int] | None:
    """(source, line) of the marker in the compiled source, if any."""
    for arg in command:
        if arg.endswith(".cpp"):
            with open(arg, encoding="utf-8") as f:
                for number, text in enumerate(f, start=1):
                    if MARKER in text:
                        return arg, number
    return None


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--expect-static-assert", default="")
    ap.add_argument("--expect-error", default="")
    ap.add_argument("command", nargs=argparse.REMAINDER)
    args = ap.parse_args()
    command = args.command[1:] if args.command[:1] == ["--"] else args.command
    proc = subprocess.run(command, capture_output=True, text=True)
    output = proc.stdout + proc.stderr
    expected = args.expect_static_assert or args.expect_error
    problem = check(expected, proc.returncode, output, static_assert=bool(args.expect_static_assert),
                    at=marked_line(command) if expected else None)
    if problem:
        sys.exit(f"{problem}\n--- compiler output ---\n{output[:4000]}")
    print("compiled, as expected" if not expected else f"failed to compile with: {expected}")


if __name__ == "__main__":
    main()
