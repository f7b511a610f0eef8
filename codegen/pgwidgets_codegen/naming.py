"""Names and types: how schema names and proto types are spelled in C++ and TypeScript."""

import re

CPP_KEYWORDS = frozenset("""
alignas alignof and and_eq asm auto bitand bitor bool break case catch char char8_t char16_t
char32_t class compl concept const consteval constexpr constinit const_cast continue co_await
co_return co_yield decltype default delete do double dynamic_cast else enum explicit export
extern false float for friend goto if inline int long mutable namespace new noexcept not
not_eq nullptr operator or or_eq private protected public register reinterpret_cast requires
return short signed sizeof static static_assert static_cast struct switch template this
thread_local throw true try typedef typeid typename union unsigned using virtual void volatile
wchar_t while xor xor_eq
""".split())

TS_KEYWORDS = frozenset("""
break case catch class const continue debugger default delete do else enum export extends
false finally for function if import in instanceof new null return super switch this throw
true try typeof var void while with yield let static implements interface package private
protected public await constructor
""".split())


def snake_case(name: str) -> str:
    """SetText -> set_text, OnChildAdded -> on_child_added, GetHTML -> get_html."""
    s = re.sub(r"([A-Z]+)([A-Z][a-z])", r"\1_\2", name)
    s = re.sub(r"([a-z0-9])([A-Z])", r"\1_\2", s)
    return s.lower()


def cpp_identifier(name: str) -> str:
    return name + "_" if name in CPP_KEYWORDS else name


def ts_identifier(name: str) -> str:
    return name + "_" if name in TS_KEYWORDS else name


def lower_camel(snake: str) -> str:
    """protobuf-es spells field `viewport_x` as `viewportX`."""
    head, *rest = snake.split("_")
    return head + "".join(p[:1].upper() + p[1:] for p in rest)


# proto scalar type -> (C++ value type, TypeScript type)
SCALARS = {
    "double": ("double", "number"),
    "float": ("float", "number"),
    "int32": ("int", "number"),
    "sint32": ("int", "number"),
    "sfixed32": ("int", "number"),
    "uint32": ("std::uint32_t", "number"),
    "fixed32": ("std::uint32_t", "number"),
    "int64": ("std::int64_t", "bigint"),
    "sint64": ("std::int64_t", "bigint"),
    "sfixed64": ("std::int64_t", "bigint"),
    "uint64": ("std::uint64_t", "bigint"),
    "fixed64": ("std::uint64_t", "bigint"),
    "bool": ("bool", "boolean"),
    "string": ("std::string", "string"),
    "bytes": ("std::string", "Uint8Array"),
}


def cpp_literal(proto_type: str, text: str) -> str:
    """A default value spelled in the schema as text -> a C++ literal."""
    if proto_type in ("string", "bytes"):
        return quoted(text)
    if proto_type == "bool":
        if text not in ("true", "false"):
            raise ValueError(f"bool default must be true or false, not {text!r}")
        return text
    float(text)  # validates
    return text


def ts_literal(proto_type: str, text: str) -> str:
    if proto_type in ("string", "bytes"):
        return quoted(text)
    if proto_type in ("int64", "sint64", "sfixed64", "uint64", "fixed64"):
        return f"{int(text)}n"
    return text


def quoted(text: str) -> str:
    """A double-quoted literal, spelled the same in C++ and TypeScript."""
    escaped = text.replace("\\", "\\\\").replace('"', '\\"').replace("\n", "\\n")
    return f'"{escaped}"'


def zero_literal_cpp(proto_type: str) -> str:
    if proto_type in ("string", "bytes"):
        return "std::string()"
    if proto_type == "bool":
        return "false"
    return "0"
