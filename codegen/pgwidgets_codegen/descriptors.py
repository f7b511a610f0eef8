"""Reads the schema's descriptors and their custom options.

protoc hands the plugin FileDescriptorProtos whose custom options are still
unparsed extensions. We load every file into a private DescriptorPool and
re-parse each options message with classes from that pool, so the options
declared in schema/pgwidgets/options.proto are read without any generated
Python code.
"""

import hashlib

from google.protobuf import descriptor_pb2, descriptor_pool, message_factory

OPTIONS_PACKAGE = "pgwidgets"


class SchemaError(Exception):
    """The schema breaks a convention the generator relies on."""


class OptionReader:
    def __init__(self, files):
        self.pool = descriptor_pool.DescriptorPool()
        for f in files:
            self.pool.Add(f)
        self.factory = message_factory.MessageFactory(self.pool)
        self._classes = {}

    def _options_class(self, full_name):
        if full_name not in self._classes:
            desc = self.pool.FindMessageTypeByName(full_name)
            self._classes[full_name] = self.factory.GetPrototype(desc)
        return self._classes[full_name]

    def read(self, options, options_type, extension):
        """The value of custom option `extension` on `options`, or None."""
        try:
            ext = self.pool.FindExtensionByName(f"{OPTIONS_PACKAGE}.{extension}")
        except KeyError:
            return None
        parsed = self._options_class(options_type).FromString(options.SerializeToString())
        if not parsed.HasExtension(ext):
            return None
        return parsed.Extensions[ext]

    def service(self, service):
        return self.read(service.options, "google.protobuf.ServiceOptions", "widget")

    def method(self, method):
        return self.read(method.options, "google.protobuf.MethodOptions", "method")

    def callback(self, method):
        return self.read(method.options, "google.protobuf.MethodOptions", "callback")

    def field(self, field):
        return self.read(field.options, "google.protobuf.FieldOptions", "arg")

    def enum_name(self, enum_full_name, number):
        return self.pool.FindEnumTypeByName(enum_full_name).values_by_number[number].name


def schema_fingerprint(files) -> int:
    """64 bits of SHA-256 over the files' descriptors, comments left out.

    Both ends embed it; a page built from another schema is refused at the
    handshake instead of decoding garbage.
    """
    h = hashlib.sha256()
    for f in sorted(files, key=lambda f: f.name):
        copy = descriptor_pb2.FileDescriptorProto()
        copy.CopyFrom(f)
        copy.ClearField("source_code_info")
        h.update(f.name.encode())
        h.update(copy.SerializeToString(deterministic=True))
    return int.from_bytes(h.digest()[:8], "big")


def comments(file):
    """path tuple -> leading comment, from the file's source_code_info."""
    out = {}
    for loc in file.source_code_info.location:
        if loc.leading_comments:
            # protoc keeps the space after each `//`.
            lines = [line.removeprefix(" ") for line in loc.leading_comments.splitlines()]
            out[tuple(loc.path)] = "\n".join(lines).strip()
    return out


def lines(file):
    """path tuple -> 1-based line where that element starts, for errors."""
    return {tuple(loc.path): loc.span[0] + 1 for loc in file.source_code_info.location if loc.span}
