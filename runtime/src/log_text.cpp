#include "log_text.hpp"

#include <utility>

namespace pgw::detail {

namespace {

constexpr char kHex[] = "0123456789abcdef";

void hex_byte(std::string& out, const char* prefix, unsigned char c) {
  out += prefix;
  out += kHex[c >> 4];
  out += kHex[c & 0xf];
}

// Length of the valid UTF-8 sequence at text[i], 0 if there is none.
std::size_t utf8_length(std::string_view text, std::size_t i) {
  const auto at = [&](std::size_t k) { return static_cast<unsigned char>(text[k]); };
  const unsigned char c = at(i);
  std::size_t n = 0;
  std::uint32_t min = 0;
  std::uint32_t cp = 0;
  if (c >= 0xc2 && c <= 0xdf) {
    n = 2, min = 0x80, cp = c & 0x1f;
  } else if (c >= 0xe0 && c <= 0xef) {
    n = 3, min = 0x800, cp = c & 0x0f;
  } else if (c >= 0xf0 && c <= 0xf4) {
    n = 4, min = 0x10000, cp = c & 0x07;
  } else {
    return 0;
  }
  if (i + n > text.size()) return 0;
  for (std::size_t k = 1; k < n; ++k) {
    if ((at(i + k) & 0xc0) != 0x80) return 0;
    cp = (cp << 6) | (at(i + k) & 0x3f);
  }
  if (cp < min || cp > 0x10ffff || (cp >= 0xd800 && cp <= 0xdfff)) return 0;
  return n;
}

}  // namespace

std::string printable(std::string_view text, std::size_t max_bytes) {
  const bool cut = text.size() > max_bytes;
  const std::string_view kept = cut ? text.substr(0, max_bytes) : text;
  std::string out;
  out.reserve(kept.size() + 16);
  for (std::size_t i = 0; i < kept.size();) {
    const auto c = static_cast<unsigned char>(kept[i]);
    if (c < 0x80) {
      switch (c) {
        case '\n': out += "\\n"; break;
        case '\r': out += "\\r"; break;
        case '\t': out += "\\t"; break;
        case '\\': out += "\\\\"; break;
        default:
          if (c < 0x20 || c == 0x7f) {
            hex_byte(out, "\\x", c);
          } else {
            out += static_cast<char>(c);
          }
      }
      ++i;
      continue;
    }
    const std::size_t n = utf8_length(kept, i);
    if (n == 0) {
      hex_byte(out, "\\x", c);  // not UTF-8 (or a sequence the cut split)
      ++i;
    } else if (n == 2 && c == 0xc2 && static_cast<unsigned char>(kept[i + 1]) < 0xa0) {
      // C1 controls (U+0080..U+009F): some terminals obey U+009B as CSI.
      hex_byte(out, "\\u00", static_cast<unsigned char>(kept[i + 1]));
      i += 2;
    } else {
      out.append(kept.data() + i, n);
      i += n;
    }
  }
  if (cut) out += "... (" + std::to_string(text.size() - max_bytes) + " bytes more)";
  return out;
}

Logger escaping_logger(Logger inner) {
  if (!inner) return {};
  return [inner = std::move(inner)](LogLevel level, std::string_view message) {
    inner(level, printable(message));
  };
}

}  // namespace pgw::detail
