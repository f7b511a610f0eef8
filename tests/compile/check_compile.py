"""Runs a compiler command. With --expect-error TEXT it must fail and print
TEXT (so a typo in the static_assert cannot pass); with an empty TEXT it
must succeed."""

import argparse
import subprocess
import sys


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--expect-error", default="")
    ap.add_argument("command", nargs=argparse.REMAINDER)
    args = ap.parse_args()
    command = args.command[1:] if args.command[:1] == ["--"] else args.command
    proc = subprocess.run(command, capture_output=True, text=True)
    output = proc.stdout + proc.stderr
    if not args.expect_error:
        if proc.returncode != 0:
            sys.exit(f"expected to compile, but it failed:\n{output}")
        print("compiled, as expected")
        return
    if proc.returncode == 0:
        sys.exit("expected a compile error, but it compiled")
    if args.expect_error not in output:
        sys.exit(f"compile failed, but without the expected message:\n  {args.expect_error}\n--- output ---\n{output[:4000]}")
    print(f"failed to compile with: {args.expect_error}")


if __name__ == "__main__":
    main()
