"""Regenerates the generated bindings: ours (through the protoc plugin) and
protobuf-es's TypeScript message code, into an output folder that is wiped
first. Usage: regenerate.py [--schema DIR] [--out DIR] [--protoc-gen-es PATH]
"""

import argparse
import os
import shutil
import stat
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def schema_files(schema_dir: Path):
    return sorted(str(p.relative_to(schema_dir)) for p in schema_dir.rglob("*.proto"))


def main(argv=None):
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--schema", type=Path, default=ROOT / "schema")
    ap.add_argument("--out", type=Path, default=ROOT / "generated")
    ap.add_argument("--protoc", default=os.environ.get("PROTOC", "protoc"))
    ap.add_argument("--protoc-gen-es", default=str(ROOT / "web/node_modules/.bin/protoc-gen-es"))
    args = ap.parse_args(argv)

    if not Path(args.protoc_gen_es).exists():
        sys.exit(f"regenerate: {args.protoc_gen_es} is missing; run `npm ci` in web/ (scripts/install-deps.sh does)")
    files = schema_files(args.schema)
    widget_files = [f for f in files if f.startswith("pgwidgets/widgets/")]

    with tempfile.TemporaryDirectory() as tmp:
        # protoc runs a plugin as an executable: point it at this interpreter.
        plugin = Path(tmp) / "protoc-gen-pgwidgets"
        plugin.write_text(f'#!/bin/sh\nexec "{sys.executable}" "{ROOT / "codegen/protoc-gen-pgwidgets.py"}" "$@"\n')
        plugin.chmod(plugin.stat().st_mode | stat.S_IEXEC)
        staging = Path(tmp) / "out"
        (staging / "ts/pb").mkdir(parents=True)
        base = [args.protoc, f"-I{args.schema}"]
        subprocess.run(base + [f"--plugin=protoc-gen-pgwidgets={plugin}", f"--pgwidgets_out={staging}"]
                       + widget_files, check=True)
        subprocess.run(base + [f"--plugin=protoc-gen-es={args.protoc_gen_es}",
                               f"--es_out={staging / 'ts/pb'}", "--es_opt=target=ts,import_extension=js"]
                       + files, check=True)
        if args.out.exists():
            shutil.rmtree(args.out)
        shutil.copytree(staging, args.out)


if __name__ == "__main__":
    main()
