"""The widget model: plain classes, methods, callbacks, ids and state fields.

Everything the templates print is computed here, so templates stay dumb.

Conventions (see schema/pgwidgets/options.proto):
- a `service` with option (pgwidgets.widget) is a widget class;
- an rpc named On<Name> returning a stream is a callback, any other rpc a method;
- ids are small integers in schema order: classes, methods and callbacks
  are numbered from 1 in the order of the files (by name), then declaration;
  state fields are numbered from 1 in the order of their names.
"""

from dataclasses import dataclass, field as dc_field
from typing import Optional

from google.protobuf import descriptor_pb2

from . import naming
from .descriptors import OptionReader, SchemaError, comments, schema_fingerprint

FDP = descriptor_pb2.FieldDescriptorProto
_TYPE_NAMES = {v: k[len("TYPE_"):].lower() for k, v in FDP.Type.items()}

WIDGET_PACKAGE = "pgwidgets.widgets"

KINDS = ("action", "setter", "getter", "query", "attach", "detach", "detach_all",
         "children", "child_count", "destroy")
# Kinds the server answers itself: never sent to the browser.
LOCAL_KINDS = ("getter", "children", "child_count")


@dataclass
class Field:
    name: str
    number: int
    proto_type: str
    repeated: bool
    presence: bool            # proto3 `optional`: absent differs from zero
    ref: Optional[str]        # class name when the field holds a widget id
    default: Optional[str]    # schema text, None when the type's zero
    positional: bool
    doc: str = ""

    @property
    def cpp_name(self):
        return naming.cpp_identifier(self.name)

    @property
    def ts_name(self):
        return naming.ts_identifier(self.name)

    @property
    def es_name(self):
        """The property name protobuf-es gives the field."""
        return naming.lower_camel(self.name)

    @property
    def cpp_value_type(self):
        base = f"pgw::{self.ref}" if self.ref else naming.SCALARS[self.proto_type][0]
        return f"std::vector<{base}>" if self.repeated else base

    @property
    def cpp_option_type(self):
        """In an options struct (see OptionField): strings as views."""
        return "std::string_view" if self.proto_type in ("string", "bytes") and not self.repeated \
            else self.cpp_value_type

    @property
    def cpp_param_type(self):
        """As a C++ parameter: optional fields are std::optional."""
        t = self.cpp_value_type
        return f"std::optional<{t}>" if self.presence else t

    @property
    def ts_value_type(self):
        base = "WidgetHandle" if self.ref else naming.SCALARS[self.proto_type][1]
        return f"{base}[]" if self.repeated else base

    @property
    def ts_param_type(self):
        t = self.ts_value_type
        return f"{t} | undefined" if self.presence and self.default is None else t

    @property
    def cpp_default(self):
        """The C++ literal of the field's default (its zero when none)."""
        if self.default is not None:
            return naming.cpp_literal(self.proto_type, self.default)
        if self.repeated:
            return "{}"
        if self.ref:
            return "{}"
        return naming.zero_literal_cpp(self.proto_type)

    @property
    def ts_default(self):
        return None if self.default is None else naming.ts_literal(self.proto_type, self.default)

    # --- C++ spellings, for the templates ---

    def cpp_set(self, request, owner_expr, method_name):
        """Statement copying parameter `self` into message variable `request`."""
        n, v = self.name, self.cpp_name
        if self.ref:
            one = f'detail::child_id({owner_expr}, {{x}}, "{method_name}")'
        elif self.proto_type in ("string", "bytes"):
            one = "std::move({x})"
        else:
            one = "{x}"
        if self.repeated:
            return f"for (auto& item : {v}) {request}.add_{n}({one.format(x='item')});"
        if self.presence:
            return f"if ({v}) {request}.set_{n}({one.format(x='*' + v)});"
        return f"{request}.set_{n}({one.format(x=v)});"

    def cpp_get(self, message, link):
        """Expression reading this field of `message` as its C++ value type."""
        n = self.name
        if self.ref and self.repeated:
            return f"detail::to_handles<pgw::{self.ref}>({link}, {message}.{n}())"
        if self.ref:
            return f"pgw::{self.ref}({link}.shared_from_this(), {message}.{n}())"
        if self.repeated:
            return f"{self.cpp_value_type}({message}.{n}().begin(), {message}.{n}().end())"
        if self.presence:
            return (f"({message}.has_{n}() ? {self.cpp_param_type}({message}.{n}()) : "
                    f"{self.cpp_param_type}())")
        return f"{message}.{n}()"

    # --- TypeScript spellings ---

    def ts_from_message(self, message):
        """Expression turning protobuf-es field of `message` into the value type."""
        v = f"{message}.{self.es_name}"
        if self.ref and self.repeated:
            return f"{v}.map((i) => ctx.widget(i))"
        if self.ref:
            return f"ctx.widget({v})"
        if self.ts_default is not None:
            return f"({v} ?? {self.ts_default})"
        return v

    def ts_to_message(self, value):
        """protobuf-es init entry for value expression `value`."""
        if self.ref and self.repeated:
            return f"{self.es_name}: {value}.map((w) => w.widgetId)"
        if self.ref:
            return f"{self.es_name}: {value}.widgetId"
        return f"{self.es_name}: {value}"


@dataclass
class Message:
    full_name: str
    name: str
    fields: list
    file: str
    doc: str = ""

    @property
    def cpp_pb_type(self):
        return "::" + self.full_name.replace(".", "::")

    @property
    def es_schema(self):
        return f"pb_{self.file_stem}.{self.name}Schema"

    @property
    def file_stem(self):
        return stem(self.file)

    @property
    def is_empty(self):
        return not self.fields


def _ts_params(fields):
    return ", ".join(f"{f.ts_name}: {f.ts_param_type}" for f in fields)


@dataclass
class Method:
    rpc_name: str
    name: str                  # snake case, as in pgwidgets
    id: int
    owner: str                 # declaring class
    kind: str
    request: Message
    response: Message
    owner_id: int = 0
    state_field: str = ""
    state_field_id: int = 0
    child_field: Optional[Field] = None
    index_field: Optional[Field] = None
    replace: bool = False
    deferred: bool = False     # setter replayed after children and listens on a rebuild
    doc: str = ""
    # Filled for getters: where the value comes from when no setter ran.
    ctor_fallback: Optional[Field] = None
    ctor_message: Optional[Message] = None

    @property
    def cpp_name(self):
        return naming.cpp_identifier(self.name)

    @property
    def ts_name(self):
        return naming.ts_identifier(self.name)

    @property
    def params(self):
        return self.request.fields

    @property
    def cpp_params(self):
        """`type name` strings; trailing optional fields default to nullopt."""
        out = []
        fields = self.params
        trailing_optional = len(fields)
        while trailing_optional > 0 and fields[trailing_optional - 1].presence:
            trailing_optional -= 1
        for i, f in enumerate(fields):
            decl = f"{f.cpp_param_type} {f.cpp_name}"
            if i >= trailing_optional:
                decl += " = std::nullopt"
            out.append(decl)
        return out

    @property
    def cpp_params_definition(self):
        """As in cpp_params, without default arguments (for the definition)."""
        return [f"{f.cpp_param_type} {f.cpp_name}" for f in self.params]

    @property
    def local(self):
        return self.kind in LOCAL_KINDS

    @property
    def returns_value(self):
        return not self.response.is_empty

    @property
    def cpp_return_type(self):
        fields = self.response.fields
        if not fields:
            return "void"
        if len(fields) == 1:
            return fields[0].cpp_value_type
        return f"pgw::{self.response.name}"

    @property
    def single_return(self):
        fields = self.response.fields
        return fields[0] if len(fields) == 1 else None

    @property
    def ts_return_type(self):
        fields = self.response.fields
        if not fields:
            return "void"
        if len(fields) == 1:
            return fields[0].ts_value_type
        return f"{self.response.name}Value"

    @property
    def cpp_change(self):
        """The ChildChange a call makes, read from the serialized `request`."""
        child = f"request.{self.child_field.name}()" if self.child_field is not None else "0"
        index = (f"std::optional<int>(request.{self.index_field.name}())" if self.index_field is not None
                 else "std::nullopt")
        destroy = ("request.destroy()" if any(f.name == "destroy" and f.proto_type == "bool" for f in self.params)
                   else "false")
        return f"detail::ChildChange{{.child = {child}, .index = {index}, .destroy = {destroy}}}"

    @property
    def cpp_return_expr(self):
        """Converts parsed response `m` (link `link`) to the C++ return value."""
        single = self.single_return
        if single is not None:
            return single.cpp_get("m", "link")
        return f"pgw::{self.response.name}{{" + ", ".join(f.cpp_get("m", "link") for f in self.response.fields) + "}"

    @property
    def cpp_getter_default(self):
        single = self.single_return
        if single is not None:
            return single.cpp_default
        return f"pgw::{self.response.name}{{" + ", ".join(f.cpp_default for f in self.response.fields) + "}"

    ts_params = property(lambda self: _ts_params(self.params))

    @property
    def ts_call_args(self):
        return ", ".join(f.ts_from_message("m") for f in self.params)

    @property
    def ts_result_init(self):
        """protobuf-es init of the response from impl's return value `r`."""
        single = self.single_return
        if single is not None:
            return "{ " + single.ts_to_message("r") + " }"
        return "{ " + ", ".join(f.ts_to_message(f"r.{f.ts_name}") for f in self.response.fields) + " }"

    @property
    def cpp_kind(self):
        return f"detail::MethodKind::{self.kind}"

    @property
    def info_name(self):
        return f"{self.owner}_{self.name}"


@dataclass
class Callback:
    rpc_name: str
    name: str
    id: int
    owner: str
    message: Message
    owner_id: int = 0
    updates_field: str = ""
    updates_setter: str = ""
    updates_field_id: int = 0
    updates_method_id: int = 0
    doc: str = ""

    @property
    def params(self):
        return self.message.fields

    @property
    def cpp_arg_types(self):
        return [f.cpp_param_type for f in self.params]

    @property
    def cpp_signature(self):
        """Human-readable, for the static_assert message."""
        return "(" + ", ".join(f"{f.cpp_param_type} {f.name}" for f in self.params) + ")"

    @property
    def info_name(self):
        return f"{self.owner}_{self.name}"

    @property
    def ts_name(self):
        return naming.ts_identifier(self.name)

    ts_params = property(lambda self: _ts_params(self.params))

    @property
    def ts_init(self):
        if not self.params:
            return "{}"
        return "{ " + ", ".join(f.ts_to_message(f.ts_name) for f in self.params) + " }"

    @property
    def cpp_decode_expr(self):
        return "{" + ", ".join(f.cpp_get("m", "link") for f in self.params) + "}"

    @property
    def cpp_tuple(self):
        return "std::tuple<" + ", ".join(self.cpp_arg_types) + ">"


@dataclass
class OptionField:
    """One member of a generated options struct.

    Options structs hold only trivially destructible members (strings as
    std::string_view): g++ 12 destroys a braced aggregate temporary twice
    when it is an argument inside a co_await expression, which is exactly
    `co_await Widgets.Label({.text = "x"})`. The factory copies every view
    before it returns, while the caller's temporaries are still alive.
    """
    name: str
    field: Field                      # the value's field (constructor or setter argument)
    source: str                       # "constructor" or "setter"
    origin: str                       # the class that declares it
    ctor_field: Optional[Field] = None
    setter: Optional[Method] = None

    @property
    def cpp_name(self):
        return naming.cpp_identifier(self.name)

    @property
    def cpp_type(self):
        """As declared in the options struct."""
        return self.field.cpp_option_type

    @property
    def cpp_owned_type(self):
        """As kept by the factory until it makes the setter call."""
        return self.field.cpp_value_type


@dataclass
class WidgetClass:
    name: str
    id: int
    base_name: str
    abstract: bool
    ctor: Optional[Message]
    own_window: bool = False  # declared `window` here; see `window`
    methods: list = dc_field(default_factory=list)     # declared here
    callbacks: list = dc_field(default_factory=list)   # declared here
    doc: str = ""
    base: Optional["WidgetClass"] = None
    descendants: list = dc_field(default_factory=list)  # ids, self included

    @property
    def window(self):
        """Whether this class or a base is declared a window."""
        return any(c.own_window for c in self.ancestry())

    def ancestry(self):
        """This class, then its base, up to the root."""
        c = self
        while c:
            yield c
            c = c.base

    @property
    def all_methods(self):
        out = []
        for c in reversed(list(self.ancestry())):
            out.extend(c.methods)
        return out

    @property
    def all_callbacks(self):
        out = []
        for c in reversed(list(self.ancestry())):
            out.extend(c.callbacks)
        return out

    @property
    def remote_methods(self):
        return [m for m in self.methods if not m.local]

    @property
    def cpp_base(self):
        return self.base.name if self.base else "detail::WidgetHandle"

    @property
    def ts_base_impl(self):
        return f"{self.base.name}Impl" if self.base else "WidgetHandle"

    @property
    def base_id(self):
        return self.base.id if self.base else 0

    @property
    def ts_base_events(self):
        return f"{self.base.name}Events" if self.base else None

    @property
    def ctor_fields(self):
        return self.ctor.fields if self.ctor else []

    @property
    def positional(self):
        return [f for f in self.ctor_fields if f.positional]

    @property
    def positional_prefixes(self):
        """Each positional overload's arguments: the first 1..n positionals."""
        p = self.positional
        return [p[:n] for n in range(1, len(p) + 1)]

    @property
    def options(self):
        """Options struct members: constructor options in schema order, then
        this class's single-value setters, then inherited ones (nearest base
        first). Designated initializers must follow this order."""
        out, seen = [], set()
        for f in self.ctor_fields:
            out.append(OptionField(f.name, f, "constructor", self.name, ctor_field=f))
            seen.add(f.name)
        for c in self.ancestry():
            for m in c.methods:
                value = single_value(m)
                if value is None or m.state_field in seen:
                    continue
                seen.add(m.state_field)
                out.append(OptionField(m.state_field, value, "setter", c.name, setter=m))
        return out

    @property
    def setter_options(self):
        return [o for o in self.options if o.source == "setter"]

    @property
    def ctor_options(self):
        return [o for o in self.options if o.source == "constructor"]


def single_value(method):
    """The one argument that makes a setter usable as a constructor option:
    a first field that must be given, all others optional. None otherwise."""
    if method.kind != "setter" or not method.params:
        return None
    first, *rest = method.params
    if first.presence or first.ref or first.repeated or not all(f.presence for f in rest):
        return None
    return first


@dataclass
class Schema:
    classes: list
    messages: dict             # full name -> Message
    fingerprint: int
    state_fields: list         # names, index + 1 is the id
    files: list                # widget schema files, by name

    @property
    def methods(self):
        return [m for c in self.classes for m in c.methods]

    @property
    def callbacks(self):
        return [cb for c in self.classes for cb in c.callbacks]

    @property
    def concrete_classes(self):
        return [c for c in self.classes if not c.abstract]

    @property
    def return_structs(self):
        """Messages returned as a whole (more than one field): plain structs."""
        seen, out = set(), []
        for m in self.methods:
            if len(m.response.fields) > 1 and m.response.full_name not in seen:
                seen.add(m.response.full_name)
                out.append(m.response)
        return out

    @property
    def fingerprint_hex(self):
        return f"0x{self.fingerprint:016x}"

    @property
    def es_modules(self):
        """Widget schema files -> (alias, module path) for TypeScript imports."""
        return [(f"pb_{stem(f)}", f"./pb/{f.removesuffix('.proto')}_pb.js") for f in self.files]

    def cls(self, name):
        for c in self.classes:
            if c.name == name:
                return c
        raise KeyError(name)


def stem(path):
    return path.rsplit("/", 1)[-1].removesuffix(".proto")


class _Builder:
    def __init__(self, files, to_generate):
        self.files = {f.name: f for f in files}
        self.to_generate = sorted(n for n in to_generate if self.files[n].package == WIDGET_PACKAGE)
        self.options = OptionReader(files)
        self.messages = {}

    def build(self):
        for name in self.to_generate:
            self._read_messages(self.files[name])
        classes = []
        for name in self.to_generate:
            classes.extend(self._read_services(self.files[name]))
        self._link(classes)
        self._number(classes)
        state_fields = sorted({m.state_field for c in classes for m in c.methods if m.state_field})
        field_ids = {n: i + 1 for i, n in enumerate(state_fields)}
        for c in classes:
            for m in c.methods:
                m.state_field_id = field_ids.get(m.state_field, 0)
            for cb in c.callbacks:
                cb.updates_field_id = field_ids.get(cb.updates_field, 0)
        self._check(classes)
        used = [self.files[n] for n in self.files if n.startswith("pgwidgets/")]
        return Schema(classes=classes, messages=self.messages,
                      fingerprint=schema_fingerprint(used), state_fields=state_fields,
                      files=self.to_generate)

    def _read_messages(self, f):
        docs = comments(f)
        for mi, m in enumerate(f.message_type):
            if m.nested_type or m.enum_type:
                raise SchemaError(f"{f.name}: message {m.name}: nested types are not supported")
            fields = []
            for fi, fd in enumerate(m.field):
                fields.append(self._field(f, m, fd, docs.get((4, mi, 2, fi), "")))
            full = f"{f.package}.{m.name}"
            self.messages[full] = Message(full, m.name, fields, f.name, docs.get((4, mi), ""))

    def _field(self, f, m, fd, doc):
        where = f"{f.name}: {m.name}.{fd.name}"
        proto_type = _TYPE_NAMES[fd.type]
        if proto_type not in naming.SCALARS:
            raise SchemaError(f"{where}: only scalar fields are supported, not {proto_type}")
        opts = self.options.field(fd)
        ref = (opts.ref or None) if opts else None
        if ref and proto_type != "uint32":
            raise SchemaError(f"{where}: a widget reference must be uint32")
        return Field(
            name=fd.name, number=fd.number, proto_type=proto_type,
            repeated=fd.label == FDP.LABEL_REPEATED,
            presence=fd.proto3_optional,
            ref=ref,
            default=(opts.default if opts and opts.default != "" else None),
            positional=bool(opts and opts.positional),
            doc=doc,
        )

    def _message(self, type_name, where):
        full = type_name.lstrip(".")
        if full not in self.messages:
            raise SchemaError(f"{where}: message {full} must be declared in package {WIDGET_PACKAGE}")
        return self.messages[full]

    def _read_services(self, f):
        docs = comments(f)
        out = []
        for si, s in enumerate(f.service):
            opts = self.options.service(s)
            if opts is None:
                raise SchemaError(f"{f.name}: service {s.name} lacks option (pgwidgets.widget)")
            ctor = self._message(f"{f.package}.{opts.constructor}", f"{s.name} constructor") \
                if opts.constructor else None
            c = WidgetClass(name=s.name, id=0, base_name=opts.base, abstract=opts.abstract,
                            ctor=ctor, own_window=opts.window, doc=docs.get((6, si), ""))
            for mi, rpc in enumerate(s.method):
                doc = docs.get((6, si, 2, mi), "")
                where = f"{f.name}: {s.name}.{rpc.name}"
                if rpc.server_streaming:
                    c.callbacks.append(self._callback(c, rpc, doc, where))
                else:
                    c.methods.append(self._method(c, rpc, doc, where))
            out.append(c)
        return out

    def _callback(self, c, rpc, doc, where):
        if not rpc.name.startswith("On") or len(rpc.name) < 3:
            raise SchemaError(f"{where}: a callback rpc must be named On<Name>")
        opts = self.options.callback(rpc)
        return Callback(rpc_name=rpc.name, name=naming.snake_case(rpc.name[2:]), id=0, owner=c.name,
                        message=self._message(rpc.output_type, where),
                        updates_field=(opts.updates if opts else ""),
                        updates_setter=(opts.setter if opts else ""), doc=doc)

    def _method(self, c, rpc, doc, where):
        if rpc.client_streaming:
            raise SchemaError(f"{where}: client streaming is not a widget method")
        if rpc.name.startswith("On") and rpc.name[2:3].isupper():
            raise SchemaError(f"{where}: On<Name> is reserved for callbacks (returns stream)")
        opts = self.options.method(rpc)
        kind = KINDS[0]
        if opts is not None:
            kind = self.options.enum_name("pgwidgets.Method.Kind", opts.kind).lower()
        m = Method(rpc_name=rpc.name, name=naming.snake_case(rpc.name), id=0, owner=c.name, kind=kind,
                   request=self._message(rpc.input_type, where),
                   response=self._message(rpc.output_type, where), doc=doc)
        if opts is not None:
            m.state_field = opts.field
            m.replace = opts.replace
            m.deferred = opts.deferred
            m.child_field = self._named_field(m.request, opts.child, where) if opts.child else None
            m.index_field = self._named_field(m.request, opts.index, where) if opts.index else None
        return m

    @staticmethod
    def _named_field(message, name, where):
        for f in message.fields:
            if f.name == name:
                return f
        raise SchemaError(f"{where}: {message.name} has no field {name!r}")

    def _link(self, classes):
        by_name = {}
        for c in classes:
            if c.name in by_name:
                raise SchemaError(f"widget class {c.name} is declared twice")
            by_name[c.name] = c
        for c in classes:
            if c.base_name:
                if c.base_name not in by_name:
                    raise SchemaError(f"{c.name}: unknown base class {c.base_name}")
                c.base = by_name[c.base_name]
        for c in classes:  # no cycles
            seen = set()
            for a in c.ancestry():
                if a.name in seen:
                    raise SchemaError(f"{c.name}: its base classes form a cycle")
                seen.add(a.name)
        roots = [c for c in classes if c.base is None]
        if len(roots) != 1:
            raise SchemaError(f"exactly one root widget class is needed, found {[r.name for r in roots]}")

    def _number(self, classes):
        method_id = callback_id = 0
        for i, c in enumerate(classes):
            c.id = i + 1
            for m in c.methods:
                method_id += 1
                m.id, m.owner_id = method_id, c.id
            for cb in c.callbacks:
                callback_id += 1
                cb.id, cb.owner_id = callback_id, c.id
        for c in classes:
            c.descendants = [d.id for d in classes if any(a is c for a in d.ancestry())]

    def _check(self, classes):
        names = {c.name for c in classes} | {f"{c.name}Options" for c in classes}
        for c in classes:
            self._check_class(c, names)

    def _check_class(self, c, taken_names):
        seen = {}
        for m in c.all_methods:
            if m.name in seen and seen[m.name] is not m:
                raise SchemaError(f"{c.name}: method {m.name} is declared in {seen[m.name].owner} and {m.owner}")
            seen[m.name] = m
        for cb in c.all_callbacks:
            if f"on_{cb.name}" in seen:
                raise SchemaError(f"{c.name}: callback {cb.name} clashes with method on_{cb.name}")
        for f in c.ctor_fields:
            if f.default is not None and not f.presence:
                raise SchemaError(f"{c.name}: constructor field {f.name} has a default, so it must be "
                                  f"declared `optional` (a plain proto3 field cannot send its zero value)")
            if f.ref:
                raise SchemaError(f"{c.name}: constructor field {f.name}: widget references are not "
                                  f"supported in constructors")
        for m in c.methods:
            self._check_method(c, m, taken_names)
        for cb in c.callbacks:
            if cb.updates_field:
                setter = self._setter_of(c, cb.updates_field, cb.message, cb.updates_setter)
                if setter is None:
                    raise SchemaError(f"{c.name}.On{cb.rpc_name[2:]}: updates {cb.updates_field!r}, but no "
                                      f"setter of that field takes {cb.message.name}")
                cb.updates_method_id = setter.id

    def _check_method(self, c, m, taken_names):
        where = f"{c.name}.{m.rpc_name}"
        if m.kind in ("setter", "getter") and not m.state_field:
            raise SchemaError(f"{where}: a {m.kind} needs `field`")
        if m.kind not in ("setter", "getter") and m.state_field:
            raise SchemaError(f"{where}: only setters and getters name a state field")
        if m.deferred and m.kind != "setter":
            raise SchemaError(f"{where}: only a setter can be `deferred`")
        if m.kind == "setter":
            for owner in c.ancestry():
                for s in owner.methods:
                    if s.kind == "setter" and s.state_field == m.state_field and s.deferred != m.deferred:
                        raise SchemaError(f"{where}: setters of {m.state_field!r} disagree on `deferred` "
                                          f"({s.owner}.{s.rpc_name})")
        if m.kind in ("attach", "detach") and m.child_field is None:
            raise SchemaError(f"{where}: an {m.kind} needs `child`")
        if m.child_field is not None and not m.child_field.ref:
            raise SchemaError(f"{where}: field {m.child_field.name} must be a widget reference")
        if m.kind not in ("getter", "query", "children", "child_count") and m.returns_value:
            raise SchemaError(f"{where}: a {m.kind} returns nothing ({m.response.name} given)")
        if m.kind in ("getter", "query", "children", "child_count") and not m.returns_value:
            raise SchemaError(f"{where}: a {m.kind} must return a value")
        if m.kind == "children" and not (len(m.response.fields) == 1 and m.response.fields[0].repeated
                                         and m.response.fields[0].ref):
            raise SchemaError(f"{where}: children returns one repeated widget reference")
        if m.kind == "child_count" and [f.proto_type for f in m.response.fields] != ["int32"]:
            raise SchemaError(f"{where}: child_count returns one int32")
        if len(m.response.fields) > 1 and m.response.name in taken_names:
            raise SchemaError(f"{where}: return message {m.response.name} clashes with a class name")
        if m.kind == "getter":
            for owner in c.ancestry():
                for s in owner.methods:
                    if s.kind == "setter" and s.state_field == m.state_field and not part_of(m.response, s.request):
                        raise SchemaError(f"{where}: getter of {m.state_field!r} returns {m.response.name}, "
                                          f"but setter {s.rpc_name} records {s.request.name}")
            if not any(s.kind == "setter" and s.state_field == m.state_field
                       for owner in c.ancestry() for s in owner.methods):
                raise SchemaError(f"{where}: no setter records {m.state_field!r}")
            if c.ctor and len(m.response.fields) == 1:
                for f in c.ctor.fields:
                    if f.name == m.state_field and f.proto_type == m.response.fields[0].proto_type:
                        m.ctor_fallback, m.ctor_message = f, c.ctor

    @staticmethod
    def _setter_of(c, field_name, message, rpc_name=""):
        for owner in c.ancestry():
            for s in owner.methods:
                if (s.kind == "setter" and s.state_field == field_name and s.request is message
                        and rpc_name in ("", s.rpc_name)):
                    return s
        return None


def part_of(part, whole):
    """Whether message `part` reads a record of `whole`: the same message, or
    fields each declared in `whole` with the same number and type, so the
    recorded bytes parse as `part` (a getter may answer one argument of its
    setter, as Button.get_icon answers set_icon's url)."""
    if part is whole:
        return True
    same = {(f.number, f.name, f.proto_type, f.repeated, f.presence, f.ref) for f in whole.fields}
    return all((f.number, f.name, f.proto_type, f.repeated, f.presence, f.ref) in same for f in part.fields)


def build_schema(files, to_generate) -> Schema:
    """files: every FileDescriptorProto protoc passed (imports included)."""
    return _Builder(files, to_generate).build()
