"""Runs a compiler command. With --expect-error TEXT it must fail with
exactly one error, a static assertion whose message is TEXT: a typo in the
static_assert, an unrelated syntax error, or a cascade of template errors
after the assertion all fail the check. With an empty TEXT the command must
succeed."""

import argparse
import re
import subprocess
import sys

# "file:line:col: error: message" (g++ and clang); notes and warnings are
# not errors.
ERROR_LINE = re.compile(r"^[^:\n]+:\d+:\d+: (?:fatal )?error: (.*)$", re.MULTILINE)
STATIC_ASSERT = re.compile(r"^static assertion failed(?: due to requirement '.*?')?: (.*)$")


def check(expected: str, returncode: int, output: str) -> str | None:
    """None when the output is what was expected, else the reason it is not."""
    errors = ERROR_LINE.findall(output)
    if not expected:
        return None if returncode == 0 else "expected to compile, but it failed"
    if returncode == 0:
        return "expected a compile error, but it compiled"
    if not errors:
        return "the compiler failed without an error line"
    first = STATIC_ASSERT.match(errors[0])
    if first is None:
        return f"the first error is not a static assertion: {errors[0]}"
    if first.group(1).strip() != expected:
        return f"the static assertion says:\n  {first.group(1).strip()}\nexpected:\n  {expected}"
    if len(errors) > 1:
        return f"{len(errors) - 1} more error(s) follow the static assertion, first: {errors[1]}"
    return None


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--expect-error", default="")
    ap.add_argument("command", nargs=argparse.REMAINDER)
    args = ap.parse_args()
    command = args.command[1:] if args.command[:1] == ["--"] else args.command
    proc = subprocess.run(command, capture_output=True, text=True)
    output = proc.stdout + proc.stderr
    problem = check(args.expect_error, proc.returncode, output)
    if problem:
        sys.exit(f"{problem}\n--- compiler output ---\n{output[:4000]}")
    print("compiled, as expected" if not args.expect_error else f"failed to compile with: {args.expect_error}")


if __name__ == "__main__":
    main()
