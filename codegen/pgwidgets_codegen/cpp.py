"""How the model is spelled in C++: types, parameters, literals, and the
statements that move values between C++ and protobuf messages."""

from . import kinds, model
from .naming import quoted
from .spelling import Language, View

KEYWORDS = frozenset("""
alignas alignof and and_eq asm auto bitand bitor bool break case catch char char8_t char16_t
char32_t class compl concept const consteval constexpr constinit const_cast continue co_await
co_return co_yield decltype default delete do double dynamic_cast else enum explicit export
extern false float for friend goto if inline int long mutable namespace new noexcept not
not_eq nullptr operator or or_eq private protected public register reinterpret_cast requires
return short signed sizeof static static_assert static_cast struct switch template this
thread_local throw true try typedef typeid typename union unsigned using virtual void volatile
wchar_t while xor xor_eq
""".split())

def identifier(name: str) -> str:
    return name + "_" if name in KEYWORDS else name


def boolean(value) -> str:
    return "true" if value else "false"


class Field(View):
    """Spelled by the field's kind (kinds.py)."""

    @property
    def cpp_name(self):
        return identifier(self.name)

    @property
    def cpp_value_type(self):
        """One value of the field (a list's std::vector; an optional's value)."""
        return self.kind.cpp_value_type

    @property
    def cpp_member_type(self):
        """As a struct member, a return value or a callback argument."""
        return self.kind.cpp_member_type

    @property
    def cpp_option_type(self):
        """The whole options member (see OptionField)."""
        return self.kind.cpp_option_type

    @property
    def cpp_param_type(self):
        """As a C++ parameter: optional fields are std::optional, lists
        pgw::List, structs pgw::Named (runtime structured.hpp says why)."""
        return self.kind.cpp_param_type

    @property
    def cpp_default(self):
        """The C++ literal of the field's default (its zero when none)."""
        return self.kind.cpp_default

    def cpp_set(self, request, owner_expr, method_name):
        """Statement copying parameter `self` into message variable `request`."""
        return self.kind.cpp_set(request, self.cpp_name, (owner_expr, method_name))

    def cpp_set_member(self, message, value):
        """Statement copying struct member `value` into message `message`."""
        return self.kind.cpp_set(message, value, None)

    def cpp_get_present(self, message):
        """Expression reading this field of `message`, known to be present."""
        return self.kind.cpp_get_present(message)

    def cpp_get(self, message, link):
        """Expression reading this field of `message` as its C++ member type."""
        return self.kind.cpp_get(message, link)

    @property
    def cpp_ctor_default(self):
        """For a getter's constructor fallback: the default when the
        constructor left the field out, None to go on to the getter's."""
        return self.cpp_default if self.default is not None else None


class EnumValue(View):
    @property
    def cpp_name(self):
        return identifier(self.word)


class Enum(View):
    @property
    def cpp_type(self):
        return f"pgw::{self.name}"

    @property
    def cpp_pb_type(self):
        return "::" + self.full_name.replace(".", "::")

    def cpp_value(self, word):
        return f"{self.cpp_type}::{identifier(word)}"


def _by_number(fields):
    return sorted(fields, key=lambda f: f.number)


class _Writers:
    """Which messages the proxies write straight to the wire (runtime
    wire_writer.hpp) instead of building protobuf message objects
    (model.DirectCode: as the page's direct readers, ts._Readers), each
    field by kinds.Kind.cpp_direct; value types by functions of their family
    (detail::wire::wire_size, wire_write)."""

    def __init__(self):
        self.direct = model.DirectCode(
            lambda message, f: f.kind.cpp_direct(f"value.{identifier(f.name)}", self.direct.able), _by_number)

    @staticmethod
    def _split(codes):
        return None if codes is None else ([c[0] for c in codes], [c[1] for c in codes])

    def of_value_type(self, message):
        """(size statements, write statements) of a value type's `value`, or None."""
        return self._split(self.direct.codes(message))

    def of_request(self, message, params):
        """... of a request whose members are the parameters `params`, or None."""
        names = {f.name for f in params}
        if not params or names != {f.name for f in message.fields}:
            return None
        named = {f.name: f.kind.cpp_param_type.startswith("pgw::Named<") for f in params}
        value_of = lambda f: f"(*{identifier(f.name)})" if named[f.name] else identifier(f.name)
        return self._split(self.direct.codes_with(message, lambda _, f: f.kind.cpp_direct(value_of(f), self.direct.able)))


# One per generation: every family and the schema agree on what is written so.
_WRITERS = _Writers()


class Message(View):
    @property
    def cpp_direct(self):
        """A value type's direct writer: (size statements adding to `n`,
        statements writing with `w`), or None."""
        return _WRITERS.of_value_type(self._model)

    @property
    def cpp_pb_type(self):
        return "::" + self.full_name.replace(".", "::")

    @property
    def cpp_pb_class(self):
        """protoc's class name, for a forward declaration in its namespace."""
        return self.full_name.rsplit(".", 1)[-1]

    @property
    def cpp_encode_statements(self):
        """A value type's encoder body: struct `value` into message `message`."""
        return [f.cpp_set_member("message", f"value.{f.cpp_name}") for f in self.fields]

    @property
    def cpp_decode_expr(self):
        """A value type's decoder: message `message` as the struct."""
        return f"pgw::{self.name}{{" + ", ".join(f.cpp_get("message", "link") for f in self.fields) + "}"


class Method(View):
    @property
    def cpp_name(self):
        return identifier(self.name)

    @property
    def cpp_arg_checks(self):
        """Statements that throw before anything is sent: a `fractions`
        method's doubles must lie in 0..1."""
        if not self.fractions:
            return []
        return [f'detail::check_fraction({f.cpp_name}, "pgw::{self.owner}::{self.name}", "{f.name}");'
                for f in self.params if f.proto_type == "double"]

    @property
    def cpp_params(self):
        """`type name` strings; the trailing run that may be left out gets
        its default argument: nullopt for an optional field, else the
        declared default."""
        return [f"{f.cpp_param_type} {f.cpp_name}" + (f" = {self.cpp_default_argument(f)}" if i >= self.trailing_optional else "")
                for i, f in enumerate(self.params)]

    @staticmethod
    def cpp_default_argument(f):
        return "std::nullopt" if f.presence else f.cpp_default

    @property
    def cpp_params_definition(self):
        """As in cpp_params, without default arguments (for the definition)."""
        return [f"{f.cpp_param_type} {f.cpp_name}" for f in self.params]

    @property
    def cpp_return_type(self):
        if self.is_create:
            return f"pgw::{self.created.name}"
        fields = self.response.fields
        if not fields:
            return "void"
        if len(fields) == 1:
            return fields[0].cpp_value_type
        return f"pgw::{self.response.name}"

    @property
    def cpp_created_options(self):
        """A create's options parameter type: the created class's options struct."""
        return f"{self.created.name}Options"

    @property
    def cpp_ctor_statements(self):
        """A create: statements copying its positional arguments from
        `request` into the created class's constructor message `p.args`."""
        out = []
        for f in self.ctor_params:
            set_ = f"p.args.set_{f.name}(request.{f.name}());"
            out.append(f"if (request.has_{f.name}()) {set_}" if f.presence else set_)
        return out

    @property
    def cpp_child_expr(self):
        """A create: the id of the widget the new one holds, 0 for none."""
        return f"request.{self.child_field.name}()" if self.child_field is not None else "0"

    @property
    def cpp_direct(self):
        """The request written straight to the wire from the parameters
        (_Writers): (size statements adding to `n`, statements writing with
        `w`), or None for a request built as a protobuf message. Not for the
        child-list kinds, whose ChildChange is read from the message."""
        if self.kind in ("attach", "detach", "detach_all"):
            return None
        return _WRITERS.of_request(self._model.request, self._model.params)

    @property
    def cpp_request_bytes(self):
        """The serialized request: the directly written string, or the message's bytes."""
        return "std::move(request)" if self.cpp_direct is not None else "request.SerializeAsString()"

    @property
    def cpp_send(self):
        """The call that sends `request`: child-list kinds pass the ChildChange
        they make, the others none."""
        args = f"checked_link(), id(), detail::methods::{self.info_name}, {self.cpp_request_bytes}"
        if self.kind in ("attach", "detach", "detach_all"):
            return f"detail::send_child_call({args},\n      {self.cpp_change})"
        return f"detail::send_call({args})"

    @property
    def cpp_change(self):
        """The ChildChange a call makes, read from the serialized `request`."""
        child = f"request.{self.child_field.name}()" if self.child_field is not None else "0"
        index = (f"std::optional<int>(request.{self.index_field.name}())" if self.index_field is not None
                 else "std::nullopt")
        destroy = "request.destroy()" if self.destroy_field is not None else "false"
        return f"detail::ChildChange{{.child = {child}, .index = {index}, .destroy = {destroy}}}"

    @property
    def cpp_return_expr(self):
        """Converts parsed response `m` (link `link`) to the C++ return value."""
        single = self.single_return
        if single is not None:
            return single.cpp_get("m", "link")
        return f"pgw::{self.response.name}{{" + ", ".join(f.cpp_get("m", "link") for f in self.response.fields) + "}"

    @property
    def cpp_ctor_fallbacks_expr(self):
        """A getter of several fields answered from constructor message
        `args`: each field as given, else its constructor default, else the
        response field's default."""
        parts = []
        for c, r in zip(self.ctor_fallbacks, self.response.fields):
            absent = c.cpp_default if c.default is not None else r.cpp_default
            value = c.cpp_get_present("args")
            parts.append(f"args.has_{c.name}() ? {value} : {absent}" if c.presence else value)
        return f"pgw::{self.response.name}{{" + ", ".join(parts) + "}"

    @property
    def cpp_getter_default(self):
        single = self.single_return
        if single is not None:
            return single.cpp_default
        return f"pgw::{self.response.name}{{" + ", ".join(f.cpp_default for f in self.response.fields) + "}"

    @property
    def cpp_kind(self):
        return f"detail::MethodKind::{self.kind}"

    @property
    def cpp_info_fields(self):
        """The MethodInfo's designated initializers, in the struct's member
        order, as (member, value) pairs: the identity always, every other
        member only when it differs from its default (so a new member of
        MethodInfo never shifts the others)."""
        fields = [
            ("id", str(self.id)),
            ("class_id", str(self.owner_id)),
            ("class_name", f'"{self.owner}"'),
            ("name", f'"{self.name}"'),
            ("kind", self.cpp_kind),
            ("field", str(self.state_field_id)),
            ("returns_value", boolean(self.returns_value)),
        ]
        optional = [
            ("replace", boolean(self.replace), "false"),
            ("deferred", boolean(self.deferred), "false"),
            # an attach's insert position, or a state operation's position,
            # path or key
            ("index_field", str(self._index_number()), "0"),
            ("op", f"detail::StateOp::{self.op or 'none'}", "detail::StateOp::none"),
            ("to_field", str(self._to_key_field().number if self._to_key_field() else 0), "0"),
            ("index_zero", f"detail::KeyZero::{self._index_zero()}", "detail::KeyZero::none"),
        ]
        optional += self._collection_answer_fields() + self._line_fields() + self._bulk_fields()
        optional.append(("ref_field", str(self._ref_field_number()), "0"))
        optional.append(("latest_wins", boolean(self.latest_wins), "false"))
        optional.append(("page_applies", boolean(self.page_applies), "false"))
        # an `appends` setter: the plain setter whose record keeps the whole
        # value, and the constructor field the value starts from
        optional.append(("append_to", str(self.append_setter.id if self.appends else 0), "0"))
        optional.append(("append_init", str(self.append_init.number if self.appends and self.append_init else 0), "0"))
        # (last: designated initializers follow MethodInfo's order)
        optional.append(("prune_field", str(self.prune_field.number if self.prune_field else 0), "0"))
        optional.append(("fresh", boolean(self.fresh), "false"))
        # a cell's column in a by_cell set's key: what its absence stands for
        optional.append(("to_zero", f"detail::KeyZero::{self._to_zero()}", "detail::KeyZero::none"))
        optional.append(("also_clears", self.cpp_also_clears_name if self.also_clears else "", ""))
        optional.append(("pick_field", str(self.pick_field.number if self.pick_field else 0), "0"))
        optional.append(("picks", self.cpp_picks_name, ""))
        optional.append(("before_field", str(self.before_field.number if self.before_field else 0), "0"))
        optional.append(("column_field", str(self.column_field.number if self.column_field else 0), "0"))
        optional.append(("calls", self.cpp_calls_name, ""))
        return fields + [(name, value) for name, value, default in optional if value != default]

    def _index_number(self):
        """The request's position, path or key field; for ASSIGN, PUT_ALL and
        REMOVE_ALL, the field of each element holding its path or key (the
        snapshot's `index`)."""
        f = self._index_key_field()
        return f.number if f else 0

    def _index_key_field(self):
        """The Field _index_number names, or None."""
        if self.index_field:
            return self.index_field
        if self.op in ("assign", "put_all", "remove_all", "delete_all", "all_parents", "all_nodes") \
                and self.state and self.state.snapshot \
                and self.state.snapshot.index_field:
            return self.state.snapshot.index_field
        return None

    @property
    def cpp_also_clears_name(self):
        """The array of the state field ids a CLEAR clears too ("" for none)."""
        return f"{self.info_name}_also_clears" if self.also_clears else ""

    @property
    def cpp_picks_name(self):
        """The array of a SUBTREE getter's statuses ("" for none)."""
        return f"{self.info_name}_picks" if self.picks else ""

    @property
    def cpp_picks(self):
        return ", ".join(f'{{"{status}", {sid}, {boolean(negate)}}}' for status, sid, negate in self.pick_ids)

    @property
    def cpp_calls_name(self):
        """The array of the setter calls an ACTION stands for ("" for none)."""
        return f"{self.info_name}_calls" if self.calls else ""

    @property
    def cpp_calls(self):
        return ", ".join(f"{{{outer.number if outer else 0}, {field.number}, {setter.id}}}"
                         for outer, field, setter in self.calls)

    @property
    def cpp_also_clears(self):
        return ", ".join(str(i) for i in self.also_clears_ids)

    def _to_key_field(self):
        """The request's `to` field; for a bulk op of a `by_cell` set, the
        field of each element holding its cell's column (the snapshot's
        `to`), as _index_key_field gives its row."""
        if self.to_field is not None:
            return self.to_field
        if self.op in ("assign", "put_all", "remove_all") and self.state and self.state.by_cell \
                and self.state.snapshot and self.state.snapshot.to_field:
            return self.state.snapshot.to_field
        return None

    def _to_zero(self):
        """A `by_cell` key's column (`to`) absent from the wire: its zero, as
        for a singular key (TableView's col_index 0, TreeView's col_key "")."""
        f = self._to_key_field()
        if f is None or self.state is None or not self.state.by_cell:
            return "none"
        return "string" if f.proto_type in ("string", "bytes") else "number"

    def _index_zero(self):
        """What the key field stands for when it is not on the wire (the
        runtime's KeyZero): a repeated or `optional` field has presence, so
        absent is no key ("none"); a plain singular scalar has none, and
        protobuf leaves its zero out, so absent is that zero: "string" for a
        string, "number" for the rest (TableView's col_index 0)."""
        f = self._index_key_field()
        if f is None or f.repeated or f.presence or f.proto_type == "message":
            return "none"
        # Positions (an attach's, a LIST's, a grid line's) are read as
        # positions (absent: 0), not as keys.
        if self.kind == "attach" or (self.op or "").startswith(("list_", "line_")) \
                or (self.state is not None and self.state.kind == "list"):
            return "none"
        return "string" if f.proto_type in ("string", "bytes") else "number"

    def _bulk_fields(self):
        """ASSIGN, PUT_ALL, REMOVE_ALL: the request's repeated field of
        elements; SET_CELL: the element's field holding the cells, and the
        request's field holding the new value."""
        if self.op in ("assign", "put_all", "remove_all"):
            return [("items_field", str(self.items_field.number), "0")]
        if self.op == "delete_all":
            return [("items_field", str(self.items_field.number), "0")]
        if self.op in ("all_parents", "all_nodes", "parents_not_in"):
            return [("of_state", str(self.of_state.field_id), "0")]
        if self.op == "column_insert" and self.element_field is not None:
            return [("element_field", str(self.element_field.number), "0")]
        if self.op == "set_cell":
            cells = next(f for f in self.state.snapshot.request.fields
                         if (f.is_map if self.state.kind == "tree" else f.repeated and not f.is_map))
            return [("element_field", str(cells.number), "0"), ("cell_field", str(self.cell_field.number), "0")]
        return []

    def _collection_answer_fields(self):
        """A GETTER of a collection State: the response field it fills, the
        element's field it answers (0: the whole element) and that field's
        wire type."""
        if self.kind != "getter" or self.state is None:
            return []
        e = self.element_field
        return [
            ("answer_field", str(self.response.fields[0].number), "0"),
            ("element_field", str(e.number if e else 0), "0"),
            ("element_wire", str(wire_type(e) if e else 2), "0"),
        ]

    def _line_fields(self):
        """A line operation's axis and its request's repeated widget field."""
        if self.op not in ("line_insert", "line_delete"):
            return []
        return [
            ("axis", str(self.axis_index), "0"),
            ("items_field", str(self.child_field.number if self.child_field else 0), "0"),
        ]

    def _ref_field_number(self):
        """A SETTER whose request names a widget (a single `ref` field): that
        field's number, so a rebuild can leave out a record naming a widget
        since destroyed; 0 otherwise."""
        if self.kind != "setter":
            return 0
        refs = [f for f in self.request.fields if f.ref and not f.repeated]
        return refs[0].number if refs else 0


def wire_type(f):
    """The protobuf wire type of a single field's value."""
    if f.proto_type in ("string", "bytes", "message"):
        return 2
    if f.proto_type in ("double", "fixed64", "sfixed64"):
        return 1
    if f.proto_type in ("float", "fixed32", "sfixed32"):
        return 5
    return 0


class Callback(View):
    @property
    def cpp_arg_types(self):
        return [f.cpp_member_type for f in self.params]

    @property
    def cpp_signature(self):
        """Human-readable, for the static_assert message."""
        return "(" + ", ".join(f"{f.cpp_member_type} {f.name}" for f in self.params) + ")"

    @property
    def cpp_handler_rule(self):
        """What a handler must take, for the static_assert message: exact
        types (detail::handler_for), the ways of passing them when any."""
        passing = " (by value, const& or &&, or auto)" if self.params else ""
        return f"take exactly {self.cpp_signature}{passing}"

    @property
    def cpp_decode_expr(self):
        return "{" + ", ".join(f.cpp_get("m", "link") for f in self.params) + "}"

    @property
    def cpp_coalesce(self):
        """Whether only the callback's latest report counts, as a C++ literal."""
        return "true" if self.coalesce else "false"

    @property
    def cpp_check(self):
        """The CallbackInfo's check: state callbacks' bytes are checked before
        they are recorded."""
        return f"&check::{self.info_name}" if self.updates_field else "nullptr"

    @property
    def cpp_check_statements(self):
        """Statements that throw when parsed message `m` holds a value the
        C++ types cannot: an enum number the schema does not know."""
        out = []
        for f in self.params:
            if f.enum is None:
                continue
            read = f"(void){f.cpp_get_present('m')};"
            out.append(f"if (m.has_{f.name}()) {read}" if f.presence else read)
        return out

    @property
    def cpp_tuple(self):
        return "std::tuple<" + ", ".join(self.cpp_arg_types) + ">"

    @property
    def cpp_needs_args(self):
        """A trait's callback: how the runtime reads the constructor's bool
        option that turns it on (field number, default) and names it."""
        f = self.needs_field
        return f'{f.number}, {boolean(f.default == "true")}, "pgw::{self.owner}::on_{self.name}", "{f.name}"'

    @property
    def cpp_without_signature(self):
        """An option-dependent callback's handler without the option."""
        return "(" + ", ".join(f"{f.cpp_member_type} {f.name}" for f in self.params_without_option) + ")"

    @property
    def cpp_shape_types(self):
        """The two shapes' tuples, for detail::option_handler_shape."""
        def tup(fields):
            return "std::tuple<" + ", ".join(f.cpp_member_type for f in fields) + ">"
        return f"{tup(self.params)}, {tup(self.params_without_option)}"

    @property
    def cpp_shape_rule(self):
        """What a handler must take, for the static_assert message."""
        name = self.shape_field.name
        return (f"take exactly {self.cpp_signature} on a widget created with `{name}`, "
                f"or {self.cpp_without_signature} without it (by value, const& or &&, or auto)")

    @property
    def cpp_shape_option_args(self):
        """How the runtime reads the option: field number, default."""
        f = self.shape_field
        return f'{f.number}, {boolean(f.default == "true")}'

    @property
    def cpp_shape_keep(self):
        """The positions of the arguments a handler without the option gets."""
        return "std::index_sequence<" + ", ".join(str(i) for i in self.kept_indexes) + ">{}"

    @property
    def cpp_shape_texts(self):
        """The names and signatures the runtime's errors quote."""
        return (f'"pgw::{self.owner}::on_{self.name}", "{self.shape_field.name}", "{self.cpp_signature}", '
                f'"{self.cpp_without_signature}"')

    @property
    def cpp_dtype_signature(self):
        """A dtype-dependent callback's handler, for the static_assert message."""
        name = self.params[0].name
        return f"(double {name}), or (int {name}) for dtype int"

    @property
    def cpp_dtype_args(self):
        """How the runtime reads the widget's dtype: the constructor field's
        number, the enum numbers of "int" and of the default word."""
        f = self.dtype_field
        default = f.enum.value(f.default).number if f.default is not None else f.enum.values[0].number
        return f"{f.number}, {f.enum.value('int').number}, {default}"


class OptionField(View):
    """Options structs hold only trivially destructible members (strings as
    std::string_view): g++ 12 destroys a braced aggregate temporary twice
    when it is an argument inside a co_await expression, which is exactly
    `co_await Widgets.Label({.text = "x"})`. The factory copies every view
    before it returns, while the caller's temporaries are still alive."""

    @property
    def cpp_name(self):
        return identifier(self.name)

    @property
    def cpp_type(self):
        """As declared in the options struct."""
        return self.field.cpp_option_type

    @property
    def cpp_initializer(self):
        return self.field.kind.cpp_option_initializer

    @property
    def cpp_owned_type(self):
        """As kept by the factory until it makes the setter call."""
        return "pgw::FontArgs" if self.font_shorthand else self.field.cpp_value_type

    def cpp_keep(self, created):
        """Statement keeping the option in `setters` (a font is parsed here,
        at the call, so a string that is no font throws where it is written);
        `created`: the class the factory creates, for the error."""
        value = f"*options.{self.cpp_name}"
        if self.font_shorthand:
            value = f'pgw::parse_font({value}, "Widgets::{created} option {self.name}")'
        if self.setter.fractions and self.field.proto_type == "double":
            # A fraction is checked here too, at the call, as the setter would.
            return (f'{{ detail::check_fraction({value}, "Widgets::{created} option {self.name}", '
                    f'"{self.name}"); setters.{self.cpp_name}.emplace({value}); }}')
        return f"setters.{self.cpp_name}.emplace({value});"

    @property
    def cpp_apply(self):
        """The setter call made with the kept option."""
        kept = f"setters.{self.cpp_name}"
        if self.font_shorthand:
            return (f"widget.{self.setter.cpp_name}(std::move({kept}->family), {kept}->size, "
                    f"std::move({kept}->weight), std::move({kept}->style))")
        return f"widget.{self.setter.cpp_name}(std::move(*{kept}))"

    @property
    def cpp_default_text(self):
        """What holds when the option is left out, in C++ spelling: the
        schema's default, the value's zero (what the getter answers before
        any setter), `none` for a widget, or `unset` for a constructor
        option the browser's own look decides."""
        f = self.field
        if f.ref:
            return "none"
        if f.repeated:
            return "{}"
        if self.source == "constructor" and f.presence and f.default is None:
            return "unset"
        if f.enum is not None:
            return f.enum.cpp_value(f.default if f.default is not None else f.enum.values[0].word)
        if f.default is None and f.proto_type in ("string", "bytes"):
            return '""'
        return f.cpp_default

    @property
    def cpp_comment(self):
        """The options struct's comment on this member: its default, and
        the setter it calls."""
        where = f"; {self.origin}::{self.setter.cpp_name}" if self.source == "setter" else ""
        if self.font_shorthand:
            where += ' with "[style] [weight] [size]pt [family]" (pgwidgets/font.hpp)'
        return f"default {self.cpp_default_text}{where}"

    @property
    def cpp_store_ctor_arg(self):
        """Statement copying the option into constructor message `args`; a
        widget's id is checked to be of this session (a null pointer is none)."""
        if self.field.ref:
            return (f'args.set_{self.ctor_field.name}(detail::option_ref(link_, *options.{self.cpp_name}, '
                    f'"Widgets::{self.origin} option {self.name}"));')
        return self.field.kind.cpp_store_option("args", "options." + self.cpp_name)


class State(View):
    @property
    def cpp_info(self):
        """The StateInfo initializer: field id, kind, snapshot method id, the
        constructor's init field and the element's field (numbers, 0 for
        none), per_child, deferred."""
        text = (f"{self.field_id}, detail::StateKind::{self.kind}, {self.snapshot.id if self.snapshot else 0}, "
                f"{self.init.number if self.init else 0}, "
                f"{self.element_field.number if self.element_field else 0}, "
                f"{boolean(self.per_child)}, {boolean(self.deferred)}")
        columns = self.column_of is not None or self.column_key is not None
        if self.is_extent:
            child = self.attach.child_field
            text += f", {self.cpp_axes_name}, {self.attach.id}, {child.number}"
        elif self.snapshot_all or self.within or columns:
            # a rebuild sends the whole value in one call of this ASSIGN setter
            bulk = self.snapshot_all
            text += f", {{}}, 0, 0, {bulk.id if bulk else 0}, {bulk.items_field.number if bulk else 0}"
        if self.within or columns:
            # a SET of the nodes or positions of this state: its members'
            # key field (the snapshot's `index`), rewritten when a position
            # moves; by_cell: a member is a cell (the key then its column)
            within = self.within.field_id if self.within else 0
            key = self.snapshot.index_field.number if self.within else 0
            text += f", {within}, {key}, {boolean(self.by_cell)}"
        if columns:
            # the LIST of columns it follows, how, and the field holding a
            # column; on that LIST, the element's field naming a column
            of = self.column_of.field_id if self.column_of else 0
            field = self.column_field.number if self.column_field else 0
            text += (f", {of}, detail::ColumnRole::{self.column_role}, {field}, "
                     f"{self.column_key.number if self.column_key else 0}, {boolean(self.columns_there)}")
        return text

    @property
    def cpp_axes_name(self):
        return f"{self.owner}_{self.name}_axes"

    @property
    def cpp_axes(self):
        """An extent's ExtentAxis initializers: per axis the constructor
        count's number, the attach request's cell number, the count's default."""
        return [f"{{{count.number}, {cell.number}, {int(count.default or 0)}}}"
                for count, cell in zip(self.count_fields, self.cell_fields)]


class WidgetClass(View):
    @property
    def cpp_states(self):
        """The ClassInfo's span of its own collection states."""
        if not self.states:
            return "{}"
        return f"states::{self.name}_states"

    @property
    def cpp_abstract(self):
        return boolean(self.abstract)

    @property
    def cpp_class_info_tail(self):
        """The ClassInfo's made_by member (after `states`), or "" for a
        class a program may create by itself."""
        if not self.only_created_by:
            return ""
        names = " or ".join(f"{m.owner}::{m.cpp_name}" for m in self.only_created_by_methods)
        return f', "{names}"'

    @property
    def cpp_window(self):
        return boolean(self.window)

    @property
    def cpp_group_field(self):
        return self.group_field.number if self.group_field is not None else 0

    @property
    def cpp_base(self):
        return self.base.name if self.base else "detail::WidgetHandle"

    @property
    def cpp_options_order(self):
        """The order rule of the options struct, in words, for its comment."""
        text = "the constructor's options (pgwidgets' order)"
        if self.option_sources:
            text += ", then the setters of " + ", then ".join(self.option_sources) + " (nearest class first)"
        return text + "; each class's setters in schema order"

    @property
    def cpp_exec_type(self):
        """What exec() answers: the type of the answering callback's one argument."""
        return self.exec_answer.cpp_arg_types[0] if self.exec_answer else ""

    @property
    def cpp_base_short(self):
        """The base's name without its namespace: its constructors' name."""
        return self.cpp_base.split("::")[-1]


def package_dir(package):
    """Where a package's headers live: the SDK's under pgwidgets/, a user
    package's under its own path (package a.b -> a/b/)."""
    return "pgwidgets" if package == "pgwidgets.widgets" else package.replace(".", "/")


def package_ident(package):
    return package.replace(".", "_")


class Family(View):
    @property
    def cpp_header(self):
        if self.package == "pgwidgets.widgets":
            return f"pgwidgets/widgets/{self.name}.hpp"
        return f"{package_dir(self.package)}/{self.name}.hpp"

    @property
    def cpp_source(self):
        if self.package == "pgwidgets.widgets":
            return f"widgets/{self.name}.cpp"
        return f"{package_dir(self.package)}/{self.name}.cpp"

    @property
    def cpp_forward_declarations(self):
        """This family's classes, then the other families' it refers to."""
        return [c.name for c in self.classes] + self.foreign_classes

    @property
    def cpp_pb_namespace(self):
        return self.package.replace(".", "::")

    @property
    def cpp_pb_headers(self):
        """protoc's headers of the messages this family's code uses."""
        return [f.removesuffix(".proto") + ".pb.h" for f in self.message_files]


class Schema(View):
    """Where the package's shared declarations live. The SDK's are in
    pgw::detail; a user package's ids of classes, methods and callbacks join
    them (their names start with the class name, unique across packages),
    while its state fields, fingerprint and tables get their own namespace,
    since field names are shared across packages."""

    @property
    def cpp_dir(self):
        return package_dir(self.package)

    @property
    def cpp_info_header(self):
        return f"{self.cpp_dir}/schema_info.hpp"

    @property
    def cpp_linked_files(self):
        """Each widget schema file's protoc header and the C++ name of one of
        its messages (the first by name); files without messages are left
        out. Referencing one message of a file links the whole file's
        descriptors into a program, whether or not its code uses the file."""
        out = []
        for f in self.files:
            names = sorted(m.full_name for m in self.messages.values() if m.file == f)
            if names:
                out.append((f.removesuffix(".proto") + ".pb.h", "::" + names[0].replace(".", "::")))
        return out


    @property
    def cpp_widgets_header(self):
        return f"{self.cpp_dir}/widgets.hpp"

    @property
    def cpp_package_ns_local(self):
        return f"pkg_{package_ident(self.package)}"

    @property
    def cpp_fields_ns_local(self):
        return "fields" if self.is_core else f"{self.cpp_package_ns_local}::fields"

    @property
    def cpp_fields_ns(self):
        return f"detail::{self.cpp_fields_ns_local}"

    @property
    def cpp_namespace(self):
        """The namespace, inside pgw, of a user package's Widgets factory:
        pgw::rating::Widgets for package rating."""
        return self.package.replace(".", "::")

    @property
    def cpp_factory(self):
        return "Widgets" if self.is_core else f"{self.cpp_namespace}::Widgets"


LANGUAGE = Language({
    model.Field: Field, model.Message: Message, model.Method: Method, model.Callback: Callback,
    model.OptionField: OptionField, model.WidgetClass: WidgetClass, model.Schema: Schema,
    model.Enum: Enum, model.EnumValue: EnumValue, model.Family: Family, model.State: State,
})


def view(schema):
    return LANGUAGE.wrap(schema)
