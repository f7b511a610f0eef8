"""Renders the model through the templates: one template per output file,
each given the schema as its language spells it."""

from pathlib import Path

import jinja2

from . import cpp, ts

TEMPLATES = Path(__file__).resolve().parent.parent / "templates"

# output path (relative to the output root) -> (template, language), once per schema
OUTPUTS = {
    "cpp/pgwidgets/widgets.hpp": ("widgets.hpp.j2", cpp),
    "cpp/pgwidgets/schema_info.hpp": ("schema_info.hpp.j2", cpp),
    "ts/widgets.ts": ("widgets.ts.j2", ts),
    "ts/dispatch.ts": ("dispatch.ts.j2", ts),
}
# ... and once per widget family (schema file): {name} is its stem.
FAMILY_OUTPUTS = {
    "cpp/pgwidgets/widgets/{name}.hpp": ("family.hpp.j2", cpp),
    "cpp/widgets/{name}.cpp": ("family.cpp.j2", cpp),
}


def environment():
    env = jinja2.Environment(
        loader=jinja2.FileSystemLoader(str(TEMPLATES)),
        undefined=jinja2.StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
        autoescape=False,
    )
    env.filters["comment"] = _comment
    return env


def _comment(text, indent=""):
    """A schema comment as `// ` lines."""
    if not text:
        return ""
    lines = [f"{indent}// {line}".rstrip() for line in text.splitlines()]
    return "\n".join(lines) + "\n"


def render_all(schema):
    env = environment()
    out = {path: env.get_template(t).render(schema=language.view(schema))
           for path, (t, language) in OUTPUTS.items()}
    for family in schema.families:
        for path, (t, language) in FAMILY_OUTPUTS.items():
            out[path.format(name=family.name)] = env.get_template(t).render(
                schema=language.view(schema), family=language.view(family))
    return out
