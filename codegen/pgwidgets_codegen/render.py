"""Renders the model through the templates: one template per output file,
each given the schema as its language spells it."""

from pathlib import Path

import jinja2

from . import cpp, docs, ts

TEMPLATES = Path(__file__).resolve().parent.parent / "templates"

# output path (relative to the output root) -> (template, language), once per
# schema; {dir} is where the package's headers live (pgwidgets/ for the SDK).
OUTPUTS = {
    "cpp/{dir}/widgets.hpp": ("widgets.hpp.j2", cpp),
    "cpp/{dir}/schema_info.hpp": ("schema_info.hpp.j2", cpp),
    "ts/widgets.ts": ("widgets.ts.j2", ts),
    "ts/dispatch.ts": ("dispatch.ts.j2", ts),
    "ts/dispatch/common.ts": ("dispatch_common.ts.j2", ts),
    # The API reference; regenerate.py moves docs/ to the top of the tree.
    "docs/README.md": ("index.md.j2", docs),
}
# ... only for a user's package: what registers it with the runtime (the
# SDK's own package is registered by the runtime itself), with its fingerprint.
USER_OUTPUTS = {
    "cpp/{dir}/package.cpp": ("package.cpp.j2", cpp),
}
# ... only for the SDK's package: its fingerprint, compiled into the library,
# and the factory map of its widget implementations (web/src/widgets/).
CORE_OUTPUTS = {
    "cpp/schema_fingerprint.cpp": ("schema_fingerprint.cpp.j2", cpp),
    "ts/factories.ts": ("factories.ts.j2", ts),
}
# ... and once per widget family (schema file), at the paths its view names.
FAMILY_OUTPUTS = {
    "cpp/{header}": ("family.hpp.j2", cpp),
    "cpp/{source}": ("family.cpp.j2", cpp),
    "docs/{page}": ("family.md.j2", docs),
    "ts/dispatch/{name}.ts": ("dispatch_family.ts.j2", ts),
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
    where = cpp.view(schema).cpp_dir
    outputs = {**OUTPUTS, **(CORE_OUTPUTS if schema.is_core else USER_OUTPUTS)}
    out = {path.format(dir=where): env.get_template(t).render(schema=language.view(schema))
           for path, (t, language) in outputs.items()}
    for family in schema.families:
        names = cpp.view(family)
        for path, (t, language) in FAMILY_OUTPUTS.items():
            where_to = path.format(header=names.cpp_header, source=names.cpp_source, page=f"{family.name}.md",
                                   name=family.name)
            out[where_to] = env.get_template(t).render(
                schema=language.view(schema), family=language.view(family))
    return out
