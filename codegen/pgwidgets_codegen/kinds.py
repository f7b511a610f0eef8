"""Field kinds: how each kind of field is spelled, in one place per kind.

A field is a container (single, optional, repeated, map) of an element
(scalar, enum, widget reference, message, pgwidgets.Value); the reader
gives every model Field one container kind holding one element kind. Each
class below knows, for its kind alone, the C++ and TypeScript types, the
default, and the expressions that move a value between the language and
protobuf's message classes; cpp.py and ts.py only forward to it, and the
templates print what they are given.

Names used in the spellings:
  message  a protobuf message object (C++: an object, TypeScript: a
           protobuf-es message)
  value    a C++ or TypeScript expression of the field's value
"""

from .naming import INT64_TYPES, lower_camel, quoted

# proto scalar type -> C++ value type
CPP_SCALARS = {
    "double": "double", "float": "float",
    "int32": "int", "sint32": "int", "sfixed32": "int",
    "uint32": "std::uint32_t", "fixed32": "std::uint32_t",
    "int64": "std::int64_t", "sint64": "std::int64_t", "sfixed64": "std::int64_t",
    "uint64": "std::uint64_t", "fixed64": "std::uint64_t",
    "bool": "bool", "string": "std::string", "bytes": "std::string",
}

# proto scalar type -> TypeScript type (as protobuf-es maps them)
TS_SCALARS = {
    "double": "number", "float": "number",
    "int32": "number", "sint32": "number", "sfixed32": "number",
    "uint32": "number", "fixed32": "number",
    "int64": "bigint", "sint64": "bigint", "sfixed64": "bigint", "uint64": "bigint", "fixed64": "bigint",
    "bool": "boolean", "string": "string", "bytes": "Uint8Array",
}

VALUE_MESSAGE = "pgwidgets.Value"


def cpp_enum_type(enum):
    return f"pgw::{enum.name}"


def cpp_enum_value(enum, word):
    from .cpp import identifier  # cpp.py imports the model, which this module is part of
    return f"{cpp_enum_type(enum)}::{identifier(word)}"


def cpp_pb_type(full_name):
    return "::" + full_name.replace(".", "::")


# ---- elements: one value ----------------------------------------------------

class Element:
    """One value of a field. `structured`: an aggregate in C++ (a generated
    struct), which g++ 12 destroys twice when braced inside a co_await."""
    structured = False
    movable = False  # owns heap memory: worth moving into the message

    def cpp_encode(self, value, ctx):
        """The value as the message's setter takes it."""
        return value

    def cpp_encode_into(self, value, target):
        """Statement writing the value into message object `target` (message elements)."""
        raise NotImplementedError

    def cpp_decode(self, expr, link):
        return expr

    def cpp_to_wire(self, value):
        """An options member (a view, for strings) as the message's setter takes it."""
        return f"{self.cpp_type}({value})"

    def ts_from(self, expr):
        return expr

    def ts_to(self, expr):
        return expr

    # Read straight off the wire by the dispatcher (dispatch/common.ts's
    # readers), without protobuf-es messages: the wire type the element
    # comes in, None when it is not read so; the expression reading one from
    # BinaryReader `r` once its tag is read; whether that expression already
    # gives the interface's value (else ts_from converts it, once, at the end).
    ts_wire = None
    ts_read_converts = False

    def ts_read(self, r):
        raise NotImplementedError

    # Written straight to the wire by the proxies (runtime wire_writer.hpp):
    # the Writer's and size::'s `<name>_field` functions that take one, and
    # the value as they take it; None when the element is not written so.
    cpp_wire = None

    def cpp_wire_value(self, value):
        return value


# A scalar's wire type (protobuf-es's WireType member).
_SCALAR_WIRE = {
    "double": "Bit64", "fixed64": "Bit64", "sfixed64": "Bit64",
    "float": "Bit32", "fixed32": "Bit32", "sfixed32": "Bit32",
    "string": "LengthDelimited", "bytes": "LengthDelimited",
}


class Scalar(Element):
    def __init__(self, proto_type):
        self.proto_type = proto_type
        self.movable = proto_type in ("string", "bytes")

    @property
    def cpp_type(self):
        return CPP_SCALARS[self.proto_type]

    @property
    def cpp_option_type(self):
        """In an options struct: strings as views (see cpp.OptionField)."""
        return "std::string_view" if self.movable else self.cpp_type

    def cpp_encode(self, value, ctx):
        return f"std::move({value})" if self.movable else value

    def cpp_literal(self, text):
        return quoted(text) if self.movable else text

    @property
    def cpp_zero(self):
        if self.movable:
            return "std::string()"
        return "false" if self.proto_type == "bool" else "0"

    @property
    def ts_type(self):
        return TS_SCALARS[self.proto_type]

    @property
    def ts_wire(self):
        return _SCALAR_WIRE.get(self.proto_type, "Varint")

    @property
    def cpp_wire(self):
        return self.proto_type

    def ts_read(self, r):
        # BinaryReader's readers are named after the proto types; a proto3
        # string is checked to be UTF-8, as protobuf-es checks it.
        read = f"{r}.string(true)" if self.proto_type == "string" else f"{r}.{self.proto_type}()"
        return f"({read} as bigint)" if self.proto_type in INT64_TYPES else read

    @property
    def ts_zero(self):
        t = self.ts_type
        if t == "string":
            return '""'
        if t == "boolean":
            return "false"
        if t == "bigint":
            return "0n"
        if t == "Uint8Array":
            return "new Uint8Array(0)"
        return "0"

    def ts_literal(self, text):
        if self.movable:
            return quoted(text)
        if self.proto_type in INT64_TYPES:
            return f"{int(text)}n"
        return text


class EnumElement(Element):
    """On the wire a number; C++ has an enum class, TypeScript the word."""

    def __init__(self, enum):
        self.enum = enum

    @property
    def cpp_type(self):
        return cpp_enum_type(self.enum)

    cpp_option_type = cpp_type

    def cpp_encode(self, value, ctx):
        return f"static_cast<{cpp_pb_type(self.enum.full_name)}>({value})"

    def cpp_decode(self, expr, link):
        return f"detail::enum_from_wire<{self.cpp_type}>({expr})"

    def cpp_to_wire(self, value):
        return self.cpp_encode(value, None)

    def cpp_literal(self, word):
        return cpp_enum_value(self.enum, word)

    cpp_zero = "{}"

    @property
    def ts_type(self):
        return self.enum.name

    def ts_literal(self, word):
        return quoted(word)

    ts_wire = "Varint"
    ts_zero = "0"
    cpp_wire = "int32"

    def ts_read(self, r):
        return f"{r}.int32()"

    def cpp_wire_value(self, value):
        return f"static_cast<std::int32_t>({value})"

    def ts_from(self, expr):
        return f'word({self.enum.name}Words, {expr}, "{self.enum.name}")'

    def ts_to(self, expr):
        return f"{self.enum.name}Numbers[{expr}]"


class Ref(Element):
    """A widget: its id on the wire, a handle in C++ and TypeScript."""

    def __init__(self, cls):
        self.cls = cls

    @property
    def cpp_type(self):
        return f"pgw::{self.cls}"

    @property
    def cpp_option_type(self):
        # A handle owns a shared pointer: not trivially destructible.
        return f"const pgw::{self.cls}*"

    def cpp_encode(self, value, ctx):
        owner, method = ctx
        return f'detail::child_id({owner}, {value}, "{method}")'

    def cpp_decode(self, expr, link):
        return f"pgw::{self.cls}({link}.shared_from_this(), {expr})"

    cpp_zero = "{}"
    ts_type = "WidgetHandle"

    def ts_from(self, expr):
        return f"ctx.widget({expr})"

    def ts_to(self, expr):
        return f"{expr}.widgetId"


class MessageElement(Element):
    """A generated value type: a C++ struct, a TypeScript interface, each
    with its converters (the family's detail::wire::encode/decode, the
    dispatcher's from<Name>/to<Name>)."""
    structured = True
    movable = True

    def __init__(self, message):
        self.message = message

    @property
    def cpp_type(self):
        return f"pgw::{self.message.name}"

    def cpp_encode_into(self, value, target):
        return f"detail::wire::encode({value}, {target});"

    # Read only when the message has a reader of its own (ts.direct_readable),
    # written only when it has detail::wire::wire_size / wire_write.
    ts_wire = "LengthDelimited"
    ts_read_converts = True
    cpp_wire = "message"

    def ts_read(self, r):
        return f"read{self.message.name}({r}, {r}.uint32())"

    def cpp_decode(self, expr, link):
        return f"detail::wire::decode({expr})"

    cpp_zero = "{}"

    @property
    def ts_type(self):
        return self.message.name

    def ts_from(self, expr):
        return f"from{self.message.name}({expr})"

    def ts_to(self, expr):
        return f"to{self.message.name}({expr})"


class ValueElement(Element):
    """pgwidgets.Value: pgw::Value (a class, not an aggregate, so a braced
    one is safe in a co_await) and TypeScript's Value union."""
    movable = True
    cpp_type = "pgw::Value"
    cpp_zero = "{}"
    ts_type = "Value"

    def cpp_encode_into(self, value, target):
        return f"detail::value_to_wire({value}, {target});"

    def cpp_decode(self, expr, link):
        return f"detail::value_from_wire({expr})"

    ts_wire = "LengthDelimited"
    ts_read_converts = True
    cpp_wire = "value"

    def ts_read(self, r):
        return f"readValue({r}, {r}.uint32())"

    def ts_from(self, expr):
        return f"valueFromWire({expr})"

    def ts_to(self, expr):
        return f"valueToWire({expr})"


# ---- containers: one field --------------------------------------------------

class Kind:
    """A field of one element. Subclasses: Single, Optional, Repeated, Map."""
    name = ""
    list_like = False

    def __init__(self, field, element):
        self.field = field
        self.element = element

    @property
    def n(self):
        return self.field.name

    # C++ -------------------------------------------------------------------

    @property
    def cpp_member_type(self):
        """As a struct member, a return value or a callback argument."""
        return self.cpp_value_type

    @property
    def cpp_param_type(self):
        """As a method parameter."""
        return self.cpp_value_type

    @property
    def cpp_option_type(self):
        """As an options struct member, whole (see cpp.OptionField)."""
        return f"std::optional<{self.element.cpp_option_type}>"

    cpp_option_initializer = "std::nullopt"

    def cpp_store_option(self, target, value):
        """Statement copying options member `value` into message `target`."""
        return f"{target}.set_{self.n}({self.element.cpp_to_wire('*' + value)});"

    def cpp_get(self, message, link):
        """`message`'s field as cpp_member_type."""
        return self.cpp_get_present(message, link)

    def cpp_get_present(self, message, link="link"):
        return self.element.cpp_decode(f"{message}.{self.n}()", link)

    @property
    def cpp_default(self):
        if self.field.default is not None:
            return self.element.cpp_literal(self.field.default)
        return self.element.cpp_zero

    # TypeScript ------------------------------------------------------------

    @property
    def ts_value_type(self):
        return self.element.ts_type

    @property
    def ts_default(self):
        if self.field.default is None:
            return None
        return self.element.ts_literal(self.field.default)

    def ts_from_message(self, message):
        return self.element.ts_from(f"{message}.{lower_camel(self.field.name)}")

    def ts_to_message(self, value):
        return f"{lower_camel(self.field.name)}: {self.element.ts_to(value)}"

    # Read off the wire (dispatch/common.ts's readers) into a local `v`:
    # None when this kind of field is not read so (the message is then
    # decoded by protobuf-es). Otherwise (initial value of v, statement
    # taking one record of the field from BinaryReader `r`, the interface's
    # value from v). `readable(message)`: whether a message has a reader.
    def ts_direct(self, v, r, readable):
        return None

    # Written to the wire directly (runtime wire_writer.hpp) from the C++
    # expression `value`: None when this kind of field is not written so,
    # else (statement adding its records' length to `n`, statement writing
    # them with Writer `w`). `writable(message)`: whether a message has
    # detail::wire::wire_size / wire_write.
    def cpp_direct(self, value, writable):
        return None

    def _one(self, value, writable):
        """(size expression, write statement) of one element `value`, or None."""
        e = self.element
        no = self.field.number
        if e.cpp_wire is None:
            return None
        if e.cpp_wire == "message":
            if not writable(e.message):
                return None
            size = f"detail::wire::wire_size({value})"
            return (f"detail::wire::size::length({no}, {size})",
                    f"w.length({no}, {size}); detail::wire::wire_write({value}, w);")
        v = e.cpp_wire_value(value)
        return f"detail::wire::size::{e.cpp_wire}_field({no}, {v})", f"w.{e.cpp_wire}_field({no}, {v});"

    def _element_read(self, r, readable):
        e = self.element
        if e.ts_wire is None or (isinstance(e, MessageElement) and not readable(e.message)):
            return None
        return e.ts_read(r)


class Single(Kind):
    """A plain proto3 field: always there, its zero when not set."""
    name = "single"

    @property
    def cpp_value_type(self):
        return self.element.cpp_type

    @property
    def cpp_param_type(self):
        # g++ 12: a braced struct inside a co_await is destroyed twice, so a
        # struct parameter takes a named value only (runtime structured.hpp).
        return f"pgw::Named<{self.element.cpp_type}>" if self.element.structured else self.element.cpp_type

    def cpp_set(self, target, value, ctx):
        """Statement copying parameter (or member) `value` into `target`."""
        if isinstance(self.element, (MessageElement, ValueElement)):
            return self.element.cpp_encode_into(f"detail::take({value})", f"*{target}.mutable_{self.n}()")
        return f"{target}.set_{self.n}({self.element.cpp_encode(value, ctx)});"

    def cpp_direct(self, value, writable):
        one = self._one(value, writable)
        if one is None:
            return None
        size, write = one
        if isinstance(self.element, (Scalar, EnumElement)):
            # proto3 leaves a plain scalar out when it is its zero.
            zero = f"!detail::wire::is_zero({self.element.cpp_wire_value(value)})"
            return f"if ({zero}) n += {size};", f"if ({zero}) {{ {write} }}"
        return f"n += {size};", write

    def ts_direct(self, v, r, readable):
        # Scalars and enums, the last record winning as protobuf's merge
        # does. A single message would merge field by field: not read so.
        if not isinstance(self.element, (Scalar, EnumElement)):
            return None
        read = self._element_read(r, readable)
        return self.element.ts_zero, f"{v} = {read};", self.element.ts_from(v)


class Optional(Kind):
    """proto3 `optional`: absent differs from zero; std::optional in C++."""
    name = "optional"

    @property
    def cpp_value_type(self):
        return self.element.cpp_type

    @property
    def cpp_member_type(self):
        return f"std::optional<{self.element.cpp_type}>"

    cpp_param_type = cpp_member_type

    def cpp_set(self, target, value, ctx):
        return f"if ({value}) {target}.set_{self.n}({self.element.cpp_encode('*' + value, ctx)});"

    def cpp_get(self, message, link):
        t = self.cpp_member_type
        return f"({message}.has_{self.n}() ? {t}({self.cpp_get_present(message, link)}) : {t}())"

    def ts_from_message(self, message):
        v = f"{message}.{lower_camel(self.field.name)}"
        if isinstance(self.element, Ref):
            return f"({v} ? {self.element.ts_from(v)} : undefined)"
        absent = self.ts_default if self.ts_default is not None else "undefined"
        if isinstance(self.element, EnumElement):
            return f"({v} === undefined ? {absent} : {self.element.ts_from(v)})"
        return f"({v} ?? {self.ts_default})" if self.ts_default is not None else v

    def ts_to_message(self, value):
        if isinstance(self.element, (EnumElement, Ref)):
            return f"{lower_camel(self.field.name)}: {value} === undefined ? undefined : {self.element.ts_to(value)}"
        return f"{lower_camel(self.field.name)}: {value}"

    def cpp_direct(self, value, writable):
        # Present: written, its zero too.
        one = self._one(f"(*{value})", writable)
        if one is None:
            return None
        size, write = one
        return f"if ({value}) n += {size};", f"if ({value}) {{ {write} }}"


class Repeated(Kind):
    """A list: std::vector as a value, pgw::List as a parameter (which takes
    a braced list inline unless its elements are structs), a read-only view
    in an options struct (pgw::ListView, trivially destructible)."""
    name = "repeated"
    list_like = True

    @property
    def cpp_value_type(self):
        return f"std::vector<{self.element.cpp_type}>"

    @property
    def cpp_param_type(self):
        return f"pgw::List<{self.element.cpp_type}>"

    @property
    def cpp_option_type(self):
        return f"pgw::ListView<{self.element.cpp_type}>"

    cpp_option_initializer = "{}"

    def cpp_store_option(self, target, value):
        return (f"for (auto& item : {value}.to_vector()) "
                f"{target}.add_{self.n}({self.element.cpp_encode('item', None)});")

    def cpp_set(self, target, value, ctx):
        if isinstance(self.element, (MessageElement, ValueElement)):
            one = self.element.cpp_encode_into("std::move(item)", f"*{target}.add_{self.n}()")
        else:
            one = f"{target}.add_{self.n}({self.element.cpp_encode('item', ctx)});"
        return f"{target}.mutable_{self.n}()->Reserve(static_cast<int>({value}.size()));\n  " \
               f"for (auto& item : {value}) {one}"

    def cpp_get_present(self, message, link="link"):
        m = f"{message}.{self.n}()"
        if isinstance(self.element, Scalar):
            return f"{self.cpp_value_type}({m}.begin(), {m}.end())"
        if isinstance(self.element, Ref):
            return f"detail::to_handles<pgw::{self.element.cls}>({link}, {m})"
        return (f"[&] {{ {self.cpp_value_type} out; out.reserve({m}.size()); "
                f"for (const auto& item : {m}) out.push_back({self.element.cpp_decode('item', link)}); "
                f"return out; }}()")

    cpp_default = "{}"

    @property
    def ts_value_type(self):
        return f"{self.element.ts_type}[]"

    @property
    def ts_default(self):
        return None

    def ts_from_message(self, message):
        v = f"{message}.{lower_camel(self.field.name)}"
        if isinstance(self.element, Scalar):
            return v
        return f"{v}.map((x) => {self.element.ts_from('x')})"

    def ts_to_message(self, value):
        if isinstance(self.element, Scalar):
            return f"{lower_camel(self.field.name)}: {value}"
        return f"{lower_camel(self.field.name)}: {value}.map((x) => {self.element.ts_to('x')})"

    def cpp_direct(self, value, writable):
        # Records one by one: a packed list of numbers is not written so.
        if isinstance(self.element, (Scalar, EnumElement)) and self.element.cpp_wire not in ("string", "bytes"):
            return None
        one = self._one("x", writable)
        if one is None:
            return None
        size, write = one
        return f"for (const auto& x : {value}) n += {size};", f"for (const auto& x : {value}) {{ {write} }}"

    def ts_direct(self, v, r, readable):
        # Records one by one: a packed list of numbers is not read so.
        e = self.element
        read = self._element_read(r, readable)
        if read is None or e.ts_wire != "LengthDelimited" or not (e.ts_read_converts or isinstance(e, Scalar)):
            return None
        return "[]", f"{v}.push({read});", v


class Map(Kind):
    """map<string, V>: std::map in C++ (ordered, so == and output are
    stable), a string-keyed object in TypeScript as protobuf-es has it."""
    name = "map"
    list_like = True

    @property
    def cpp_value_type(self):
        return f"std::map<std::string, {self.element.cpp_type}>"

    @property
    def cpp_param_type(self):
        return f"pgw::Named<{self.cpp_value_type}>"

    def cpp_set(self, target, value, ctx):
        slot = f"(*{target}.mutable_{self.n}())[key]"
        if isinstance(self.element, (MessageElement, ValueElement)):
            one = self.element.cpp_encode_into("std::move(item)", slot)
        else:
            one = f"{slot} = {self.element.cpp_encode('item', ctx)};"
        return f"for (auto& [key, item] : detail::take({value})) {one}"

    def cpp_get_present(self, message, link="link"):
        m = f"{message}.{self.n}()"
        return (f"[&] {{ {self.cpp_value_type} out; "
                f"for (const auto& [key, item] : {m}) out.emplace(key, {self.element.cpp_decode('item', link)}); "
                f"return out; }}()")

    cpp_default = "{}"

    @property
    def ts_value_type(self):
        return f"{{ [key: string]: {self.element.ts_type} }}"

    @property
    def ts_default(self):
        return None

    def ts_from_message(self, message):
        v = f"{message}.{lower_camel(self.field.name)}"
        if isinstance(self.element, Scalar):
            return v
        return f"Object.fromEntries(Object.entries({v}).map(([k, x]) => [k, {self.element.ts_from('x')}]))"

    def ts_to_message(self, value):
        if isinstance(self.element, Scalar):
            return f"{lower_camel(self.field.name)}: {value}"
        return (f"{lower_camel(self.field.name)}: Object.fromEntries(Object.entries({value})"
                f".map(([k, x]) => [k, {self.element.ts_to('x')}]))")

    def cpp_direct(self, value, writable):
        # map<string, pgwidgets.Value> alone, entries in the map's order.
        if not isinstance(self.element, ValueElement):
            return None
        no = self.field.number
        return (f"for (const auto& [k, x] : {value}) n += detail::wire::size::value_entry({no}, k, x);",
                f"for (const auto& [k, x] : {value}) w.value_entry({no}, k, x);")

    def ts_direct(self, v, r, readable):
        # map<string, pgwidgets.Value> alone: a tree item's values.
        if not isinstance(self.element, ValueElement):
            return None
        return "{}", f"readValueEntry({r}, {r}.uint32(), {v});", v


def of(field, element, repeated, presence, is_map):
    """The kind of a field read from the schema."""
    if is_map:
        return Map(field, element)
    if repeated:
        return Repeated(field, element)
    if presence:
        return Optional(field, element)
    return Single(field, element)
