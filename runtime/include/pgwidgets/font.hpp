// The `font` option of every widget: one CSS-like string, parsed when the
// options are passed into set_font's four arguments (pgwidgets' set_font:
// family, size, weight, style).
//
//   [style] [weight] [size]pt [family]     e.g. "italic bold 12pt Helvetica, sans-serif"
//
// style: italic, oblique or normal; weight: bold, bolder, lighter, normal
// or 100, 200, ... 900; size: points with the unit ("12pt"); family: the
// rest (absent: the theme's). Anything else is not a font and throws
// std::invalid_argument naming the option and saying this form, so
// `{.font = "bold"}` makes the text bold, never a family called "bold".
#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace pgw {

struct FontArgs {
  std::string family;                 // "" keeps the theme's
  std::optional<double> size;         // points
  std::optional<std::string> weight;  // "bold", "400"
  std::optional<std::string> style;   // "italic"
  friend bool operator==(const FontArgs&, const FontArgs&) = default;
};

// Throws std::invalid_argument, prefixed with `what` (the option's name).
FontArgs parse_font(std::string_view text, std::string_view what = "font");

}  // namespace pgw
