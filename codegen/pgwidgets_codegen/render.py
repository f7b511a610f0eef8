"""Renders the model through the templates: one template per output file."""

from pathlib import Path

import jinja2

TEMPLATES = Path(__file__).resolve().parent.parent / "templates"

# output path (relative to the output root) -> template
OUTPUTS = {
    "cpp/pgwidgets/widgets.hpp": "widgets.hpp.j2",
    "cpp/pgwidgets/schema_info.hpp": "schema_info.hpp.j2",
    "cpp/widgets.cpp": "widgets.cpp.j2",
    "ts/widgets.ts": "widgets.ts.j2",
    "ts/dispatch.ts": "dispatch.ts.j2",
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
    return {path: env.get_template(t).render(schema=schema) for path, t in OUTPUTS.items()}
