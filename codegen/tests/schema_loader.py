"""Builds the widget model from a schema folder, as protoc would hand it to the plugin."""

import os
import subprocess
import tempfile
from pathlib import Path

from google.protobuf import descriptor_pb2

import regenerate
from pgwidgets_codegen.reader import build_schema

ROOT = Path(__file__).resolve().parents[2]
SCHEMA = ROOT / "schema"
PROTOC = os.environ.get("PROTOC", "protoc")


def descriptor_set(schema_dir=SCHEMA):
    files = regenerate.schema_files(Path(schema_dir))
    with tempfile.TemporaryDirectory() as tmp:
        out = Path(tmp) / "set.pb"
        subprocess.run([PROTOC, f"-I{schema_dir}", "--include_imports", "--include_source_info",
                        f"--descriptor_set_out={out}", *files], check=True)
        fds = descriptor_pb2.FileDescriptorSet.FromString(out.read_bytes())
    widget_files = [f for f in files if f.startswith("pgwidgets/widgets/")]
    return list(fds.file), widget_files


def load(schema_dir=SCHEMA):
    files, to_generate = descriptor_set(schema_dir)
    return build_schema(files, to_generate)
