"""Reads protoc's descriptors into the widget model and checks the schema's
conventions (see schema/pgwidgets/options.proto):

- a `service` with option (pgwidgets.widget) is a widget class;
- an rpc named On<Name> returning a stream is a callback, any other rpc a method;
- ids are stable hashes of full names (ids.py): a class's id comes from its
  service's full name, a method's and a callback's from its rpc's, a state
  field's from its name; adding a class or method anywhere, in the SDK or in
  a user's package, changes no other id. Two names with one id are an error.
- one run generates one package (the SDK's pgwidgets.widgets, or a user's);
  the widget classes of the files it imports are read too, as bases and
  references, but not generated.
"""

import difflib
import re

from google.protobuf import descriptor_pb2

from . import naming
from . import ids
from . import kinds
from .descriptors import OptionReader, SchemaError, comments, lines, schema_fingerprint
from .model import KINDS, Callback, Enum, EnumValue, Family, Field, Message, Method, Schema, State, Trait, WidgetClass, stem

FDP = descriptor_pb2.FieldDescriptorProto
_TYPE_NAMES = {v: k[len("TYPE_"):].lower() for k, v in FDP.Type.items()}

WIDGET_PACKAGE = "pgwidgets.widgets"
# Packages that hold no widgets: the custom options and the wire envelope.
NON_WIDGET_PACKAGES = ("pgwidgets", "google.protobuf")


def _is_widget_file(f):
    return f.package not in NON_WIDGET_PACKAGES


class _Builder:
    def __init__(self, files, to_generate):
        self.files = {f.name: f for f in files}
        self.to_generate = sorted(n for n in to_generate if _is_widget_file(self.files[n]))
        # Every widget file protoc passed, imports included, by name: the
        # imported ones give base classes and referenced classes.
        self.known = sorted(n for n, f in self.files.items() if _is_widget_file(f))
        packages = sorted({self.files[n].package for n in self.to_generate})
        if len(packages) > 1:
            raise SchemaError(f"{self.to_generate[0]}: one run generates one package, "
                              f"these files declare {', '.join(packages)}")
        self.package = packages[0] if packages else WIDGET_PACKAGE
        self.options = OptionReader(files)
        self.messages = {}
        self.enums = {}
        self._class_files = {}
        self.traits = {}

    def build(self):
        for name in self.known:
            self._read_enums(self.files[name])
        for name in self.known:
            self._declare_messages(self.files[name])
        for name in self.known:
            self._read_messages(self.files[name])
        self._mark_value_types()
        every = []
        for name in self.known:
            every.extend(self._read_services(self.files[name]))
        self._apply_traits(every)
        self._link(every)
        self._link_creates(every)
        self._link_execs(every)
        self._number(every)
        generated = set(self.to_generate)
        classes = [c for c in every if self._class_files[c.name] in generated]
        state_fields = sorted({m.state_field for c in classes for m in c.methods if m.state_field}
                              | {st.name for c in classes for st in c.states})
        all_fields = sorted({m.state_field for c in every for m in c.methods if m.state_field}
                            | {st.name for c in every for st in c.states})
        field_ids = ids.assign("state field", all_fields, lambda n: n)
        for c in every:
            for m in c.methods:
                m.state_field_id = field_ids.get(m.state_field, 0)
                m.also_clears_ids = [field_ids.get(n, 0) for n in m.also_clears]
                m.pick_ids = [(status, field_ids.get(name, 0), negate) for status, name, negate in m.picks]
            for cb in c.callbacks:
                cb.updates_field_id = field_ids.get(cb.updates_field, 0)
            if c.group_field is not None:
                c.exclusive_field_id = field_ids.get(c.group_field.exclusive, 0)
            for st in c.states:
                st.field_id = field_ids[st.name]
        self._check(classes, every)
        self._check_enum_names(every)
        self._check_value_types(every)
        if self.package == WIDGET_PACKAGE:
            # The SDK's fingerprint covers the wire envelope and the options too.
            used = [self.files[n] for n in self.files if n.startswith("pgwidgets/")]
        else:
            used = [self.files[n] for n in self.to_generate]
        schema = Schema(classes=classes, messages=self.messages,
                        fingerprint=schema_fingerprint(used), state_fields=state_fields,
                        files=self.to_generate, enums=[e for e in self.enums.values() if e.file in generated],
                        package=self.package, field_ids=field_ids,
                        traits=[t for t in self.traits.values() if t.file in generated])
        schema.families = self._families(schema, every)
        return schema

    def _families(self, schema, every):
        """Groups the schema by file and works out what each group needs
        from the others (base classes, enums, return structs, referenced
        classes). Proto imports cannot cycle, but base classes are named by
        string, so a cycle between families is checked here. Imported files'
        families are made too, but only to be named (their headers)."""
        file_of = {c.name: self._class_files[c.name] for c in every}
        everything = Schema(classes=every, messages=self.messages, fingerprint=0, state_fields=[], files=[])
        returned = {id(m) for m in everything.return_structs}
        families = {}
        for name in self.known:
            families[name] = Family(
                name=stem(name), file=name,
                classes=[c for c in every if file_of[c.name] == name],
                enums=[e for e in self.enums.values() if e.file == name],
                return_structs=[m for m in everything.return_structs if m.file == name],
                value_types=_in_dependency_order([m for m in self.messages.values()
                                                  if m.value_type and m.file == name]),
                package=self.files[name].package)
        for fam in families.values():
            needs, foreign, files = set(), set(), set()
            messages = list(fam.value_types)
            for c in fam.classes:
                if c.base is not None:
                    needs.add(file_of[c.base.name])
                messages += [m for x in c.methods for m in (x.request, x.response)]
                messages += [cb.message for cb in c.callbacks]
                messages += [c.ctor] if c.ctor else []
            for message in messages:
                files.add(message.file)
                if id(message) in returned:
                    needs.add(message.file)
                for f in message.fields:
                    if f.enum is not None:
                        needs.add(f.enum.file)
                    if f.message is not None:
                        needs.add(f.message.file)
                        files.add(f.message.file)
                    if f.ref:
                        if f.ref not in file_of:
                            raise SchemaError(f"{message.name}.{f.name}: ref names unknown class {f.ref}")
                        needs.add(file_of[f.ref])
                        if file_of[f.ref] != fam.file:
                            foreign.add(f.ref)
            needs.discard(fam.file)
            fam.depends = [families[n] for n in self.known if n in needs]
            fam.foreign_classes = sorted(foreign)
            fam.message_files = [n for n in self.files if n in files]
        for fam in families.values():
            self._check_acyclic(fam, [])
        return [families[n] for n in self.to_generate]

    def _check_acyclic(self, fam, path):
        if fam in path:
            cycle = " -> ".join(f.file for f in path[path.index(fam):] + [fam])
            raise SchemaError(f"schema files depend on each other in a cycle: {cycle}")
        for dep in fam.depends:
            self._check_acyclic(dep, path + [fam])

    def _read_enums(self, f):
        """Enum values are package-wide names in proto, so each is prefixed
        with its enum's name: HAlign's H_ALIGN_CENTER is the word "center"."""
        docs = comments(f)
        for ei, e in enumerate(f.enum_type):
            prefix = naming.snake_case(e.name).upper() + "_"
            values = []
            for vi, v in enumerate(e.value):
                word = v.name[len(prefix):].lower()
                if not v.name.startswith(prefix) or not re.fullmatch(r"[a-z][a-z0-9_]*", word):
                    raise SchemaError(f"{f.name}: enum {e.name}: value {v.name} must be named {prefix}<WORD>, "
                                      f"the word in upper case (letters, digits, _)")
                values.append(EnumValue(word, v.number, docs.get((5, ei, 2, vi), "")))
            if e.options.allow_alias:
                raise SchemaError(f"{f.name}: enum {e.name}: aliases are not supported (one word per value)")
            full = f"{f.package}.{e.name}"
            self.enums[full] = Enum(e.name, full, f.name, values, docs.get((5, ei), ""))

    def _check_enum_names(self, classes):
        taken = {c.name for c in classes} | {f"{c.name}Options" for c in classes} | \
            {m.name for m in self.messages.values()}
        for e in self.enums.values():
            if e.name in taken:
                raise SchemaError(f"enum {e.name} clashes with a class, options struct or message of that name")

    def _declare_messages(self, f):
        """Every message by full name, fields still empty: a field may name a
        message declared later, or its own (a tree node's children)."""
        docs = comments(f)
        for mi, m in enumerate(f.message_type):
            for nested in m.nested_type:
                if not nested.options.map_entry:
                    raise SchemaError(f"{f.name}: message {m.name}: nested message {nested.name}: declare it "
                                      f"at the top level of the file (C++ and TypeScript name it on its own)")
            if m.enum_type:
                raise SchemaError(f"{f.name}: message {m.name}: nested enums are not supported; declare "
                                  f"the enum at the top level of the file")
            full = f"{f.package}.{m.name}"
            self.messages[full] = Message(full, m.name, [], f.name, docs.get((4, mi), ""))

    def _read_messages(self, f):
        docs = comments(f)
        for mi, m in enumerate(f.message_type):
            entries = {f".{f.package}.{m.name}.{n.name}": n for n in m.nested_type}
            message = self.messages[f"{f.package}.{m.name}"]
            for fi, fd in enumerate(m.field):
                message.fields.append(self._field(f, m, fd, docs.get((4, mi, 2, fi), ""), entries))

    def _mark_value_types(self):
        """Value types: every message a field holds, and every message of a
        widget file that declares no widget (data.proto: types the widgets
        to come will carry)."""
        pending = [m for m in self.messages.values() if not self.files[m.file].service]
        pending += [f.message for m in self.messages.values() for f in m.fields if f.message is not None]
        while pending:
            m = pending.pop()
            if m.value_type:
                continue
            m.value_type = True
            pending += [f.message for f in m.fields if f.message is not None]

    def _check_value_types(self, classes):
        taken = {c.name for c in classes} | {f"{c.name}Options" for c in classes} | \
            {e.name for e in self.enums.values()}
        for m in self.messages.values():
            if not m.value_type:
                continue
            if m.name in taken:
                raise SchemaError(f"{m.file}: message {m.name} is a value type, and its name clashes with a "
                                  f"class, options struct or enum (both are pgw::{m.name} in C++)")
            if m.name == "Value":
                raise SchemaError(f"{m.file}: message Value: the name is pgwidgets.Value's "
                                  f"(pgw::Value in C++); use that one or choose another name")
            for f in m.fields:
                if f.ref:
                    raise SchemaError(f"{m.file}: {m.name}.{f.name}: a value type cannot hold a widget "
                                      f"reference (a widget is not a value a table or tree can carry)")
            self._check_holds_itself(m, [m])

    def _check_holds_itself(self, m, path):
        """A message may hold itself only through a list or a map: a C++
        struct cannot contain itself."""
        for f in m.fields:
            if f.message is None or f.kind.list_like:
                continue
            if any(x is f.message for x in path):
                chain = " -> ".join(x.name for x in path + [f.message])
                raise SchemaError(f"{m.file}: message {f.message.name} holds itself ({chain}) through a "
                                  f"single field; make the field `repeated` (a list of children)")
            self._check_holds_itself(f.message, path + [f.message])

    def _element(self, where, fd, proto_type, entries):
        """The element kind of field descriptor `fd` (a map's: its value's)
        and its enum and message, or a SchemaError."""
        if proto_type == "enum":
            enum = self.enums.get(fd.type_name.lstrip("."))
            if enum is None:
                raise SchemaError(f"{where}: enum {fd.type_name.lstrip('.')} must be declared in a widget "
                                  f"package (not {', '.join(NON_WIDGET_PACKAGES)})")
            return kinds.EnumElement(enum), enum, None
        if proto_type == "message":
            full = fd.type_name.lstrip(".")
            if full == kinds.VALUE_MESSAGE:
                return kinds.ValueElement(), None, None
            if full not in self.messages:
                raise SchemaError(f"{where}: message {full} must be declared in a widget package, or be "
                                  f"{kinds.VALUE_MESSAGE}")
            return kinds.MessageElement(self.messages[full]), None, self.messages[full]
        if proto_type not in naming.SCALAR_TYPES:
            raise SchemaError(f"{where}: fields of type {proto_type} are not supported")
        return kinds.Scalar(proto_type), None, None

    def _field(self, f, m, fd, doc, entries):
        where = f"{f.name}: {m.name}.{fd.name}"
        proto_type = _TYPE_NAMES[fd.type]
        if proto_type == "group":
            raise SchemaError(f"{where}: groups are not supported")
        entry = entries.get(fd.type_name) if proto_type == "message" else None
        is_map = entry is not None
        if is_map:
            key, value = entry.field
            if _TYPE_NAMES[key.type] != "string":
                raise SchemaError(f"{where}: a map's key must be a string (map<string, ...>)")
            proto_type = _TYPE_NAMES[value.type]
            element, enum, message = self._element(where, value, proto_type, entries)
        else:
            element, enum, message = self._element(where, fd, proto_type, entries)
        repeated = fd.label == FDP.LABEL_REPEATED and not is_map
        if enum is not None and repeated:
            raise SchemaError(f"{where}: repeated enum fields are not supported")
        if proto_type == "message" and fd.proto3_optional:
            raise SchemaError(f"{where}: a message field is always there (its zero is the empty value); "
                              f"drop `optional`")
        opts = self.options.field(fd)
        ref = (opts.ref or None) if opts else None
        if ref and proto_type != "uint32":
            raise SchemaError(f"{where}: a widget reference must be uint32")
        if ref:
            element = kinds.Ref(ref)
        default = opts.default if opts and opts.default != "" else None
        if default is not None and (repeated or is_map or proto_type == "message"):
            raise SchemaError(f"{where}: only a single scalar or enum field can have a default")
        if default is not None and enum is not None:
            if default not in enum.words:
                raise SchemaError(f"{where}: default {default!r} is not a word of {enum.name}: "
                                  f"{', '.join(enum.words)}")
        elif default is not None:
            try:
                naming.check_default(proto_type, default)
            except ValueError as e:
                raise SchemaError(f"{where}: default {default!r}: {e}") from None
        field = Field(
            name=fd.name, number=fd.number, proto_type=proto_type,
            repeated=repeated,
            presence=fd.proto3_optional,
            ref=ref,
            default=default,
            positional=bool(opts and opts.positional),
            doc=doc, enum=enum,
            exclusive=(opts.exclusive if opts else ""),
            dtype=(opts.dtype if opts else ""),
            with_option=(opts.with_option if opts else ""),
            lazy=bool(opts and opts.lazy),
            message=message, is_map=is_map,
        )
        if field.lazy and not (repeated and not is_map and proto_type == "message" and message is not None):
            raise SchemaError(f"{where}: only a repeated field of a value type can be lazy")
        field.kind = kinds.of(field, element, repeated, fd.proto3_optional, is_map)
        return field

    def _message(self, type_name, where):
        full = type_name.lstrip(".")
        if full not in self.messages:
            raise SchemaError(f"{where}: message {full} must be declared in a widget package "
                              f"(not {', '.join(NON_WIDGET_PACKAGES)})")
        return self.messages[full]

    def _read_services(self, f):
        docs = comments(f)
        line_of = lines(f)
        out = []
        for si, s in enumerate(f.service):
            where = f"{f.name}:{line_of[(6, si)]}" if (6, si) in line_of else f.name
            opts = self.options.service(s)
            if opts is None:
                raise SchemaError(f"{where}: service {s.name} lacks option (pgwidgets.widget), "
                                  f"so it cannot be generated")
            if opts.trait:
                self._read_trait(f, s, opts, docs.get((6, si), ""), where)
                continue
            ctor = self._message(f"{f.package}.{opts.constructor}", f"{s.name} constructor") \
                if opts.constructor else None
            c = WidgetClass(name=s.name, id=0, base_name=opts.base, abstract=opts.abstract,
                            ctor=ctor, own_window=opts.window, doc=docs.get((6, si), ""),
                            proto_name=f"{f.package}.{s.name}", where=where, file=f.name)
            c.trait_names = list(opts.traits)
            c.exec_answer_name = opts.exec_answer
            c.exec_cancel_name = opts.exec_cancel
            c.only_created_by_name = opts.only_created_by
            self._class_files.setdefault(s.name, f.name)
            for st in opts.state:
                c.states.append(State(name=st.name, owner=s.name,
                                      kind=self.options.enum_name("pgwidgets.State.Kind", st.kind).lower(),
                                      snapshot_name=st.snapshot, init_name=st.init,
                                      snapshot_all_name=st.snapshot_all,
                                      per_child=st.per_child, deferred=st.deferred, within_name=st.within,
                                      by_cell=st.by_cell, column_of_name=st.column_of,
                                      column_key_name=st.column_key, columns_there=st.columns_there,
                                      count_names=list(st.counts), cell_names=list(st.cells)))
            for mi, rpc in enumerate(s.method):
                doc = docs.get((6, si, 2, mi), "")
                where = f"{f.name}: {s.name}.{rpc.name}"
                if rpc.server_streaming:
                    c.callbacks.append(self._callback(c, rpc, doc, where))
                else:
                    c.methods.append(self._method(c, rpc, doc, where))
            out.append(c)
        return out

    def _read_trait(self, f, s, opts, doc, where):
        """A trait: callbacks only, declared once for the classes naming it."""
        if opts.base or opts.constructor or opts.abstract or opts.window or opts.traits:
            raise SchemaError(f"{where}: trait {s.name} declares callbacks only (no base, constructor, "
                              f"abstract, window or traits)")
        if s.name in self.traits:
            raise SchemaError(f"{where}: trait {s.name} is declared twice")
        t = Trait(name=s.name, option=opts.trait, callbacks=[], proto_name=f"{f.package}.{s.name}",
                  file=f.name, doc=doc)
        for rpc in s.method:
            here = f"{f.name}: {s.name}.{rpc.name}"
            if not rpc.server_streaming:
                raise SchemaError(f"{here}: a trait declares callbacks only (rpc On<Name> returning a stream)")
            cb = self._callback(t, rpc, "", here)
            if cb.updates_field or cb.op or any(x.with_option or x.dtype for x in cb.message.fields):
                raise SchemaError(f"{here}: a trait's callback cannot update state or depend on "
                                  f"another option (its option is `{t.option}`)")
            t.callbacks.append(cb)
        docs = comments(f)
        si = list(f.service).index(s)
        for mi, cb in enumerate(t.callbacks):
            cb.doc = docs.get((6, si, 2, mi), "")
        self.traits[s.name] = t

    def _apply_traits(self, classes):
        """Each class gets its traits' callbacks as its own (ids from the
        class's name, as if declared there), bound to its constructor's bool
        option that turns them on."""
        for c in classes:
            for name in c.trait_names:
                t = self.traits.get(name)
                if t is None and self._class_files[c.name] not in self.to_generate:
                    # An imported class (a user package's base) whose trait's
                    # file was not imported: its callbacks live in its own
                    # package's code, which this run does not write.
                    continue
                if t is None:
                    close = difflib.get_close_matches(name, list(self.traits), n=1)
                    hint = f' (did you mean "{close[0]}"?)' if close else ""
                    raise SchemaError(f'{c.where}: unknown trait "{name}"{hint} (a trait of another '
                                      f'file needs that file imported)')
                if any(x is t for x in c.traits):
                    raise SchemaError(f"{c.where}: trait {name} is named twice")
                option = next((f for f in c.ctor_fields if f.name == t.option), None)
                if (option is None or option.proto_type != "bool" or not option.presence or option.positional
                        or option.repeated):
                    raise SchemaError(f"{c.where}: class {c.name} has trait {name}, so its constructor needs "
                                      f"`optional bool {t.option}` (an option: the page listens only when it is true)")
                c.traits.append(t)
                for tcb in t.callbacks:
                    c.callbacks.append(Callback(
                        rpc_name=tcb.rpc_name, name=tcb.name, id=0, owner=c.name, message=tcb.message,
                        user_action=tcb.user_action, user_step=tcb.user_step, coalesce=tcb.coalesce, doc=tcb.doc,
                        proto_name=tcb.proto_name, id_name=f"{c.proto_name}.{tcb.rpc_name}",
                        trait=t.name, needs_field=option))

    def _callback(self, c, rpc, doc, where):
        if not rpc.name.startswith("On") or len(rpc.name) < 3:
            raise SchemaError(f"{where}: a callback rpc must be named On<Name>")
        opts = self.options.callback(rpc)
        op = self.options.enum_name("pgwidgets.Method.StateOp", opts.op).lower() if opts and opts.op else ""
        return Callback(rpc_name=rpc.name, name=naming.snake_case(rpc.name[2:]), id=0, owner=c.name,
                        message=self._message(rpc.output_type, where),
                        updates_field=(opts.updates if opts else ""),
                        updates_setter=(opts.setter if opts else ""),
                        user_action=(opts.user if opts else 0),
                        user_step=(opts.step if opts else 0),
                        coalesce=bool(opts and opts.coalesce), doc=doc,
                        proto_name=f"{c.proto_name}.{rpc.name}",
                        op=op, op_index_name=(opts.index if opts else ""), op_to_name=(opts.to if opts else ""))

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
                   response=self._message(rpc.output_type, where), doc=doc,
                   proto_name=f"{c.proto_name}.{rpc.name}")
        if opts is not None:
            m.state_field = opts.field
            m.replace = opts.replace
            m.deferred = opts.deferred
            m.value = opts.value
            m.first_of = opts.first_of
            m.font_shorthand = opts.font_shorthand
            m.fractions = opts.fractions
            m.latest_wins = opts.latest_wins
            if m.latest_wins and (kind not in ("setter", "action") or m.response.fields):
                raise SchemaError(f"{where}: `latest_wins` belongs on a SETTER or ACTION returning nothing")
            m.page_applies = opts.page_applies
            if m.page_applies and (kind != "action" or m.response.fields):
                raise SchemaError(f"{where}: `page_applies` belongs on an ACTION returning nothing")
            m.appends = opts.appends
            if m.appends and (kind != "setter" or [f.proto_type for f in m.request.fields] != ["string"]
                              or m.request.fields[0].repeated or m.request.fields[0].presence):
                raise SchemaError(f"{where}: `appends` belongs on a SETTER taking one string")
            if m.fractions and (kind not in ("setter", "action")
                                or not any(f.proto_type == "double" for f in m.request.fields)):
                raise SchemaError(f"{where}: `fractions` belongs on a SETTER or ACTION taking doubles")
            m.creates = opts.creates
            m.child_into_name = opts.child_into
            m.element_name = opts.element
            if m.font_shorthand and [(f.name, f.proto_type) for f in m.request.fields] != [
                    ("font", "string"), ("size", "double"), ("weight", "string"), ("style", "string")]:
                raise SchemaError(f"{where}: `font_shorthand` belongs on a SETTER taking "
                                  f"(string font, optional double size, optional string weight, optional string style)")
            if opts.op:
                m.op = self.options.enum_name("pgwidgets.Method.StateOp", opts.op).lower()
            m.to_field = self._named_field(m.request, opts.to, where) if opts.to else None
            m.items_field = self._named_field(m.request, opts.items, where) if opts.items else None
            m.cell_field = self._named_field(m.request, opts.cell, where) if opts.cell else None
            m.of_name = opts.of
            m.prune_name = opts.prune
            m.prune_field = self._named_field(m.request, opts.prune, where) if opts.prune else None
            m.axis = opts.axis
            m.fresh = opts.fresh
            m.also_clears = list(opts.also_clears)
            m.pick_field = self._named_field(m.request, opts.pick, where) if opts.pick else None
            m.picks = [self._pick(p, where) for p in opts.picks]
            m.before_field = self._named_field(m.request, opts.before, where) if opts.before else None
            m.column_field = self._named_field(m.request, opts.column, where) if opts.column else None
            m.call_texts = list(opts.calls)
            if m.call_texts and (kind != "action" or m.response.fields):
                raise SchemaError(f"{where}: `calls` belongs on an ACTION returning nothing")
            if m.first_of and (kind != "getter" or len(m.response.fields) != 1
                               or m.response.fields[0].proto_type != "int32"):
                raise SchemaError(f"{where}: `first_of` belongs on a GETTER answering one int32 (an index)")
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
                raise SchemaError(f"{c.where}: widget class {c.name} is declared twice "
                                  f"(also at {by_name[c.name].where}); class names are one space "
                                  f"across packages, as they are in C++ and TypeScript")
            by_name[c.name] = c
        # A base may be named by its full name too ("pgwidgets.widgets.Widget").
        by_proto = {c.proto_name: c for c in classes}
        for c in classes:
            if c.base_name:
                base = by_name.get(c.base_name) or by_proto.get(c.base_name)
                if base is None:
                    close = difflib.get_close_matches(c.base_name, list(by_name) + list(by_proto), n=1)
                    hint = f' (did you mean "{close[0]}"?)' if close else ""
                    raise SchemaError(f'{c.where}: unknown base class "{c.base_name}"{hint}')
                c.base = base
        for c in classes:  # no cycles
            seen = set()
            for a in c.ancestry():
                if a.name in seen:
                    raise SchemaError(f"{c.name}: its base classes form a cycle")
                seen.add(a.name)
        roots = [c for c in classes if c.base is None]
        if len(roots) != 1:
            raise SchemaError(f"exactly one root widget class is needed, found {[r.name for r in roots]}")

    def _link_execs(self, classes):
        """exec(): `exec_answer` names a callback of the class whose message
        holds one field (the answer), `exec_cancel` one with none; the
        widget is shown by its Show method."""
        for c in classes:
            if not (c.exec_answer_name or c.exec_cancel_name):
                continue
            if not (c.exec_answer_name and c.exec_cancel_name):
                raise SchemaError(f"{c.where}: exec needs both `exec_answer` and `exec_cancel`")
            cbs = {cb.rpc_name: cb for cb in c.all_callbacks}
            answer = cbs.get(c.exec_answer_name)
            cancel = cbs.get(c.exec_cancel_name)
            if answer is None or len(answer.message.fields) != 1:
                raise SchemaError(f"{c.where}: exec_answer {c.exec_answer_name!r} must be a callback of "
                                  f"{c.name} whose message holds one field")
            if cancel is None:
                raise SchemaError(f"{c.where}: exec_cancel {c.exec_cancel_name!r} is no callback of {c.name}")
            show = next((m for m in c.all_methods if m.rpc_name == "Show"), None)
            if show is None:
                raise SchemaError(f"{c.where}: exec shows the widget with Show, which {c.name} lacks")
            c.exec_answer, c.exec_cancel, c.exec_show = answer, cancel, show

    def _link_creates(self, classes):
        """A CREATE names the class it creates and, with `child`, the created
        class's ATTACH that puts the child in; both are checked here."""
        by_name = {c.name: c for c in classes}
        for c in classes:
            for m in c.methods:
                where = f"{c.name}.{m.rpc_name}"
                if m.kind != "create":
                    if m.creates or m.child_into_name:
                        raise SchemaError(f"{where}: `creates` and `child_into` belong on a CREATE")
                    continue
                created = by_name.get(m.creates)
                if created is None:
                    close = difflib.get_close_matches(m.creates, list(by_name), n=1)
                    hint = f' (did you mean "{close[0]}"?)' if close else ""
                    raise SchemaError(f'{where}: a CREATE names the class it creates in `creates`; '
                                      f'"{m.creates}" is no class{hint}')
                if created.abstract or created.window:
                    raise SchemaError(f"{where}: creates {created.name}, which is "
                                      f"{'abstract' if created.abstract else 'a window'}; a created widget "
                                      f"is a concrete class that goes inside the creating one")
                if self._class_files[created.name] != self._class_files[c.name]:
                    raise SchemaError(f"{where}: creates {created.name}, declared in another schema file; "
                                      f"the created class must be in the creating class's file")
                if not m.response.is_empty:
                    raise SchemaError(f"{where}: a CREATE returns Empty in the schema (C++ returns the "
                                      f"created widget's handle)")
                m.created = created
                created.created_by.append(m)
                m.adopt_message = self.messages.get(f"{WIDGET_PACKAGE}.Child")
                if m.child_field is not None:
                    if not m.child_into_name:
                        raise SchemaError(f"{where}: a CREATE with `child` names, in `child_into`, the ATTACH "
                                          f"of {created.name} that puts the child in the new widget")
                    into = next((x for x in created.all_methods if x.rpc_name == m.child_into_name), None)
                    if into is None or into.kind != "attach" or into.index_field is not None:
                        raise SchemaError(f"{where}: child_into {m.child_into_name!r} must be an ATTACH of "
                                          f"{created.name} (or a base) without `index`")
                    if [f.name for f in into.params] != [into.child_field.name]:
                        raise SchemaError(f"{where}: child_into {m.child_into_name!r} must take only its child")
                    m.child_into = into
                elif m.child_into_name:
                    raise SchemaError(f"{where}: `child_into` needs `child` (the request field it puts in)")
                ctor = {f.name: f for f in created.ctor_fields}
                for f in m.ctor_params:
                    g = ctor.get(f.name)
                    if f.repeated or f.is_map or f.proto_type == "message":
                        raise SchemaError(f"{where}: argument {f.name}: a CREATE's arguments are single scalars "
                                          f"or enums (lists and structs belong in the created class's methods)")
                    if g is None or (g.proto_type, g.repeated, g.enum, g.ref) != (f.proto_type, f.repeated, f.enum, f.ref):
                        raise SchemaError(f"{where}: argument {f.name} must be a constructor field of "
                                          f"{created.name} with the same name and type (a CREATE's arguments "
                                          f"are the created widget's constructor arguments)")
        for c in classes:
            if not c.only_created_by_name:
                continue
            maker = by_name.get(c.only_created_by_name)
            if maker is None:
                close = difflib.get_close_matches(c.only_created_by_name, list(by_name), n=1)
                hint = f' (did you mean "{close[0]}"?)' if close else ""
                raise SchemaError(f'{c.where}: only_created_by names the class whose CREATE makes {c.name}; '
                                  f'"{c.only_created_by_name}" is no class{hint}')
            if not any(m.created is c for m in maker.all_methods if m.kind == "create"):
                raise SchemaError(f"{c.where}: only_created_by {maker.name}, but no CREATE method of "
                                  f"{maker.name} creates {c.name} (its `creates` must name it): nothing "
                                  f"could make a {c.name}")
            c.only_created_by = maker

    def _number(self, classes):
        """Ids from full names (ids.py), so none shifts when a class or a
        method is added; a collision among the names this run sees fails."""
        class_ids = ids.assign("class", classes, lambda c: c.proto_name)
        method_ids = ids.assign("method", [m for c in classes for m in c.methods], lambda m: m.proto_name)
        callback_ids = ids.assign("callback", [cb for c in classes for cb in c.callbacks],
                                  lambda cb: cb.id_name or cb.proto_name)
        for c in classes:
            c.id = class_ids[c.proto_name]
            for m in c.methods:
                m.id, m.owner_id = method_ids[m.proto_name], c.id
            for cb in c.callbacks:
                cb.id, cb.owner_id = callback_ids[cb.id_name or cb.proto_name], c.id

    def _check(self, classes, every):
        names = {c.name for c in every} | {f"{c.name}Options" for c in every}
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
            if f.proto_type == "message" or f.is_map:
                raise SchemaError(f"{c.name}: constructor field {f.name}: a constructor option cannot hold a "
                                  f"message or a map (options structs must be trivially destructible, g++ 12 "
                                  f"destroys a braced one twice in a co_await); take it in a method")
            if f.default is not None and not f.presence:
                raise SchemaError(f"{c.name}: constructor field {f.name} has a default, so it must be "
                                  f"declared `optional` (a plain proto3 field cannot send its zero value)")
            if f.ref and not (f.exclusive and f.presence and not f.positional and not f.repeated):
                raise SchemaError(f"{c.name}: constructor field {f.name}: a widget reference in a constructor "
                                  f"must be an `optional` group reference with `exclusive` (radio groups)")
            if f.exclusive:
                self._check_group(c, f)
        if sum(1 for f in c.ctor_fields if f.exclusive) > 1:
            raise SchemaError(f"{c.name}: only one constructor field may name a group (`exclusive`)")
        for m in c.methods:
            self._check_method(c, m, taken_names)
        for st in c.states:
            self._check_state(c, st)
        self._check_columns(c)
        for m in c.methods:
            if m.call_texts:
                self._link_calls(c, m)
        actions = {}
        for cb in c.callbacks:
            # KEY and POINTER actions fire one callback per step.
            stepped = self.options.enum_name("pgwidgets.Callback.UserAction", cb.user_action) in ("KEY", "POINTER") \
                if cb.user_action else False
            if stepped and not cb.user_step:
                raise SchemaError(f"{c.name}.{cb.rpc_name}: a `user: KEY` or `user: POINTER` callback needs a `step`")
            if cb.user_step and not stepped:
                raise SchemaError(f"{c.name}.{cb.rpc_name}: `step` belongs on a `user: KEY` or `user: POINTER` callback")
            key = (cb.user_action, cb.user_step)
            if cb.user_action and actions.setdefault(key, cb.rpc_name) != cb.rpc_name:
                raise SchemaError(f"{c.name}.{cb.rpc_name}: {actions[key]} is marked with the same "
                                  f"`user` action (and step); the test kit would not know which one fires")
        for m in c.methods:
            if m.kind == "getter" and m.state is not None:
                self._check_collection_getter(c, m)
        states = {st.name: st for st in c.all_states}
        for cb in c.callbacks:
            if cb.updates_field in states:
                self._check_collection_callback(c, cb, states[cb.updates_field])
            elif cb.op or cb.op_index_name or cb.op_to_name:
                raise SchemaError(f"{c.name}.{cb.rpc_name}: `op`, `index` and `to` belong on a callback whose "
                                  f"`updates` names a collection State of {c.name}"
                                  + (f" ({cb.updates_field!r} is none)" if cb.updates_field else ""))
            elif cb.updates_field:
                setter = self._setter_of(c, cb.updates_field, cb.message, cb.updates_setter)
                if setter is None:
                    raise SchemaError(f"{c.name}.On{cb.rpc_name[2:]}: updates {cb.updates_field!r}, but no "
                                      f"setter of that field takes {cb.message.name} (or some of its fields)")
                cb.updates_method_id = setter.id
            self._check_dtype(c, cb)
            self._check_with_option(c, cb)

    # Which operations fit which kind of State.
    STATE_OPS = {
        "list": ("list_append", "list_insert", "list_insert_sorted", "list_remove", "list_remove_value",
                 "list_move", "clear", "assign", "set_cell", "column_insert", "column_delete"),
        "tree": ("tree_add", "tree_update", "tree_put", "tree_remove", "clear", "assign", "put_all",
                 "remove_all", "delete_all", "set_cell"),
        "set": ("set_add", "set_remove", "clear", "assign", "put_all", "remove_all", "all_parents", "all_nodes"),
    }
    # Operations taking many elements at once (the request's `items`).
    BULK_OPS = ("assign", "put_all", "remove_all", "delete_all")
    OF_OPS = ("all_parents", "all_nodes")
    # Operations naming a target field (`to`).
    TO_OPS = ("list_move", "set_cell")
    # Operations on a grid's extent (State.counts).
    LINE_OPS = ("line_insert", "line_delete")
    # Operations on a LIST of columns (State.column_of follows them).
    COLUMN_OPS = ("column_insert", "column_delete")
    # Operations whose request names a position, path or key (`index`).
    KEYED_OPS = ("list_insert", "list_remove", "list_move", "tree_add", "tree_update", "tree_put",
                 "tree_remove", "set_add", "set_remove", "set_cell")

    def _check_state(self, c, st):
        """A collection State: unique in the class's ancestry, its snapshot
        an op setter of it taking the element, its init a repeated
        constructor field filling the snapshot request's one field."""
        where = f"{c.name}: state {st.name!r}"
        for owner in c.ancestry():
            for other in owner.states:
                if other is not st and other.name == st.name:
                    raise SchemaError(f"{where}: declared twice ({owner.name})")
        if st.is_extent or st.cell_names:
            self._check_extent(c, st, where)
            return
        snapshot = next((m for m in c.methods if m.rpc_name == st.snapshot_name), None)
        if snapshot is None:
            raise SchemaError(f"{where}: `snapshot` must name an rpc of {c.name} ({st.snapshot_name!r} is none)")
        adds = {"list": ("list_append", "column_insert"), "tree": ("tree_add", "tree_put"),
                "set": ("set_add",)}[st.kind]
        if snapshot.state_field != st.name or snapshot.op not in adds:
            raise SchemaError(f"{where}: its snapshot {snapshot.rpc_name} must be a SETTER of {st.name!r} "
                              f"with op {' or '.join(a.upper() for a in adds)}")
        st.snapshot = snapshot
        if st.snapshot_all_name:
            bulk = next((m for m in c.methods if m.rpc_name == st.snapshot_all_name), None)
            if bulk is None or bulk.state_field != st.name or bulk.op != "assign":
                raise SchemaError(f"{where}: `snapshot_all` must name an ASSIGN SETTER of {st.name!r} "
                                  f"({st.snapshot_all_name!r} is none)")
            st.snapshot_all = bulk
        if st.per_child and st.kind != "tree":
            raise SchemaError(f"{where}: `per_child` is for a TREE (one-key paths of child widgets)")
        if st.within_name:
            self._check_within(c, st, where)
        elif st.by_cell:
            raise SchemaError(f"{where}: `by_cell` belongs on a SET `within` a TREE or LIST")
        if st.init_name:
            init = next((f for f in c.ctor_fields if f.name == st.init_name), None)
            fields = snapshot.request.fields
            if init is None or st.kind != "list" or not init.repeated or init.is_map or init.proto_type != "string":
                raise SchemaError(f"{where}: `init` must name a repeated string constructor field of a LIST")
            if not fields or fields[0].repeated or fields[0].proto_type != init.proto_type or any(
                    not f.presence for f in fields[1:]):
                raise SchemaError(f"{where}: `init`'s items must fill the first field of {snapshot.request.name}")
            st.init, st.element_field = init, fields[0]

    def _link_calls(self, c, m):
        """An ACTION standing for setter calls: each part names a request
        field (or a field of its message field) and a SETTER of the class
        taking what that field holds: the items of a repeated message field
        or the message, each as the setter's request; a bool, for a setter
        without arguments."""
        where = f"{c.name}.{m.rpc_name}"
        setters = {s.rpc_name: s for owner in c.ancestry() for s in owner.methods if s.kind == "setter"}
        for text in m.call_texts:
            path, eq, name = text.partition("=")
            setter = setters.get(name)
            if not eq or setter is None:
                raise SchemaError(f"{where}: a call is \"field=Setter\", a SETTER of {c.name} ({text!r})")
            outer, _, inner = path.rpartition(".")
            message, outer_field = m.request, None
            if outer:
                outer_field = self._named_field(m.request, outer, where)
                if outer_field.proto_type != "message" or outer_field.repeated or outer_field.is_map:
                    raise SchemaError(f"{where}: {outer!r} in {text!r} must be a message field")
                message = outer_field.message
            field = self._named_field(message, inner, where)
            if field.proto_type == "bool" and not field.repeated:
                ok = setter.request.is_empty
            else:
                ok = field.proto_type == "message" and not field.is_map and field.message is setter.request
            if not ok:
                raise SchemaError(f"{where}: {path} must hold what {name} takes ({setter.request.name}), or be a "
                                  f"bool for a setter without arguments")
            m.calls.append((outer_field, field, setter))

    def _check_column_op(self, m, where):
        """A COLUMN_INSERT names its place by position (`index`), by the
        name of the column it goes before (`before`) or not at all (the
        end), and may take its element from a message field (`element`); a
        COLUMN_DELETE names its column by position or name (`column`)."""
        def plain(f, proto_type):
            return f is not None and f.proto_type == proto_type and not f.repeated and not f.is_map
        if m.op == "column_insert":
            if m.column_field is not None or (m.index_field is not None and m.before_field is not None):
                raise SchemaError(f"{where}: a COLUMN_INSERT names its place by `index` or `before`, not both, "
                                  f"and no `column`")
        elif (m.index_field is None) == (m.column_field is None) or m.before_field is not None or m.element_name:
            raise SchemaError(f"{where}: a COLUMN_DELETE names its column by `index` or `column` (one of them)")
        if m.index_field is not None and not plain(m.index_field, "int32"):
            raise SchemaError(f"{where}: a column position `index` is one int32")
        for f in (m.before_field, m.column_field):
            if f is not None and not plain(f, "string"):
                raise SchemaError(f"{where}: `{f.name}` names a column: one string")
        if m.element_name:
            e = next((f for f in m.request.fields if f.name == m.element_name), None)
            if e is None or e.proto_type != "message" or e.repeated or e.is_map:
                raise SchemaError(f"{where}: `element` names the request's message field holding the column")
            m.element_field = e

    def _column_element(self, st):
        """The message a LIST of columns holds: its snapshot's `element`
        field's, or its snapshot's request."""
        snap = st.snapshot
        return snap.element_field.message if snap.element_field is not None else snap.request

    def _check_columns(self, c):
        """A LIST of columns: its ops agree with how it names a column (by
        position, or by its elements' `column_key`), a rebuild sends it
        whole (`snapshot_all`, taking the elements its ops add), and every
        State `column_of` it, and plain setter naming a `column`, holds a
        column as the list names one."""
        for st in c.states:
            where = f"{c.name}: state {st.name!r}"
            ops = [m for m in c.all_methods if m.state is st and m.op in self.COLUMN_OPS]
            if st.column_key_name or ops:
                if st.kind != "list" or not st.snapshot_all:
                    raise SchemaError(f"{where}: a LIST of columns (COLUMN_INSERT, COLUMN_DELETE, `column_key`) "
                                      f"is a LIST with `snapshot_all`")
                element = self._column_element(st)
                if st.snapshot_all.items_field.message is not element:
                    raise SchemaError(f"{where}: {st.snapshot_all.rpc_name}'s items must be what the column "
                                      f"ops add ({element.name})")
                for m in ops:
                    added = m.element_field.message if m.element_field is not None else m.request
                    if m.op == "column_insert" and added is not element:
                        raise SchemaError(f"{c.name}.{m.rpc_name}: adds {added.name}, the list holds {element.name}")
                if st.column_key_name:
                    st.column_key = next((f for f in element.fields if f.name == st.column_key_name), None)
                    if st.column_key is None or st.column_key.proto_type != "string" or st.column_key.repeated:
                        raise SchemaError(f"{where}: `column_key` names a string field of {element.name}")
                for m in ops:
                    by_name = m.before_field is not None or m.column_field is not None
                    if by_name and st.column_key is None:
                        raise SchemaError(f"{c.name}.{m.rpc_name}: the columns of {st.name!r} are named by "
                                          f"position (no `column_key`): no `before` or `column`")
            if st.column_of_name:
                self._check_column_of(c, st, where)
            if st.columns_there and not (st.by_cell and st.column_of_name):
                raise SchemaError(f"{where}: `columns_there` is for a by_cell SET `column_of` a LIST of columns")
        columns = [st for st in c.all_states if st.column_key is not None
                   or any(m.state is st and m.op in self.COLUMN_OPS for m in c.all_methods)]
        for m in c.methods:
            if m.kind == "setter" and not m.op and m.column_field is not None:
                if len(columns) != 1:
                    raise SchemaError(f"{c.name}.{m.rpc_name}: `column` names a column of the class's one LIST "
                                      f"of columns")
                want = "string" if columns[0].column_key is not None else "int32"
                if m.column_field.proto_type != want or m.column_field.repeated:
                    raise SchemaError(f"{c.name}.{m.rpc_name}: `column` {m.column_field.name} must be one {want} "
                                      f"(how {columns[0].name!r} names a column)")

    def _check_column_of(self, c, st, where):
        """How a State names the columns of the LIST it follows: a one-key
        TREE or SET by its key, a by_cell SET by its cell's column, a LIST
        (a table's rows) by the position in its element's repeated field, a
        TREE of nodes (a tree's rows) by the key of its element's map."""
        of = next((o for o in c.all_states if o.name == st.column_of_name), None)
        if of is None or of.kind != "list" or not (of.column_key_name or any(
                m.state is of and m.op in self.COLUMN_OPS for m in c.all_methods)):
            raise SchemaError(f"{where}: `column_of` names a LIST of columns of {c.name} "
                              f"({st.column_of_name!r} is none)")
        st.column_of = of
        named = bool(of.column_key_name)
        want = "string" if named else "int32"
        snap = st.snapshot
        key = snap.index_field
        if st.by_cell:
            st.column_role, st.column_field = "cell", snap.to_field
        elif st.kind == "list":
            fields = [f for f in snap.request.fields if f.repeated and not f.is_map]
            if named or len(fields) != 1:
                raise SchemaError(f"{where}: a LIST follows columns named by position, one per item of its "
                                  f"element's one repeated field")
            st.column_role, st.column_field = "row_cells", fields[0]
            return
        elif st.kind == "tree" and key is not None and key.repeated:
            maps = [f for f in snap.request.fields if f.is_map]
            if not named or len(maps) != 1:
                raise SchemaError(f"{where}: a TREE of nodes follows columns named by key, one per entry of "
                                  f"its element's one map field")
            st.column_role, st.column_field = "node_map", maps[0]
            return
        else:
            st.column_role, st.column_field = "key", key
        f = st.column_field
        if f is None or f.proto_type != want or f.repeated:
            raise SchemaError(f"{where}: its column ({f.name if f else 'none'}) must be one {want}, as "
                              f"{of.name!r} names a column")

    def _check_also_clears(self, c, m, states, where):
        """A CLEAR's other fields: each a collection State of the class, or a
        field one of its SETTERs records, never the CLEAR's own field."""
        recorded = {s.state_field for s in c.all_methods if s.kind == "setter" and not s.op}
        for name in m.also_clears:
            st = states.get(name)
            ok = (st is not None and not st.is_extent) or (st is None and name in recorded)
            if m.op != "clear" or name == m.state_field or not ok:
                raise SchemaError(f"{where}: `also_clears` belongs on a CLEAR and names other state fields of "
                                  f"{c.name} (a collection State, or a field a SETTER records; {name!r} is neither)")

    # The LIST ops whose position moves a SET `within` the list can follow.
    WITHIN_LIST_OPS = ("list_append", "list_insert", "list_remove", "set_cell", "assign", "clear")

    def _check_within(self, c, st, where):
        """A SET whose members are the nodes of a TREE or the positions of a
        LIST of the class: every change of that state must say which nodes
        or positions go or move."""
        of = next((o for o in c.all_states if o.name == st.within_name), None)
        if st.kind != "set" or of is None or of.kind not in ("tree", "list") or of.is_extent:
            raise SchemaError(f"{where}: `within` belongs on a SET and names a TREE or LIST State of {c.name} "
                              f"({st.within_name!r} is none)")
        if of.kind == "list":
            key = st.snapshot.index_field
            if key is None or key.proto_type != "int32" or key.repeated:
                raise SchemaError(f"{where}: the members of a SET within a LIST are positions: its snapshot's "
                                  f"`index` is one int32")
            for m in c.all_methods:
                if m.kind == "setter" and m.state is of and m.op not in self.WITHIN_LIST_OPS:
                    raise SchemaError(f"{where}: {m.rpc_name}'s {m.op.upper()} on {of.name!r} does not say which "
                                      f"positions move; a LIST with a SET within takes "
                                      f"{', '.join(o.upper() for o in self.WITHIN_LIST_OPS)}")
        st.within = of

    def _check_extent(self, c, st, where):
        """A grid's extent: per axis an int32 constructor count and an int32
        cell field of the one ATTACH of the class whose request has them all
        (so the runtime can move children and place a line's widgets)."""
        if (st.kind != "list" or st.snapshot_name or st.init_name or st.per_child or st.deferred
                or len(st.count_names) != len(st.cell_names) or not st.count_names):
            raise SchemaError(f"{where}: an extent names as many `cells` as `counts` (one per axis) "
                              f"and nothing else (no kind, snapshot, init, per_child, deferred)")
        if len(st.count_names) != 2:
            raise SchemaError(f"{where}: an extent has two axes (a line's widgets fill the other one)")
        ctor = {f.name: f for f in c.ctor_fields}
        for name in st.count_names:
            f = ctor.get(name)
            if f is None or f.proto_type != "int32" or f.repeated or f.is_map:
                raise SchemaError(f"{where}: count {name!r} must be an int32 constructor field of {c.name}")
            st.count_fields.append(f)
        attaches = [m for m in c.methods if m.kind == "attach"
                    and all(any(f.name == n for f in m.request.fields) for n in st.cell_names)]
        if len(attaches) != 1:
            raise SchemaError(f"{where}: exactly one ATTACH of {c.name} must take every cell field "
                              f"{st.cell_names} ({len(attaches)} do)")
        st.attach = attaches[0]
        if st.attach.index_field is not None or st.attach.replace:
            raise SchemaError(f"{where}: the ATTACH placing the cells ({st.attach.rpc_name}) takes no "
                              f"`index` or `replace`")
        for name in st.cell_names:
            f = next(f for f in st.attach.request.fields if f.name == name)
            if f.proto_type != "int32" or f.repeated or f.presence:
                raise SchemaError(f"{where}: cell {name!r} of {st.attach.request.name} must be a plain int32")
            st.cell_fields.append(f)

    def _check_method(self, c, m, taken_names):
        where = f"{c.name}.{m.rpc_name}"
        states = {st.name: st for st in c.all_states}
        if m.op == "parents_not_in":
            self._check_parents_not_in(c, m, states, where)
        elif m.op == "subtree":
            self._check_subtree(c, m, states, where)
        elif m.pick_field is not None or m.picks:
            raise SchemaError(f"{where}: `pick` and `picks` belong on a SUBTREE getter")
        elif m.op:
            st = states.get(m.state_field)
            if m.kind != "setter" or st is None:
                raise SchemaError(f"{where}: `op` belongs on a SETTER whose `field` is a State of {c.name} "
                                  f"({m.state_field!r} is not declared)")
            if (m.op in self.LINE_OPS) != st.is_extent:
                raise SchemaError(f"{where}: LINE_INSERT and LINE_DELETE, and only they, change an extent "
                                  f"({m.op.upper()} on {st.name!r})")
            if m.op in self.LINE_OPS:
                if m.axis not in st.count_names:
                    raise SchemaError(f"{where}: {m.op.upper()} names its `axis`, one of {st.count_names} "
                                      f"({m.axis!r} is none)")
                m.axis_index = st.count_names.index(m.axis)
                if m.index_field is not None and (m.index_field.proto_type != "int32" or m.index_field.repeated):
                    raise SchemaError(f"{where}: a line `index` is one int32")
                if m.op == "line_delete" and (m.index_field is None or m.child_field is not None):
                    raise SchemaError(f"{where}: LINE_DELETE needs `index` and takes no `child`")
                if m.child_field is not None and not m.child_field.repeated:
                    raise SchemaError(f"{where}: a line's `child` is a repeated widget reference")
                m.state = st
            elif m.axis:
                raise SchemaError(f"{where}: `axis` belongs on a LINE_INSERT or LINE_DELETE")
            elif m.op not in self.STATE_OPS[st.kind]:
                raise SchemaError(f"{where}: {m.op.upper()} does not apply to the {st.kind.upper()} {st.name!r}")
            if m.op in self.COLUMN_OPS:
                self._check_column_op(m, where)
            elif m.before_field is not None or m.element_name:
                raise SchemaError(f"{where}: `before` and a setter's `element` belong on a COLUMN_INSERT")
            if m.op not in self.LINE_OPS + self.COLUMN_OPS and (m.op in self.KEYED_OPS) != (m.index_field is not None):
                raise SchemaError(f"{where}: {m.op.upper()} " + ("needs" if m.op in self.KEYED_OPS else "takes no")
                                  + " `index`")
            if m.op.startswith("list_") and m.index_field is not None and (
                    m.index_field.proto_type != "int32" or m.index_field.repeated):
                raise SchemaError(f"{where}: a list position `index` is one int32")
            cell_key = st.by_cell and m.op in ("set_add", "set_remove")
            if cell_key != (m.op not in self.TO_OPS and m.to_field is not None):
                raise SchemaError(f"{where}: a SET_ADD or SET_REMOVE of a `by_cell` set, and only that, names the "
                                  f"cell's column in `to` (besides its row in `index`)")
            if not cell_key and (m.op in self.TO_OPS) != (m.to_field is not None):
                raise SchemaError(f"{where}: `to` belongs on a LIST_MOVE or SET_CELL, which need it")
            if (m.op in self.BULK_OPS) != (m.items_field is not None):
                raise SchemaError(f"{where}: `items` belongs on an ASSIGN, PUT_ALL, REMOVE_ALL or DELETE_ALL, "
                                  f"which need it")
            if m.also_clears:
                self._check_also_clears(c, m, states, where)
            if m.fresh and (m.op != "assign" or st.kind == "set"):
                raise SchemaError(f"{where}: `fresh` belongs on an ASSIGN of a TREE or LIST")
            if m.prune_field is not None and (m.op != "delete_all" or m.prune_field.proto_type != "bool"
                                              or m.prune_field.repeated):
                raise SchemaError(f"{where}: `prune` belongs on a DELETE_ALL and names one bool field")
            if m.items_field is not None and (not m.items_field.repeated or m.items_field.proto_type != "message"):
                raise SchemaError(f"{where}: `items` is a repeated message field")
            if (m.op == "set_cell") != (m.cell_field is not None):
                raise SchemaError(f"{where}: `cell` belongs on a SET_CELL, which needs it")
            if (m.op in self.OF_OPS) != bool(m.of_name):
                raise SchemaError(f"{where}: `of` belongs on an ALL_PARENTS or ALL_NODES, which need it")
            if m.of_name:
                m.of_state = states.get(m.of_name)
                # ALL_NODES of a LIST takes every position (TableView's select_all).
                kinds = ("tree", "list") if m.op == "all_nodes" else ("tree",)
                if m.of_state is None or m.of_state.kind not in kinds:
                    what = "a TREE or LIST" if m.op == "all_nodes" else "a TREE"
                    raise SchemaError(f"{where}: `of` must name {what} State of {c.name} ({m.of_name!r} is none)")
                if m.request.fields:
                    raise SchemaError(f"{where}: an {m.op.upper()} takes no arguments")
            if st.per_child and not (m.index_field is None or m.index_field.ref):
                raise SchemaError(f"{where}: the key of per-child state {st.name!r} is a widget reference")
            m.state = st
        elif m.axis:
            raise SchemaError(f"{where}: `axis` belongs on a LINE_INSERT or LINE_DELETE")
        elif (m.items_field is not None or m.cell_field is not None or m.of_name or m.prune_name or m.fresh
              or m.also_clears):
            raise SchemaError(f"{where}: `items`, `cell`, `of` and `prune` belong on a SETTER of a collection "
                              f"State with an `op`")
        elif m.kind == "setter" and m.state_field in states:
            raise SchemaError(f"{where}: a SETTER of the {states[m.state_field].kind.upper()} "
                              f"{m.state_field!r} must name its `op`")
        if m.kind == "getter" and m.state_field in states and not states[m.state_field].is_extent:
            # Answered from the kept value: checked once the States are
            # (_check_collection_getter), none of the record rules below.
            m.state = states[m.state_field]
            if not m.returns_value:
                raise SchemaError(f"{where}: a getter must return a value")
            return
        if m.element_name and m.op not in self.COLUMN_OPS:
            raise SchemaError(f"{where}: `element` belongs on a GETTER of a collection State or a COLUMN_INSERT")
        if m.column_field is not None and m.op not in self.COLUMN_OPS and (m.kind != "setter" or m.op):
            raise SchemaError(f"{where}: `column` belongs on a COLUMN_DELETE or the SETTER of a plain field")
        if m.first_of and (m.first_of not in states or states[m.first_of].kind != "list"):
            raise SchemaError(f"{where}: `first_of` must name a LIST State ({m.first_of!r} is none)")
        if m.kind in ("setter", "getter") and not m.state_field:
            raise SchemaError(f"{where}: a {m.kind} needs `field`")
        if m.kind not in ("setter", "getter") and m.state_field:
            raise SchemaError(f"{where}: only setters and getters name a state field")
        if m.deferred and m.kind != "setter":
            raise SchemaError(f"{where}: only a setter can be `deferred`")
        if m.value and (m.kind != "setter" or m.request.fields or m.value not in ("true", "false")):
            raise SchemaError(f"{where}: `value` is for a setter without arguments, and is \"true\" or \"false\"")
        if m.kind == "setter":
            for owner in c.ancestry():
                for s in owner.methods:
                    if s.kind == "setter" and s.state_field == m.state_field and s.deferred != m.deferred:
                        raise SchemaError(f"{where}: setters of {m.state_field!r} disagree on `deferred` "
                                          f"({s.owner}.{s.rpc_name})")
        if m.appends:
            self._link_append(c, m, where)
        if m.kind in ("attach", "detach") and m.child_field is None:
            raise SchemaError(f"{where}: an {m.kind} needs `child`")
        if m.child_field is not None and not m.child_field.ref:
            raise SchemaError(f"{where}: field {m.child_field.name} must be a widget reference")
        if m.kind == "create" and m.created is None:
            raise SchemaError(f"{where}: a create needs `creates`")
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
                    # A setter without arguments (clear()) records an empty
                    # message, which reads as the zero of every field ("").
                    # An extent's line operations record nothing: its getter
                    # answers the constructor counts the server keeps.
                    if (s.kind == "setter" and s.state_field == m.state_field and not s.request.is_empty
                            and s.op not in self.LINE_OPS and not part_of(m.response, s.request)):
                        raise SchemaError(f"{where}: getter of {m.state_field!r} returns {m.response.name}, "
                                          f"but setter {s.rpc_name} records {s.request.name}")
            if not any(s.kind == "setter" and s.state_field == m.state_field
                       for owner in c.ancestry() for s in owner.methods):
                raise SchemaError(f"{where}: no setter records {m.state_field!r}")
            if c.ctor and len(m.response.fields) > 1:
                ctor = {f.name: f for f in c.ctor.fields}
                found = [ctor.get(r.name) for r in m.response.fields]
                if all(f is not None and (f.proto_type, f.enum, f.repeated) == (r.proto_type, r.enum, r.repeated)
                       for f, r in zip(found, m.response.fields)):
                    m.ctor_fallbacks, m.ctor_message = found, c.ctor
            extent = states.get(m.state_field)
            if extent is not None and extent.is_extent and (
                    [r.name for r in m.response.fields] != extent.count_names or not m.ctor_fallbacks):
                raise SchemaError(f"{where}: a GETTER of extent {extent.name!r} answers its counts "
                                  f"{extent.count_names}, the constructor fields of those names and types")
            if c.ctor and len(m.response.fields) == 1:
                for f in c.ctor.fields:
                    returned = m.response.fields[0]
                    if (f.name == m.state_field and f.proto_type == returned.proto_type
                            and f.enum is returned.enum):
                        m.ctor_fallback, m.ctor_message = f, c.ctor

    @staticmethod
    def _link_append(c, m, where):
        """An `appends` setter: the one plain SETTER of its field taking the
        same request keeps the whole value; a string constructor field of
        the field's name is where the value starts."""
        plain = [s for owner in c.ancestry() for s in owner.methods
                 if s.kind == "setter" and s.state_field == m.state_field and not s.appends
                 and s.request is m.request and not s.op]
        if len(plain) != 1:
            raise SchemaError(f"{where}: `appends` needs exactly one plain SETTER of {m.state_field!r} "
                              f"taking {m.request.name} (found {len(plain)})")
        m.append_setter = plain[0]
        if c.ctor:
            for f in c.ctor.fields:
                if f.name == m.state_field and f.proto_type == "string" and not f.repeated:
                    m.append_init = f

    @staticmethod
    def _same_type(a, b):
        return (a.proto_type, a.repeated, a.is_map, a.presence, a.ref, a.enum is b.enum, a.message is b.message) == \
            (b.proto_type, b.repeated, b.is_map, b.presence, b.ref, True, True)

    def _check_parents_not_in(self, c, m, states, where):
        """A PARENTS_NOT_IN getter of a SET answers the parents of the TREE
        `of` that are not in the set (TreeView's get_collapsed): computed
        from both, never recorded."""
        st = states.get(m.state_field)
        if m.kind != "getter" or st is None or st.kind != "set":
            raise SchemaError(f"{where}: PARENTS_NOT_IN belongs on a GETTER of a SET State of {c.name}")
        m.of_state = states.get(m.of_name) if m.of_name else None
        if m.of_state is None or m.of_state.kind != "tree":
            raise SchemaError(f"{where}: `of` must name a TREE State of {c.name} ({m.of_name!r} is none)")
        if m.request.fields or m.index_field is not None:
            raise SchemaError(f"{where}: a PARENTS_NOT_IN getter takes no arguments")

    @staticmethod
    def _pick(text, where):
        """One of `picks`: "status=set" or "status=!set"."""
        status, eq, name = text.partition("=")
        negate = name.startswith("!")
        name = name[1:] if negate else name
        if not eq or not status or not name or status == "all":
            raise SchemaError(f"{where}: a pick is \"status=set\" or \"status=!set\" (\"all\" is every "
                              f"node already), not {text!r}")
        return (status, name, negate)

    def _check_subtree(self, c, m, states, where):
        """A SUBTREE getter of a TREE answers the nodes picked, with their
        descendants and ancestors: picked by the request's path (`index`) or
        by a status (`pick`), each status naming a SET within the TREE."""
        st = states.get(m.state_field)
        if m.kind != "getter" or st is None or st.kind != "tree":
            raise SchemaError(f"{where}: SUBTREE belongs on a GETTER of a TREE State of {c.name}")
        if (m.pick_field is None) == (m.index_field is None) or len(m.request.fields) != 1:
            raise SchemaError(f"{where}: a SUBTREE getter takes one argument, the path (`index`) or the "
                              f"status (`pick`)")
        if m.index_field is not None and (m.index_field.proto_type != "string" or not m.index_field.repeated):
            raise SchemaError(f"{where}: a SUBTREE's `index` is the path, a repeated string")
        if m.pick_field is not None and (m.pick_field.proto_type != "string" or m.pick_field.repeated):
            raise SchemaError(f"{where}: a SUBTREE's `pick` is one string")
        if m.picks and m.pick_field is None:
            raise SchemaError(f"{where}: `picks` come with `pick`")
        seen = set()
        for status, name, _ in m.picks:
            picked = states.get(name)
            if picked is None or picked.kind != "set" or picked.within_name != st.name:
                raise SchemaError(f"{where}: pick {status!r} must name a SET within {st.name!r} "
                                  f"({name!r} is none)")
            if status in seen:
                raise SchemaError(f"{where}: pick {status!r} is named twice")
            seen.add(status)

    def _check_collection_getter(self, c, m):
        """A GETTER of a collection State answers from the kept value: the
        whole collection (one repeated response field) or, with `index`,
        the element at a position or key (one single response field); each
        element as it is, or its field named by `element`."""
        st = m.state
        where = f"{c.name}.{m.rpc_name}: getter of the {st.kind.upper()} {st.name!r}"
        if st.snapshot is None:  # a base's State, not checked yet
            self._check_state(next(o for o in c.ancestry() if o.name == st.owner), st)
        element = st.snapshot.request
        fields = m.response.fields
        if len(fields) != 1 or fields[0].is_map:
            raise SchemaError(f"{where}: its response holds one field (the collection, or the element)")
        answer = fields[0]
        if m.op == "subtree":
            if not answer.repeated or answer.message is not element:
                raise SchemaError(f"{where}: a SUBTREE answers nodes, so its response field {answer.name} "
                                  f"is a repeated {element.name}")
            return
        if m.index_field is None:
            if m.request.fields:
                raise SchemaError(f"{where}: without `index` it answers the whole collection and takes no "
                                  f"arguments ({m.request.name} has some)")
            if not answer.repeated:
                raise SchemaError(f"{where}: without `index` it answers the whole collection, so its response "
                                  f"field {answer.name} must be repeated")
        else:
            if [f.name for f in m.request.fields] != [m.index_field.name]:
                raise SchemaError(f"{where}: with `index` its request holds only the position or key")
            if answer.repeated:
                raise SchemaError(f"{where}: with `index` it answers one element, so its response field "
                                  f"{answer.name} is not repeated")
            if st.kind == "list":
                if m.index_field.proto_type != "int32" or m.index_field.repeated:
                    raise SchemaError(f"{where}: a list position `index` is one int32")
            else:
                key = st.snapshot.index_field
                if (m.index_field.proto_type, m.index_field.repeated, bool(m.index_field.ref)) != (
                        key.proto_type, key.repeated, bool(key.ref)):
                    raise SchemaError(f"{where}: `index` {m.index_field.name} must have the type of "
                                      f"{st.snapshot.rpc_name}'s {key.name} (the {st.kind}'s keys)")
        if m.element_name:
            e = next((f for f in element.fields if f.name == m.element_name), None)
            if e is None:
                raise SchemaError(f"{where}: `element` {m.element_name!r} is no field of {element.name} "
                                  f"(the elements, as {st.snapshot.rpc_name} takes them)")
            if e.repeated or e.is_map:
                raise SchemaError(f"{where}: `element` {e.name} must be a single field (answer the whole "
                                  f"element for a list)")
            if (answer.proto_type, answer.enum is e.enum, answer.message is e.message, bool(answer.ref)) != (
                    e.proto_type, True, True, bool(e.ref)):
                raise SchemaError(f"{where}: its response field {answer.name} must have the type of "
                                  f"{element.name}.{e.name}")
            m.element_field = e
        elif answer.message is not element:
            raise SchemaError(f"{where}: its response field {answer.name} must hold {element.name} (the "
                              f"whole element), or `element` must name the element's field it answers")

    def _check_collection_callback(self, c, cb, st):
        """A page report that changes a collection State: its `op` is the
        op of one SETTER of the State, whose rules the server applies and
        whose call the other browsers get; its message carries that
        setter's request field for field."""
        where = f"{c.name}.{cb.rpc_name}: updates the {st.kind.upper()} {st.name!r}"
        if not cb.op:
            raise SchemaError(f"{where}, so it names the operation it performs (`op`)")
        if cb.op not in self.STATE_OPS[st.kind]:
            raise SchemaError(f"{where}: {cb.op.upper()} does not apply to a {st.kind.upper()}")
        if cb.coalesce:
            raise SchemaError(f"{where}: it cannot `coalesce`: each report is a change, and one dropped "
                              f"is lost (only a report of a latest value may be)")
        setters = [s for owner in c.ancestry() for s in owner.methods
                   if s.kind == "setter" and s.state_field == st.name and s.op == cb.op
                   and cb.updates_setter in ("", s.rpc_name)]
        if not setters:
            raise SchemaError(f"{where}: no SETTER of {st.name!r} has op {cb.op.upper()}"
                              + (f" and is named {cb.updates_setter!r}" if cb.updates_setter else "")
                              + " (the server applies that setter's rules, and the other browsers get its call)")
        if len(setters) > 1:
            raise SchemaError(f"{where}: setters {', '.join(s.rpc_name for s in setters)} all have op "
                              f"{cb.op.upper()}; name one in `setter`")
        s = setters[0]
        index = self._named_field(cb.message, cb.op_index_name, where) if cb.op_index_name else None
        to = self._named_field(cb.message, cb.op_to_name, where) if cb.op_to_name else None
        if (cb.op in self.KEYED_OPS) != (index is not None):
            raise SchemaError(f"{where}: {cb.op.upper()} " + ("needs" if cb.op in self.KEYED_OPS else "takes no")
                              + " `index`")
        if (cb.op in self.TO_OPS) != (to is not None):
            raise SchemaError(f"{where}: `to` belongs on a LIST_MOVE or SET_CELL, which need it")
        own = {f.number: f for f in cb.message.fields}
        for f in s.request.fields:
            g = own.pop(f.number, None)
            if g is None or not self._same_type(g, f):
                raise SchemaError(f"{where}: its message {cb.message.name} carries {s.rpc_name}'s request "
                                  f"{s.request.name}: it needs a field numbered {f.number} of the type of "
                                  f"{s.request.name}.{f.name}")
        if own and cb.op != "set_cell":  # a user's edit also says the value it replaced
            raise SchemaError(f"{where}: its message {cb.message.name} carries {s.rpc_name}'s request "
                              f"{s.request.name} and nothing else ({', '.join(f.name for f in own.values())} "
                              f"is not in it)")
        for mine, theirs, word in ((index, s.index_field, "index"), (to, s.to_field, "to")):
            if mine is not None and mine.number != theirs.number:
                raise SchemaError(f"{where}: `{word}` {mine.name} is field {mine.number}, but {s.rpc_name}'s "
                                  f"`{word}` {theirs.name} is field {theirs.number}")
        cb.updates_method_id = s.id

    @staticmethod
    def _check_group(c, f):
        """A group reference names its own class, and the exclusive state is
        a bool set by a setter whose message is that one bool: the server
        records the others' state as that message's empty (false) encoding."""
        where = f"{c.name}: constructor field {f.name}"
        if f.ref != c.name:
            raise SchemaError(f"{where}: a group reference must name its own class {c.name}, not {f.ref}")
        setters = [s for o in c.ancestry() for s in o.methods if s.kind == "setter" and s.state_field == f.exclusive]
        if not setters:
            raise SchemaError(f"{where}: no setter records the exclusive field {f.exclusive!r}")
        for s in setters:
            if [(x.number, x.proto_type, x.presence, x.repeated) for x in s.request.fields] != [(1, "bool", False, False)]:
                raise SchemaError(f"{where}: setter {s.rpc_name} of exclusive field {f.exclusive!r} must take "
                                  f"one plain bool numbered 1")

    @staticmethod
    def _check_dtype(c, cb):
        """A dtype-dependent callback has one double argument, and the class's
        constructor has the named Dtype field (words int and float)."""
        marked = [f for f in cb.message.fields if f.dtype]
        if not marked:
            return
        where = f"{c.name}.{cb.rpc_name}"
        if len(cb.message.fields) != 1 or marked[0].proto_type != "double" or marked[0].presence:
            raise SchemaError(f"{where}: a dtype-dependent callback carries exactly one plain double")
        ctor = next((f for f in c.ctor_fields if f.name == marked[0].dtype), None)
        if ctor is None or ctor.enum is None or set(ctor.enum.words) != {"int", "float"}:
            raise SchemaError(f"{where}: dtype {marked[0].dtype!r} must name a constructor field of an enum "
                              f"with the words int and float")
        cb.dtype_field = ctor

    @staticmethod
    def _check_with_option(c, cb):
        """Arguments marked `with_option` all name one bool constructor
        option of the class, and some argument is left unmarked or none:
        the handler takes all of them, or the unmarked ones."""
        marked = [f for f in cb.message.fields if f.with_option]
        if not marked:
            return
        where = f"{c.name}.{cb.rpc_name}"
        names = {f.with_option for f in marked}
        if len(names) > 1:
            raise SchemaError(f"{where}: the arguments marked `with_option` name different options "
                              f"({', '.join(sorted(names))}); one callback depends on one option")
        name = names.pop()
        option = next((f for f in c.ctor_fields if f.name == name), None)
        if option is None or option.proto_type != "bool" or option.repeated or option.positional:
            raise SchemaError(f"{where}: with_option {name!r} must name a bool constructor option of {c.name}")
        if any(f.dtype for f in cb.message.fields):
            raise SchemaError(f"{where}: a callback cannot depend on both a dtype and `with_option`")
        cb.shape_field = option

    @staticmethod
    def _setter_of(c, field_name, message, rpc_name=""):
        """The setter a state callback's record stands for: one taking the
        callback's message, or (when `rpc_name` names it) one whose message
        is part of the callback's (a combo box reports index and text; its
        record replays set_index, whose parser skips the text)."""
        for owner in c.ancestry():
            for s in owner.methods:
                # The callback may say more than the setter takes (a combo box
                # reports index and text, page_switch the child and the index):
                # its record then holds the extra fields, which the setter's
                # reader skips.
                if (s.kind == "setter" and s.state_field == field_name and part_of(s.request, message)
                        and rpc_name in ("", s.rpc_name)):
                    return s
        return None


def _in_dependency_order(messages):
    """Value types so that a struct comes after every struct it holds, in a
    list or a map too: std::vector and std::map take an incomplete type
    only until a member of theirs is used, and a struct's defaulted
    operator== uses theirs where the struct ends (clang instantiates it
    there, so a list of a struct declared later fails to compile). Only a
    struct that holds itself, or a cycle, leaves one incomplete there."""
    done, out = set(), []

    def visit(m):
        if id(m) in done:
            return
        done.add(id(m))
        for f in m.fields:
            if f.message is not None and any(x is f.message for x in messages):
                visit(f.message)
        out.append(m)

    for m in messages:
        visit(m)
    return out


def part_of(part, whole):
    """Whether message `part` reads a record of `whole`: the same message, or
    fields each declared in `whole` with the same number and type, so the
    recorded bytes parse as `part` (a getter may answer one argument of its
    setter, as Button.get_icon answers set_icon's url)."""
    if part is whole:
        return True
    def shape(f):
        return (f.number, f.name, f.proto_type, f.repeated, f.presence, f.ref, f.enum.name if f.enum else None)
    same = {shape(f) for f in whole.fields}
    return all(shape(f) in same for f in part.fields)


def build_schema(files, to_generate) -> Schema:
    """files: every FileDescriptorProto protoc passed (imports included)."""
    return _Builder(files, to_generate).build()
