"""Embeds files into a C++ source as byte arrays: the web bundle the HTTP
server serves. Usage: embed_assets.py OUT.cpp NAME=PATH:CONTENT_TYPE ..."""

import sys
from pathlib import Path


def main():
    out, specs = Path(sys.argv[1]), sys.argv[2:]
    lines = ['// Generated at build time by cmake/embed_assets.py. Do not edit.',
             '#include "embedded_assets.hpp"', '', 'namespace pgw::detail {', 'namespace {']
    entries = []
    for i, spec in enumerate(specs):
        name, rest = spec.split("=", 1)
        path, content_type = rest.rsplit(":", 1)
        data = Path(path).read_bytes()
        body = ",".join(str(b) for b in data)
        lines.append(f"constexpr unsigned char asset{i}[] = {{{body}{',' if data else ''}0}};")
        entries.append(f'  {{"{name}", "{content_type}", '
                       f'std::string_view(reinterpret_cast<const char*>(asset{i}), {len(data)})}},')
    lines += ['}  // namespace', '', 'const std::vector<EmbeddedAsset>& embedded_assets() {',
              '  static const std::vector<EmbeddedAsset> assets{', *entries, '  };', '  return assets;',
              '}', '', '}  // namespace pgw::detail', '']
    text = "\n".join(lines)
    if not out.exists() or out.read_text() != text:
        out.write_text(text)


if __name__ == "__main__":
    main()
