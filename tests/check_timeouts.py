"""Fails when a ctest test has no TIMEOUT: a hang must fail in seconds, not
at ctest's default of 1500 s. Run from the build directory by ctest."""

import json
import subprocess
import sys

listing = json.loads(subprocess.run([sys.argv[1], "--show-only=json-v1"], check=True, capture_output=True,
                                    text=True).stdout)
tests = listing["tests"]
missing = [t["name"] for t in tests if not any(p["name"] == "TIMEOUT" for p in t.get("properties", []))]
if missing:
    sys.exit("tests without a TIMEOUT:\n  " + "\n  ".join(missing))
print(f"all {len(tests)} tests have a TIMEOUT")
