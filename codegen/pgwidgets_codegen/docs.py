"""How the model reads in the API reference (docs/<family>.md): the C++
spellings of cpp.py, plus what a Markdown page needs (anchors, links
between pages, table cells). The page template only places these."""

from . import cpp, model
from .spelling import Language


def cell(text):
    """Text for one Markdown table cell: one line, no column breaks."""
    return " ".join((text or "").split()).replace("|", "\\|")


def paragraph(text):
    """A schema comment as one Markdown paragraph."""
    return " ".join((text or "").split())


def page_of(file):
    return model.stem(file) + ".md"


class Field(cpp.Field):
    pass


class Enum(cpp.Enum):
    @property
    def doc_text(self):
        return paragraph(self.doc)

    @property
    def doc_words(self):
        """Each enumerator with its comment, for a table."""
        return [(self.cpp_value(v.word), cell(v.doc)) for v in self._model.values]


class EnumValue(cpp.EnumValue):
    pass


class Message(cpp.Message):
    @property
    def doc_text(self):
        return paragraph(self.doc)

    @property
    def doc_fields(self):
        return [(f"{f.cpp_value_type} {f.cpp_name}", cell(f.doc)) for f in self.fields]


class Method(cpp.Method):
    @property
    def doc_signature(self):
        """As declared in the header: local getters answer at once, the
        others are awaited."""
        ret = self.cpp_return_type if self.local else f"Task<{self.cpp_return_type}>"
        params = list(self.cpp_params)
        if self.is_create:
            params.append(f"{self.cpp_created_options} options = {{}}")
        return f"{ret} {self.cpp_name}({', '.join(params)}) const"

    @property
    def doc_text(self):
        text = paragraph(self.doc)
        if self.local and "server" not in text:
            text = (text + " " if text else "") + "Answered by the server, without a round trip."
        return cell(text)


class Callback(cpp.Callback):
    @property
    def doc_registration(self):
        return f"on_{self.name}(handler)"

    @property
    def doc_handler(self):
        """The handler's parameters, as the static_assert names them."""
        if self.shape_field is not None:
            return f"{self.cpp_signature} with {self.shape_field.name}, else {self.cpp_without_signature}"
        return self.cpp_dtype_signature if self.dtype_field is not None else self.cpp_signature

    @property
    def doc_text(self):
        text = paragraph(self.doc)
        if self.updates_field and self.op:
            text = (text + " " if text else "") + \
                f"The server applies it to `{self.updates_field}` as {self.op.upper()} before any handler " \
                f"runs (getters and a reload follow it)."
        elif self.updates_field:
            text = (text + " " if text else "") + \
                f"The server records it as `{self.updates_field}` (getters and a reload follow it)."
        if self.needs_field is not None:
            text = (text + " " if text else "") + \
                f"Only on a widget created with `{self.needs_field.name} = true` (else registering is an error)."
        return cell(text)


class OptionField(cpp.OptionField):
    @property
    def doc_origin(self):
        if self.source == "setter":
            return f"`{self.origin}::{self.setter.cpp_name}`"
        return "positional, constructor" if self.field.positional else "constructor"

    @property
    def doc_text(self):
        """The field's comment, else its setter's."""
        text = self.field.doc or (self.setter.doc if self.setter is not None else "")
        return cell(text)

    @property
    def doc_type_note(self):
        return " (CSS-like font: `[style] [weight] [size]pt [family]`)" if self.font_shorthand else ""


class WidgetClass(cpp.WidgetClass):
    @property
    def doc_anchor(self):
        return self.name.lower()

    @property
    def doc_text(self):
        return paragraph(self.doc)

    @property
    def doc_only_created_by(self):
        """The methods that alone make it, as `Class::method` joined by "or"."""
        return " or ".join(f"`{m.owner}::{m.cpp_name}`" for m in self.only_created_by_methods)

    @property
    def doc_factories(self):
        """Every way to create one: options only, then each run of
        positional arguments followed by the options."""
        options = f"{self.name}Options options = {{}}"
        out = [f"Task<pgw::{self.name}> Widgets::{self.name}({options})"]
        for args in self.positional_prefixes:
            params = ", ".join(f"{f.cpp_option_type} {f.cpp_name}" for f in args)
            out.append(f"Task<pgw::{self.name}> Widgets::{self.name}({params}, {options})")
        return out

    @property
    def doc_derives(self):
        """The sentence naming its bases, whose methods and callbacks it has
        too (links), or "" for the root."""
        bases = [f"[{c.name}]({page_of(c.file)}#{c.name.lower()})" for c in list(self._model.ancestry())[1:]]
        if not bases:
            return ""
        if len(bases) == 1:
            return f"Derives from {bases[0]}, and has its methods and callbacks too."
        return f"Derives from {bases[0]}, and has the methods and callbacks of {', then '.join(bases)} too."


class Family(cpp.Family):
    @property
    def doc_page(self):
        return f"{self.name}.md"

    @property
    def doc_enums(self):
        return [e for e in self.enums]


class Schema(cpp.Schema):
    pass


LANGUAGE = Language({
    model.Field: Field, model.Message: Message, model.Method: Method, model.Callback: Callback,
    model.OptionField: OptionField, model.WidgetClass: WidgetClass, model.Schema: Schema,
    model.Enum: Enum, model.EnumValue: EnumValue, model.Family: Family,
})


def view(schema):
    return LANGUAGE.wrap(schema)
