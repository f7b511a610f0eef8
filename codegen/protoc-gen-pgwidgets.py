"""protoc plugin: reads a CodeGeneratorRequest on stdin, writes the C++ and
TypeScript bindings of the widget schema as a CodeGeneratorResponse."""

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from google.protobuf.compiler import plugin_pb2  # noqa: E402

from pgwidgets_codegen.descriptors import SchemaError  # noqa: E402
from pgwidgets_codegen.reader import build_schema  # noqa: E402
from pgwidgets_codegen.render import render_all  # noqa: E402


def main():
    request = plugin_pb2.CodeGeneratorRequest.FromString(sys.stdin.buffer.read())
    response = plugin_pb2.CodeGeneratorResponse()
    response.supported_features = plugin_pb2.CodeGeneratorResponse.FEATURE_PROTO3_OPTIONAL
    try:
        schema = build_schema(list(request.proto_file), list(request.file_to_generate))
        for path, content in sorted(render_all(schema).items()):
            out = response.file.add()
            out.name = path
            out.content = content
    except SchemaError as e:
        # protoc prints it as one line: "--pgwidgets_out: file.proto:12: ...".
        response.error = " ".join(str(e).split())
    except Exception as e:  # noqa: BLE001 - a generator bug still gets one line, not a traceback
        response.error = f"internal error in the pgwidgets generator: {type(e).__name__}: {' '.join(str(e).split())}"
    sys.stdout.buffer.write(response.SerializeToString())


if __name__ == "__main__":
    main()
