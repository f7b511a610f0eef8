"""The widget model: plain classes, methods, callbacks, ids and state fields.

Language-neutral: it says what the schema means (which fields, which
options in which order, which method answers locally), never how C++ or
TypeScript spell it; cpp.py and ts.py do that, and reader.py builds it.
"""

from dataclasses import dataclass, field as dc_field
from typing import Optional

from . import kinds


KINDS = ("action", "setter", "getter", "query", "attach", "detach", "detach_all",
         "children", "child_count", "destroy", "create")
# Kinds the server answers itself: never sent to the browser.
LOCAL_KINDS = ("getter", "children", "child_count")


@dataclass
class EnumValue:
    word: str                 # pgwidgets' spelling: "center"
    number: int               # on the wire
    doc: str = ""


@dataclass
class Enum:
    """A fixed set of words (alignment, window state): a proto enum whose
    values are named <ENUM_NAME>_<WORD> in upper snake case."""
    name: str
    full_name: str
    file: str
    values: list
    doc: str = ""

    @property
    def words(self):
        return [v.word for v in self.values]

    def value(self, word):
        return next(v for v in self.values if v.word == word)


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
    enum: Optional[Enum] = None  # proto_type "enum": its words
    exclusive: str = ""          # constructor group reference: the bool state field exclusive in the group
    dtype: str = ""              # a double whose type is the constructor's Dtype field of this name
    with_option: str = ""        # a callback argument only on widgets created with this bool option
    lazy: bool = False           # repeated message: the page reads each element on first use (Lazy<Message>)
    # proto_type "message": the value type it holds (None for pgwidgets.Value);
    # not compared or printed, since a tree node's field holds its own message.
    message: Optional["Message"] = dc_field(default=None, repr=False, compare=False)
    is_map: bool = False         # map<string, ...>: `message` or the scalar is the map's value
    kind: object = dc_field(default=None, repr=False, compare=False)  # kinds.Kind (reader fills it)


@dataclass
class Message:
    full_name: str
    name: str
    fields: list
    file: str
    doc: str = ""
    value_type: bool = False   # a plain struct / interface (reader marks it)

    @property
    def file_stem(self):
        return stem(self.file)

    @property
    def is_empty(self):
        return not self.fields


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
    value: str = ""            # argument-less setter: the literal it sets (show: "true"), for the test kit
    first_of: str = ""         # getter: 0 when this LIST state holds an item and its field has no record
    op: str = ""               # setter of a collection State: its operation ("list_append", ...; "" for none)
    to_field: Optional[Field] = None   # LIST_MOVE: the request field holding the target position
    # ASSIGN, PUT_ALL, REMOVE_ALL: the request's repeated field of elements.
    items_field: Optional[Field] = None
    # SET_CELL: the request field holding the new value.
    cell_field: Optional[Field] = None
    # ALL_PARENTS, ALL_NODES: the TREE State whose paths it takes (named by `of`).
    of_name: str = ""
    # DELETE_ALL: the request's bool field saying whether emptied ancestors go too.
    prune_name: str = ""
    prune_field: Optional[Field] = None
    # ASSIGN of a TREE or LIST: every element is new (the SETs within it are emptied).
    fresh: bool = False
    # CLEAR: the class's other state fields it clears too (names; their ids, the reader's).
    also_clears: list = dc_field(default_factory=list)
    also_clears_ids: list = dc_field(default_factory=list)
    # SUBTREE getter: the request's string field naming the status, and the
    # statuses it may name: (status, SET name, its parents not in it?);
    # pick_ids, the same with the SET's state field id (the reader's).
    pick_field: Optional[Field] = None
    picks: list = dc_field(default_factory=list)
    pick_ids: list = dc_field(default_factory=list)
    # COLUMN_INSERT: the request's field naming the column the new one goes
    # before; COLUMN_DELETE or a plain setter: the field naming a column.
    before_field: Optional[Field] = None
    column_field: Optional[Field] = None
    # An ACTION standing for setter calls: its "field=Setter" texts, then
    # (the reader's) per part the outer message field or None, the field,
    # and the setter Method.
    call_texts: list = dc_field(default_factory=list)
    calls: list = dc_field(default_factory=list)
    of_state: Optional["State"] = dc_field(default=None, repr=False, compare=False)
    state: Optional["State"] = None    # the collection State an `op` setter changes or a getter answers (reader fills it)
    # A GETTER of a collection State: the element's field it answers
    # (None: the whole element), named by the option `element`.
    element_name: str = ""
    element_field: Optional[Field] = None
    axis: str = ""             # LINE_INSERT/LINE_DELETE: the axis, by its extent's count name
    axis_index: int = 0        # ... its position in the extent's `counts` (reader fills it)
    font_shorthand: bool = False  # setter of a font: its option is one CSS-like string
    fractions: bool = False    # every double argument must lie in 0..1 (checked at the call)
    latest_wins: bool = False  # a stream's frame: a newer call replaces one a browser was not yet sent
    page_applies: bool = False  # only the page can apply it: no browser, no call (Disconnected)
    # A SETTER with `appends`: adds its string to the field's value. The
    # reader links the plain setter whose record keeps the whole value and
    # the constructor field (of the state field's name) it starts from.
    appends: bool = False
    append_setter: Optional["Method"] = dc_field(default=None, repr=False, compare=False)
    append_init: Optional[Field] = None
    doc: str = ""
    # Filled for getters: where the value comes from when no setter ran.
    ctor_fallback: Optional[Field] = None
    ctor_message: Optional[Message] = None
    # A getter answering several fields: per response field, the
    # constructor field of the same name and type (all of them, or empty).
    ctor_fallbacks: list = dc_field(default_factory=list)
    proto_name: str = ""       # the rpc's full name, for reflection
    # A create: the class it creates (reader links it), and the created
    # class's attach method that puts the request's `child` in it.
    creates: str = ""
    child_into_name: str = ""
    created: Optional["WidgetClass"] = dc_field(default=None, repr=False, compare=False)
    child_into: Optional["Method"] = dc_field(default=None, repr=False, compare=False)
    # A create's message on the wire: the created widget's id (reader fills
    # it with pgwidgets.widgets.Child); any other kind's is its request.
    adopt_message: Optional[Message] = dc_field(default=None, repr=False, compare=False)

    @property
    def params(self):
        return self.request.fields

    @property
    def is_create(self):
        return self.kind == "create"

    @property
    def wire_request(self):
        """The message the browser decodes for this method's calls."""
        return self.adopt_message if self.is_create else self.request

    @property
    def wire_params(self):
        return self.wire_request.fields

    @property
    def ctor_params(self):
        """A create's request fields that are the created class's
        constructor fields of the same name: every one but `child`."""
        if not self.is_create:
            return []
        return [f for f in self.params if self.child_field is None or f is not self.child_field]

    @property
    def trailing_optional(self):
        """Index of the first parameter of the run that ends the list and
        may be left out of a call: optional ones, and ones with a declared
        default (pgwidgets' `set_enabled(tf=True)` is `set_enabled()`)."""
        n = len(self.params)
        while n > 0 and (self.params[n - 1].presence or self.params[n - 1].default is not None):
            n -= 1
        return n

    @property
    def local(self):
        return self.kind in LOCAL_KINDS

    @property
    def returns_value(self):
        return not self.response.is_empty

    @property
    def single_return(self):
        fields = self.response.fields
        return fields[0] if len(fields) == 1 else None

    @property
    def destroy_field(self):
        """A `bool destroy` argument: a detach that also destroys the child."""
        return next((f for f in self.params if f.name == "destroy" and f.proto_type == "bool"), None)

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
    # `updates` of a collection State: the operation (as Method.op) and the
    # message's fields holding its position, path or key and its target.
    op: str = ""
    op_index_name: str = ""
    op_to_name: str = ""
    user_action: int = 0       # the person's action that fires it (options.proto UserAction), for the test kit
    user_step: int = 0         # which part of a KEY or POINTER action fires it (options.proto UserStep)
    # Reports only the latest value: coalesced per widget at both ends.
    coalesce: bool = False
    doc: str = ""
    proto_name: str = ""       # the rpc's full name, for reflection
    # A callback whose one double argument is an int or a float as the
    # constructor's Dtype field says (reader fills it from the field option).
    dtype_field: Optional[Field] = None
    # A trait's callback (reader copies it into each class naming the
    # trait): the trait's name, and the class's bool constructor field that
    # must be true for the page to listen (`interactive`).
    trait: str = ""
    needs_field: Optional[Field] = None
    # The name its id hashes: the rpc's full name, or for a trait's callback
    # the class's name with the rpc's (pgwidgets.widgets.Label.OnClick), so
    # each class has its own ids while proto_name names the trait's rpc.
    id_name: str = ""
    # Arguments marked `with_option`: the class's bool constructor field
    # that decides whether the handler takes them (reader fills it).
    shape_field: Optional[Field] = None

    @property
    def params(self):
        return self.message.fields

    @property
    def params_without_option(self):
        """The handler's arguments on a widget created without
        `shape_field`: those not marked `with_option`."""
        return [f for f in self.params if not f.with_option]

    @property
    def kept_indexes(self):
        """Positions, among all arguments, of `params_without_option`."""
        return [i for i, f in enumerate(self.params) if not f.with_option]

    @property
    def info_name(self):
        return f"{self.owner}_{self.name}"


@dataclass
class Trait:
    """A set of callbacks declared once (a service with `trait`), which
    each class naming it in `traits` gets as its own."""
    name: str
    option: str                # the bool constructor option that turns them on
    callbacks: list            # as declared, owner the trait
    proto_name: str = ""
    file: str = ""
    doc: str = ""


@dataclass
class OptionField:
    """One member of a generated options struct (see cpp.py for why its
    strings are views)."""
    name: str
    field: Field                      # the value's field (constructor or setter argument)
    source: str                       # "constructor" or "setter"
    origin: str                       # the class that declares it
    ctor_field: Optional[Field] = None
    setter: Optional[Method] = None

    @property
    def font_shorthand(self):
        """A font setter's option: one CSS-like string for all its arguments."""
        return self.setter is not None and self.setter.font_shorthand


@dataclass
class State:
    """A collection state field a class declares (options.proto State): the
    server keeps its current value, which a rebuild sends with `snapshot`."""
    name: str
    kind: str                  # "list", "tree", "set"
    owner: str
    snapshot_name: str = ""
    init_name: str = ""
    snapshot_all_name: str = ""            # the ASSIGN setter a rebuild sends the whole value with
    snapshot_all: Optional[Method] = None  # (reader links it)
    per_child: bool = False
    deferred: bool = False
    within_name: str = ""                  # a SET: the TREE or LIST whose nodes or positions its members are
    by_cell: bool = False                  # ... each member one cell: its node's key, then its column
    column_of_name: str = ""               # the LIST of columns whose columns its keys or cells name
    column_key_name: str = ""              # a LIST of columns: the element's field naming a column
    columns_there: bool = False            # a by_cell SET: only cells of the columns there are kept
    # Filled by the reader:
    within: Optional["State"] = dc_field(default=None, repr=False, compare=False)
    field_id: int = 0
    snapshot: Optional[Method] = None
    init: Optional[Field] = None           # the repeated constructor field that fills a list
    element_field: Optional[Field] = None  # the snapshot request's field an init item becomes
    # Following a LIST of columns (reader fills them): that State, how
    # ("key", "cell", "row_cells", "node_map": the runtime's ColumnRole) and
    # the field of the messages holding a column; on the LIST itself, the
    # element's field naming a column.
    column_of: Optional["State"] = dc_field(default=None, repr=False, compare=False)
    column_role: str = "none"
    column_field: Optional[Field] = None
    column_key: Optional[Field] = None
    # A grid's extent (options.proto State.counts): per axis, the constructor
    # field counting its lines and the attach request's cell field.
    count_names: list = dc_field(default_factory=list)
    cell_names: list = dc_field(default_factory=list)
    # Filled by the reader for an extent:
    count_fields: list = dc_field(default_factory=list)
    cell_fields: list = dc_field(default_factory=list)
    attach: Optional[Method] = None        # the class's ATTACH whose request has every cell field

    @property
    def is_extent(self):
        return bool(self.count_names)

    @property
    def info_name(self):
        return f"{self.owner}_{self.name}"


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
    states: list = dc_field(default_factory=list)      # collection State fields declared here
    doc: str = ""
    base: Optional["WidgetClass"] = None
    proto_name: str = ""       # the service's full name, for reflection
    where: str = ""            # "file.proto:line" of the service, for errors
    file: str = ""             # the schema file declaring it: its family
    # The CREATE methods that create widgets of this class (reader fills it).
    created_by: list = dc_field(default_factory=list, repr=False, compare=False)
    traits: list = dc_field(default_factory=list)  # Trait objects whose callbacks it has
    trait_names: list = dc_field(default_factory=list)  # as the schema names them (reader resolves)
    # exec(): the callback answering it, the one cancelling it, and the
    # method that shows the widget (reader resolves them from the names).
    exec_answer_name: str = ""
    exec_cancel_name: str = ""
    exec_answer: Optional["Callback"] = dc_field(default=None, repr=False, compare=False)
    exec_cancel: Optional["Callback"] = dc_field(default=None, repr=False, compare=False)
    exec_show: Optional["Method"] = dc_field(default=None, repr=False, compare=False)
    # only_created_by: the class whose CREATE methods alone make this one
    # (reader resolves and checks it); such a class has no standalone factory.
    only_created_by_name: str = ""
    only_created_by: Optional["WidgetClass"] = dc_field(default=None, repr=False, compare=False)

    @property
    def standalone(self):
        """Whether a program creates it by itself (Widgets::<Class>): a
        concrete class not made only by another class's CREATE."""
        return not self.abstract and not self.only_created_by_name

    @property
    def only_created_by_methods(self):
        """The CREATE methods that make it, when it is made only by them."""
        return list(self.created_by) if self.only_created_by else []

    @property
    def own_callbacks(self):
        """Callbacks declared in the class itself, not by a trait."""
        return [cb for cb in self.callbacks if not cb.trait]

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
    def all_states(self):
        """Collection states of this class and its bases, root first."""
        out = []
        for c in reversed(list(self.ancestry())):
            out.extend(c.states)
        return out

    @property
    def remote_methods(self):
        return [m for m in self.methods if not m.local]

    @property
    def base_id(self):
        return self.base.id if self.base else 0

    @property
    def group_field(self):
        """The constructor's group reference (radio buttons), or None."""
        return next((f for f in self.ctor_fields if f.exclusive), None)

    # The id of the state field exclusive within a group (reader fills it).
    exclusive_field_id: int = 0

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
    def option_sources(self):
        """The classes whose setters give options, in the options' order:
        this class, then its bases, nearest first (those that give none left out)."""
        origins = {o.origin for o in self.setter_options}
        return [c.name for c in self.ancestry() if c.name in origins]

    @property
    def setter_options(self):
        return [o for o in self.options if o.source == "setter"]

    @property
    def ctor_options(self):
        return [o for o in self.options if o.source == "constructor"]


def single_value(method):
    """The one argument that makes a setter usable as a constructor option:
    a first field that must be given, all others optional. None otherwise."""
    if method.kind != "setter" or not method.params or method.op:
        return None
    first, *rest = method.params
    if (first.presence or first.ref or first.repeated or first.proto_type == "message"
            or not all(f.presence for f in rest)):
        return None
    return first


class _Classes:
    """What a list of classes (`self.classes`) derives: its methods,
    callbacks and creatable classes, in class order."""

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
    def standalone_classes(self):
        """Classes a program creates by itself: they have a factory."""
        return [c for c in self.classes if c.standalone]

    @property
    def created_classes(self):
        """Classes that a CREATE method of these classes makes."""
        out = []
        for m in self.methods:
            if m.is_create and m.created not in out:
                out.append(m.created)
        return out


@dataclass(eq=False)
class Family(_Classes):
    """The widgets of one schema file (controls, layout, ...): what a C++
    program includes and compiles as one piece."""
    name: str                  # the file's stem
    file: str
    classes: list
    enums: list
    return_structs: list       # messages of this file returned whole
    value_types: list = dc_field(default_factory=list)    # messages of this file that are value types, in dependency order
    depends: list = dc_field(default_factory=list)        # Families whose declarations this one uses
    foreign_classes: list = dc_field(default_factory=list)  # names of other families' classes it refers to
    message_files: list = dc_field(default_factory=list)    # files of the messages its code encodes or decodes
    package: str = "pgwidgets.widgets"


@dataclass
class Schema(_Classes):
    classes: list
    messages: dict             # full name -> Message
    fingerprint: int
    state_fields: list         # names used by this package's classes
    files: list                # widget schema files, by name
    enums: list = dc_field(default_factory=list)
    families: list = dc_field(default_factory=list)  # one per file in `files`
    package: str = "pgwidgets.widgets"  # the proto package generated
    field_ids: dict = dc_field(default_factory=dict)  # state field name -> id (ids.py)
    traits: list = dc_field(default_factory=list)     # Traits declared in the generated files

    @property
    def is_core(self):
        """Whether this is the SDK's own package (not a user's)."""
        return self.package == "pgwidgets.widgets"

    @property
    def state_field_ids(self):
        return [(n, self.field_ids[n]) for n in self.state_fields]

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

    def cls(self, name):
        for c in self.classes:
            if c.name == name:
                return c
        raise KeyError(name)


def holds_value(message, seen=None):
    """Whether `message` holds a pgwidgets.Value, itself or in a value type
    it holds: the rows and items worth reading and writing directly (ts.py,
    cpp.py)."""
    seen = seen if seen is not None else set()
    if message.full_name in seen:
        return False
    seen.add(message.full_name)
    for f in message.fields:
        e = f.kind.element
        if isinstance(e, kinds.ValueElement):
            return True
        if isinstance(e, kinds.MessageElement) and holds_value(e.message, seen):
            return True
    return False


class DirectCode:
    """Which messages a language's generated code reads or writes straight
    off the wire (ts._Readers, cpp._Writers), and each field's code: those
    that hold a pgwidgets.Value (the rows and items where the time goes),
    whose message fields are value types of the message's own package (their
    code is in that family), and whose every field the language takes
    directly: `field_code(message, f)` gives the field's code or None. A
    message met again while its own answer is under way (one that holds
    itself) is not taken: protobuf's code bounds the depth. `order` gives
    the fields in the order the code takes them."""

    def __init__(self, field_code, order=lambda fields: fields):
        self.field_code = field_code
        self.order = order
        # By the model object (each schema read makes its own), which the
        # entry keeps alive so that its id is not reused.
        self.memo = {}

    def able(self, message):
        return self.codes(message) is not None

    def codes(self, message):
        """Each field's code (field_code), remembered, or None."""
        key = id(message)
        if key not in self.memo:
            self.memo[key] = (message, None)  # under way
            self.memo[key] = (message, self.codes_with(message, self.field_code))
        return self.memo[key][1]

    def codes_with(self, message, field_code):
        """As codes(), with another field_code, not remembered."""
        if not holds_value(message):
            return None
        package = message.full_name.rsplit(".", 1)[0]
        out = []
        for f in self.order(message.fields):
            e = f.kind.element
            if isinstance(e, kinds.MessageElement) and not (
                    e.message.value_type and e.message.full_name.rsplit(".", 1)[0] == package):
                return None
            code = field_code(message, f)
            if code is None:
                return None
            out.append(code)
        return out


def stem(path):
    return path.rsplit("/", 1)[-1].removesuffix(".proto")
