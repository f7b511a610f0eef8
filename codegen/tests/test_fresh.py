"""generated/ is exactly what the generator writes from schema/ today."""

import filecmp
import os
import tempfile
import unittest
from pathlib import Path

import regenerate

ROOT = Path(__file__).resolve().parents[2]


def differences(a: Path, b: Path):
    out = []
    cmp = filecmp.dircmp(a, b)
    stack = [(cmp, Path("."))]
    while stack:
        c, rel = stack.pop()
        out += [f"only in generated/: {rel / n}" for n in c.left_only]
        out += [f"missing from generated/: {rel / n}" for n in c.right_only]
        for name in c.common_files:
            if (Path(c.left) / name).read_bytes() != (Path(c.right) / name).read_bytes():
                out.append(f"differs: {rel / name}")
        stack += [(sub, rel / n) for n, sub in c.subdirs.items()]
    return out


class FreshnessTest(unittest.TestCase):
    def test_generated_is_fresh(self):
        with tempfile.TemporaryDirectory() as tmp:
            out = Path(tmp) / "generated"
            regenerate.main(["--out", str(out), "--protoc", os.environ.get("PROTOC", "protoc")])
            diff = differences(ROOT / "generated", out)
        self.assertEqual(diff, [], "generated/ is stale: run `cmake --build build --target regenerate`")


if __name__ == "__main__":
    unittest.main()
