"""How the model is spelled in TypeScript: the browser's interfaces, and the
expressions that move values between protobuf-es messages and them."""

from dataclasses import dataclass

from . import kinds, model
from .descriptors import SchemaError
from .naming import lower_camel, quoted
from .spelling import Language, View

KEYWORDS = frozenset("""
break case catch class const continue debugger default delete do else enum export extends
false finally for function if import in instanceof new null return super switch this throw
true try typeof var void while with yield let static implements interface package private
protected public await constructor
""".split())

def identifier(name: str) -> str:
    return name + "_" if name in KEYWORDS else name


def _params(fields):
    return ", ".join(f"{f.ts_name}: {f.ts_param_type}" for f in fields)


class Field(View):
    """Spelled by the field's kind (kinds.py)."""

    @property
    def ts_name(self):
        return identifier(self.name)

    @property
    def es_name(self):
        """The property name protobuf-es gives the field."""
        return lower_camel(self.name)

    @property
    def ts_value_type(self):
        return self.kind.ts_value_type

    @property
    def ts_param_type(self):
        t = self.ts_value_type
        return f"{t} | undefined" if self.presence and self.default is None else t

    @property
    def ts_default(self):
        return self.kind.ts_default

    def ts_from_message(self, message):
        """Expression turning protobuf-es field of `message` into the value type.

        Only a field with presence can be absent: protobuf-es gives every
        other field its zero, so a default applies to optional fields alone.
        """
        return self.kind.ts_from_message(message)

    def ts_to_message(self, value):
        """protobuf-es init entry for value expression `value`."""
        return self.kind.ts_to_message(value)


class Enum(View):
    """On the wire an enum is its number; the browser's interfaces take the
    word, so the dispatcher converts with two tables per enum."""

    @property
    def ts_union(self):
        return " | ".join(quoted(w) for w in self.words)

    @property
    def ts_words_table(self):
        return f"{self.name}Words"

    @property
    def ts_numbers_table(self):
        return f"{self.name}Numbers"

    @property
    def ts_words_entries(self):
        """number -> word, as the entries of a Map."""
        return "[" + ", ".join(f"[{v.number}, {quoted(v.word)}]" for v in self.values) + "]"

    @property
    def ts_numbers_object(self):
        """word -> number, as an object literal."""
        return "{ " + ", ".join(f"{v.word}: {v.number}" for v in self.values) + " }"

    def ts_word(self, number):
        return f'word({self.ts_words_table}, {number}, "{self.name}")'

    def ts_number(self, word):
        return f"{self.ts_numbers_table}[{word}]"


class Message(View):
    @property
    def es_schema(self):
        return f"pb_{self.file_stem}.{self.name}Schema"

    @property
    def es_type(self):
        return f"pb_{self.file_stem}.{self.name}"

    @property
    def ts_from_entries(self):
        """A value type's interface from protobuf-es message `x`."""
        return "{ " + ", ".join(f"{f.ts_name}: {f.ts_from_message('x')}" for f in self.fields) + " }"

    @property
    def ts_to_entries(self):
        """protobuf-es init of a value type from interface value `v`."""
        return "{ " + ", ".join(f.ts_to_message(f"v.{f.ts_name}") for f in self.fields) + " }"


class Method(View):
    @property
    def ts_name(self):
        return identifier(self.name)

    @property
    def ts_params(self):
        """As the browser's implementation takes them: a create's is the
        widget it adopts (its wire message), every other's its request."""
        return _params(self.wire_params)

    @property
    def ts_return_type(self):
        fields = self.response.fields
        if not fields:
            return "void"
        if len(fields) == 1:
            return fields[0].ts_value_type
        return f"{self.response.name}Value"

    @property
    def ts_call_args(self):
        return ", ".join(f.ts_from_message("m") for f in self.wire_params)

    @property
    def ts_direct_call_args(self):
        """The arguments from a direct reader's record `m` (Schema.ts_request_reader)."""
        return ", ".join(f"m.{f.ts_name}" for f in self.wire_params)

    @property
    def ts_result_init(self):
        """protobuf-es init of the response from impl's return value `r`."""
        single = self.single_return
        if single is not None:
            return "{ " + single.ts_to_message("r") + " }"
        return "{ " + ", ".join(f.ts_to_message(f"r.{f.ts_name}") for f in self.response.fields) + " }"


class Callback(View):
    @property
    def ts_name(self):
        return identifier(self.name)

    @property
    def ts_params(self):
        return _params(self.params)

    @property
    def ts_init(self):
        if not self.params:
            return "{}"
        return "{ " + ", ".join(f.ts_to_message(f.ts_name) for f in self.params) + " }"

    @property
    def ts_state(self):
        """Whether the callback reports state, as a TypeScript literal."""
        return "true" if self.updates_field else "false"

    @property
    def ts_coalesce(self):
        """Whether only the callback's latest report counts, as a TypeScript literal."""
        return "true" if self.coalesce else "false"


# Where the SDK's widget implementations live, seen from generated/ts/.
IMPL_ROOT = "../../web/src/widgets"


class WidgetClass(View):
    @property
    def ts_impl_module(self):
        """The module implementing the class: <family>/<name in lower case>.js."""
        return f"{IMPL_ROOT}/{model.stem(self.file)}/{self.name.lower()}.js"

    @property
    def ts_base_impl(self):
        return f"{self.base.name}Impl" if self.base else "WidgetHandle"

    @property
    def ts_base_events(self):
        return f"{self.base.name}Events" if self.base else None


@dataclass
class ReadField:
    """One field as a direct reader takes it: its local, the wire type its
    records must come in, the statement taking one record."""
    number: int
    path: str      # Message.field, for the error a record of the wrong wire type gets
    local: str
    local_type: str
    init: str
    wire: str      # a WireType member
    read: str
    scan: str = ""  # the statement checking one record with WireScan `s` (lazy elements)


@dataclass
class DirectReader:
    """Reads one message straight off the wire into the interface's value.

    protobuf-es's fromBinary builds a message object per record, and the
    dispatcher then converts each into the interface: for a table of
    100,000 rows that is a million pgwidgets.Value objects, each made twice,
    and most of set_data's time in the page. A direct reader makes only the
    values the implementation keeps, with protobuf-es's own BinaryReader.
    """
    name: str
    fields: list
    result: str       # the value, from the locals
    result_type: str
    whole: bool = False  # a lazy field: the reader also takes the bytes `r` reads, as `whole`


@dataclass
class LazyAt:
    """One element of a lazy message's repeated field, read alone."""
    name: str          # <field>At
    field: str         # the interface's member
    number: int
    element_type: str
    read: str          # reads one element from BinaryReader `r`, its tag read
    all_name: str = ""  # <field>Only: every element, read alone


@dataclass
class LazyGet:
    """One entry of a lazy message's map<string, pgwidgets.Value>, read alone."""
    name: str          # <field>Get
    field: str         # the interface's member
    number: int


@dataclass
class LazyElement:
    """A message a `lazy` field holds (options.proto Field.lazy): kept as its
    bytes, checked on arrival by scan<Name> (WireScan), read in full by
    read<Name> when a member is first used, or one element of a repeated
    member by <member>At (one entry of a map of Values by <member>Get)
    while the rest is unread."""
    name: str          # the interface
    reader: DirectReader
    scanner: str       # scan<Name>
    members: list      # (member, type)
    ats: list          # LazyAt
    gets: list         # LazyGet


class _Readers:
    """Which messages of a package get direct readers (model.DirectCode: as
    the proxies' direct writers, cpp._Writers), each field by
    kinds.Kind.ts_direct; value types of the package by readers in its
    dispatch/common.ts."""

    def __init__(self, package):
        self.package = package
        self.direct = model.DirectCode(self._field)

    def own(self, message):
        return message.full_name.rsplit(".", 1)[0] == self.package

    def readable(self, message):
        return self.direct.able(message)

    def _field(self, message, f):
        e = f.kind.element
        local = f"v_{f.name}"
        direct = f.kind.ts_direct(local, "r", self.readable)
        if direct is None:
            return None
        init, read, result = direct
        if f.lazy:
            self._check_lazy(e.message)
            # Its place in the request's bytes (`whole`, which `r` reads): no view per element.
            read = f"{{ const n = r.uint32(); {local}.push(lazy{e.message.name}(whole, r.pos, n)); r.pos += n; }}"
        single = isinstance(f.kind, kinds.Single)
        local_type = ("number" if isinstance(e, kinds.EnumElement) else e.ts_type) if single \
            else f.kind.ts_value_type
        return f, ReadField(f.number, f"{message.name}.{f.name}", local, local_type, init, e.ts_wire, read,
                            self._scan(f)), result

    def _scan(self, f):
        """The statement checking one record of `f` without reading it
        (WireScan `s`), or "" when it cannot be checked so: a map other
        than map<string, pgwidgets.Value>, a message without a scanner of
        its own."""
        if isinstance(f.kind, kinds.Map):
            return "scanValueEntry(s, s.uint32());" if isinstance(f.kind.element, kinds.ValueElement) else ""
        e = f.kind.element
        if isinstance(e, kinds.ValueElement):
            return "scanValue(s, s.uint32());"
        if isinstance(e, kinds.MessageElement):
            return f"scan{e.message.name}(s, s.uint32());" if self._scannable(e.message) else ""
        if isinstance(e, kinds.Scalar) and e.proto_type == "string":
            return "s.utf8();"
        return {"Varint": "s.varint();", "Bit64": "s.fixed(8);", "Bit32": "s.fixed(4);",
                "LengthDelimited": "s.bytes();"}.get(e.ts_wire, "")

    def _scannable(self, message):
        fields = self.direct.codes(message)
        return fields is not None and all(rf.scan for _, rf, _ in fields)

    def _check_lazy(self, message):
        """SchemaError when a lazy field's message has no reader or a field
        that cannot be checked unread."""
        if self.direct.codes(message) is None or not self.own(message) or not self._scannable(message):
            raise SchemaError(
                f"{message.name}: a lazy field's message needs a direct reader in its own package and fields "
                f"that can be checked unread (Values, strings, numbers, enums, maps of Values and such messages)")

    def lazy_element(self, message):
        """The LazyElement of a message a lazy field holds (SchemaError as _check_lazy)."""
        self._check_lazy(message)
        fields = self.direct.codes(message)
        reader = self.reader(message, f"read{message.name}", message.name)
        members = [(identifier(f.name), f.kind.ts_value_type) for f, _, _ in fields]
        ats = [LazyAt(f"{identifier(f.name)}At", identifier(f.name), f.number, f.kind.element.ts_type,
                      f.kind.element.ts_read("r"), f"{identifier(f.name)}Only")
               for f, _, _ in fields if isinstance(f.kind, kinds.Repeated)]
        gets = [LazyGet(f"{identifier(f.name)}Get", identifier(f.name), f.number)
                for f, _, _ in fields if isinstance(f.kind, kinds.Map) and isinstance(f.kind.element, kinds.ValueElement)]
        return LazyElement(message.name, reader, f"scan{message.name}", members, ats, gets)

    def reader(self, message, name, result_type):
        fields = self.direct.codes(message)
        if fields is None:
            return None
        result = "{ " + ", ".join(f"{identifier(f.name)}: {r}" for f, _, r in fields) + " }"
        return DirectReader(name, [rf for _, rf, _ in fields], result, result_type, any(f.lazy for f, _, _ in fields))


def _request_reader(readers, method):
    """A method's request read directly, its wire params the record's
    members, or None (a value type's request is one row: not worth it)."""
    fields = method.wire_request.fields
    if not fields or method.wire_request.value_type:
        return None
    result_type = "{ " + "; ".join(f"{identifier(f.name)}: {f.kind.ts_value_type}" for f in fields) + " }"
    return readers.reader(method.wire_request, f"read{method.wire_request.name}", result_type)


class Schema(View):
    """A user package's bindings import what they build on from the SDK's
    (`@pgwidgets/sdk/...`, a path the user's tsconfig maps to the installed
    SDK): the interfaces of its base classes, the events of those bases, the
    SDK enums its fields use."""

    @property
    def es_modules(self):
        """Schema files whose messages the code uses -> (alias, module path)."""
        files = self.files if self.is_core else sorted({m.file for m in self._messages()})
        return [(f"pb_{model.stem(f)}", f"./pb/{f.removesuffix('.proto')}_pb.js") for f in files]

    def _messages(self):
        for c in self._model.classes:
            if c.ctor:
                yield c.ctor
            for m in c.methods:
                yield m.request
                yield m.wire_request
                yield m.response
            for cb in c.callbacks:
                yield cb.message

    def _external_enums(self):
        own = {e.full_name for e in self._model.enums}
        seen = {}
        for message in self._messages():
            for f in message.fields:
                if f.enum is not None and f.enum.full_name not in own:
                    seen[f.enum.full_name] = f.enum
        return [seen[k] for k in sorted(seen)]

    def _external_bases(self):
        own = {c.name for c in self._model.classes}
        return sorted({c.base.name for c in self._model.classes if c.base and c.base.name not in own})

    @property
    def ts_enums(self):
        """Enums whose word tables the dispatcher needs."""
        return self._language.wrap(list(self._model.enums) + self._external_enums())

    @property
    def ts_external_events(self):
        return [f"events{b}" for b in self._external_bases()]

    def _uses_value(self):
        value_types = [m for m in self._model.messages.values() if m.value_type and m.file in self._model.files]
        return any(f.kind.element.ts_type == "Value" for m in list(self._messages()) + value_types
                   for f in m.fields)

    @property
    def ts_sdk_value(self):
        """A user package whose fields hold pgwidgets.Value takes the SDK's
        Value type and converters."""
        return not self.is_core and self._uses_value()

    @property
    def ts_value_types(self):
        """This package's value types: interfaces, with their converters."""
        return self._language.wrap([m for m in self._model.messages.values()
                                    if m.value_type and m.file in self._model.files])

    @property
    def ts_impl_root(self):
        return IMPL_ROOT

    def _readers(self):
        if "_direct" not in self.__dict__:
            self.__dict__["_direct"] = _Readers(self._model.package)
        return self.__dict__["_direct"]

    @property
    def ts_value_readers(self):
        """Direct readers of this package's value types (read<Name>)."""
        readers = self._readers()
        out = []
        for m in self._model.messages.values():
            if m.value_type and m.file in self._model.files and readers.own(m):
                r = readers.reader(m, f"read{m.name}", m.name)
                if r is not None and r.whole:
                    raise SchemaError(f"{m.name}: a lazy field must be a field of a method's request, "
                                      f"not of a value type")
                if r is not None:
                    out.append(r)
        return out

    @property
    def ts_lazy_elements(self):
        """The package's messages that lazy fields hold (LazyElement), each once."""
        readers = self._readers()
        seen = {}
        for m in self._model.messages.values():
            if m.file not in self._model.files:
                continue
            for f in m.fields:
                if f.lazy and f.message.full_name not in seen:
                    seen[f.message.full_name] = readers.lazy_element(f.message)
        return [seen[k] for k in sorted(seen)]

    @property
    def ts_reads_directly(self):
        """Whether dispatch/common.ts needs the wire reader's helpers."""
        return bool(self.ts_value_readers) or any(self.ts_request_reader(m) is not None
                                                 for c in self._model.classes for m in c.remote_methods)

    def ts_request_reader(self, method):
        """A method's request read directly (its wire params as a record), or None."""
        return _request_reader(self._readers(), getattr(method, "_model", method))

    @property
    def ts_common_es_modules(self):
        """protobuf-es modules dispatch/common.ts needs: its value types' files."""
        files = sorted({m.file for m in self._model.messages.values()
                        if m.value_type and m.file in self._model.files})
        return [(f"pb_{model.stem(f)}", f"../pb/{f.removesuffix('.proto')}_pb.js") for f in files]

    @property
    def ts_common_names(self):
        """What each family's dispatch module imports from dispatch/common.ts
        (besides types): the enum words, the Value and value-type converters."""
        names = ["word"] if self.ts_enums else []
        for e in self.ts_enums:
            names += [e.ts_words_table, e.ts_numbers_table]
        if self.is_core or self.ts_sdk_value:
            names += ["valueFromWire", "valueToWire", "readValue", "readValueEntry"]
        if self.is_core or self.ts_sdk_value or self.ts_reads_directly:
            names += ["expectWire"]
        for s in self.ts_value_types:
            names += [f"from{s.name}", f"to{s.name}"]
        return names + [d.name for d in self.ts_value_readers] + [f"lazy{l.name}" for l in self.ts_lazy_elements]

    @property
    def ts_sdk_types(self):
        names = ["WidgetHandle"]
        for b in self._external_bases():
            names += [f"{b}Impl", f"{b}Events"]
        return names + [e.name for e in self._external_enums()] + (["Value"] if self.ts_sdk_value else [])


class Family(View):
    """One widget family's part of the dispatcher: dispatch/<family>.ts."""

    @property
    def ts_dispatch_module(self):
        """Its module, as the package's dispatch.ts imports it."""
        return f"./dispatch/{self.name}.js"

    @property
    def ts_tables(self):
        """The name of its FamilyTables."""
        return f"{lower_camel(self.name)}Family"

    @property
    def ts_es_modules(self):
        """protobuf-es modules of the messages its code encodes or decodes."""
        return [(f"pb_{model.stem(f)}", f"../pb/{f.removesuffix('.proto')}_pb.js") for f in self.message_files]

    def ts_request_reader(self, method):
        """A method's request read directly (its wire params as a record), or None."""
        if "_direct" not in self.__dict__:
            self.__dict__["_direct"] = _Readers(self._model.package)
        return _request_reader(self.__dict__["_direct"], getattr(method, "_model", method))

    @property
    def ts_reads_directly(self):
        return bool(self.ts_request_readers)

    @property
    def ts_request_readers(self):
        """One per request message its methods read directly."""
        out = {}
        for c in self._model.classes:
            for m in c.remote_methods:
                d = self.ts_request_reader(m)
                if d is not None:
                    out.setdefault(d.name, d)
        return list(out.values())

    @property
    def ts_event_imports(self):
        """(names, module) of the events of base classes declared elsewhere:
        in another family of the package, or in the SDK (a user's package)."""
        own = {c.name for c in self._model.classes}
        wanted = {}
        for c in self._model.classes:
            b = c.base
            if b is None or b.name in own:
                continue
            package = b.proto_name.rsplit(".", 1)[0]
            module = (f"./{model.stem(b.file)}.js" if package == self._model.package
                      else "@pgwidgets/sdk/dispatch.js")
            wanted.setdefault(module, set()).add(f"events{b.name}")
        return [(sorted(names), module) for module, names in sorted(wanted.items())]


LANGUAGE = Language({
    model.Family: Family,
    model.Field: Field, model.Message: Message, model.Method: Method, model.Callback: Callback,
    model.WidgetClass: WidgetClass, model.Schema: Schema, model.Enum: Enum, model.Trait: View,
})


def view(schema):
    return LANGUAGE.wrap(schema)
