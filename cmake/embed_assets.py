"""Embeds files into a C++ source as byte arrays: the web bundle the HTTP
server serves. Usage: embed_assets.py [--user] OUT.cpp NAME=PATH:CONTENT_TYPE ...

--user writes a program's own page (pgwidgets_add_widgets): a source that
registers the files with the runtime when the program starts, in place of
the SDK's page."""

import sys
from pathlib import Path


def main():
    args = sys.argv[1:]
    user = bool(args) and args[0] == "--user"
    if user:
        args = args[1:]
    out, specs = Path(args[0]), args[1:]
    header = '#include "pgwidgets/web_assets.hpp"' if user else '#include "embedded_assets.hpp"'
    lines = ['// Generated at build time by cmake/embed_assets.py. Do not edit.',
             header, '', 'namespace pgw::detail {', 'namespace {']
    entries = []
    for i, spec in enumerate(specs):
        name, rest = spec.split("=", 1)
        path, content_type = rest.rsplit(":", 1)
        data = Path(path).read_bytes()
        body = ",".join(str(b) for b in data)
        lines.append(f"constexpr unsigned char asset{i}[] = {{{body}{',' if data else ''}0}};")
        entries.append(f'  {{"{name}", "{content_type}", '
                       f'std::string_view(reinterpret_cast<const char*>(asset{i}), {len(data)})}},')
    if user:
        lines += ['', '[[maybe_unused]] const bool registered = set_web_assets({', *entries, '});',
                  '}  // namespace', '', '}  // namespace pgw::detail', '']
    else:
        lines += ['}  // namespace', '', 'const std::vector<EmbeddedAsset>& embedded_assets() {',
                  '  static const std::vector<EmbeddedAsset> assets{', *entries, '  };', '  return assets;',
                  '}', '', '}  // namespace pgw::detail', '']
    text = "\n".join(lines)
    if not out.exists() or out.read_text() != text:
        out.write_text(text)


if __name__ == "__main__":
    main()
