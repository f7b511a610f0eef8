"""Names and literals both languages share: pgwidgets' snake case, proto's
scalar types, and how a schema default is checked."""

import re

SCALAR_TYPES = frozenset((
    "double", "float", "int32", "sint32", "sfixed32", "uint32", "fixed32",
    "int64", "sint64", "sfixed64", "uint64", "fixed64", "bool", "string", "bytes",
))
INT64_TYPES = frozenset(("int64", "sint64", "sfixed64", "uint64", "fixed64"))


def snake_case(name: str) -> str:
    """SetText -> set_text, OnChildAdded -> on_child_added, GetHTML -> get_html."""
    s = re.sub(r"([A-Z]+)([A-Z][a-z])", r"\1_\2", name)
    s = re.sub(r"([a-z0-9])([A-Z])", r"\1_\2", s)
    return s.lower()


def check_default(proto_type: str, text: str) -> None:
    """Raises ValueError when `text` is no literal of `proto_type`."""
    if proto_type in ("string", "bytes"):
        return
    if proto_type == "bool":
        if text not in ("true", "false"):
            raise ValueError(f"bool default must be true or false, not {text!r}")
        return
    if proto_type in INT64_TYPES or "int" in proto_type or "fixed" in proto_type:
        int(text)
        return
    float(text)


def quoted(text: str) -> str:
    """A double-quoted literal, spelled the same in C++ and TypeScript."""
    escaped = text.replace("\\", "\\\\").replace('"', '\\"').replace("\n", "\\n")
    return f'"{escaped}"'


def lower_camel(snake: str) -> str:
    """protobuf-es spells field `viewport_x` as `viewportX`."""
    head, *rest = snake.split("_")
    return head + "".join(p[:1].upper() + p[1:] for p in rest)
