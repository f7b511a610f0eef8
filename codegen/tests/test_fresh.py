"""generated/ and docs/ are exactly what the generator writes from schema/ today."""

import filecmp
import os
import tempfile
import unittest
from pathlib import Path

import regenerate

ROOT = Path(__file__).resolve().parents[2]


def differences(a: Path, b: Path, name="generated/"):
    out = []
    cmp = filecmp.dircmp(a, b)
    stack = [(cmp, Path("."))]
    while stack:
        c, rel = stack.pop()
        out += [f"only in {name}: {rel / n}" for n in c.left_only]
        out += [f"missing from {name}: {rel / n}" for n in c.right_only]
        for name in c.common_files:
            if (Path(c.left) / name).read_bytes() != (Path(c.right) / name).read_bytes():
                out.append(f"differs: {rel / name}")
        stack += [(sub, rel / n) for n, sub in c.subdirs.items()]
    return out


class FreshnessTest(unittest.TestCase):
    def test_generated_is_fresh(self):
        with tempfile.TemporaryDirectory() as tmp:
            out, docs = Path(tmp) / "generated", Path(tmp) / "docs"
            regenerate.main(["--out", str(out), "--docs", str(docs), "--protoc", os.environ.get("PROTOC", "protoc")])
            diff = differences(ROOT / "generated", out) + differences(ROOT / "docs", docs, "docs/")
        self.assertEqual(diff, [], "generated/ or docs/ is stale: run `cmake --build build --target regenerate`")


if __name__ == "__main__":
    unittest.main()
