// The `font` option's CSS-like form (see font.hpp). Strict on purpose: a
// word in the wrong place is a mistake to report, not a family to send.
#include "pgwidgets/font.hpp"

#include <cctype>
#include <charconv>
#include <stdexcept>
#include <string>
#include <vector>

namespace pgw {
namespace {

const char* const kForm =
    "a font is \"[style] [weight] [size]pt [family]\", e.g. \"italic bold 12pt Helvetica, sans-serif\" "
    "(style: italic, oblique, normal; weight: bold, bolder, lighter, normal, 100..900; size in points)";

bool is_style(std::string_view w) { return w == "italic" || w == "oblique"; }
bool is_weight_word(std::string_view w) { return w == "bold" || w == "bolder" || w == "lighter"; }

std::optional<double> number(std::string_view w) {
  double value = 0;
  auto [end, ec] = std::from_chars(w.data(), w.data() + w.size(), value);
  if (ec != std::errc() || end != w.data() + w.size()) return std::nullopt;
  return value;
}

// A numeric weight: 100, 200, ... 900 (CSS takes any 1..1000, but "12"
// alone is far likelier a size without its unit than a weight).
bool is_weight_number(std::string_view w) {
  auto v = number(w);
  return v && *v >= 100 && *v <= 900 && static_cast<int>(*v) % 100 == 0 && *v == static_cast<int>(*v);
}

std::optional<double> size_pt(std::string_view w) {
  if (w.size() < 3 || !w.ends_with("pt")) return std::nullopt;
  auto v = number(w.substr(0, w.size() - 2));
  if (!v || !(*v > 0) || *v > 10000) return std::nullopt;
  return v;
}

// A word that belongs before the family (or a size without its unit).
bool looks_like_a_part(std::string_view w) {
  return is_style(w) || is_weight_word(w) || w == "normal" || std::isdigit(static_cast<unsigned char>(w[0]));
}

[[noreturn]] void refuse(std::string_view what, std::string_view text, const std::string& why) {
  throw std::invalid_argument("pgwidgets: " + std::string(what) + ": \"" + std::string(text) + "\": " + why +
                              "; " + kForm);
}

}  // namespace

FontArgs parse_font(std::string_view text, std::string_view what) {
  FontArgs out;
  for (unsigned char c : text) {
    if (std::iscntrl(c) || c == ';' || c == '{' || c == '}') refuse(what, text, "a font has no control characters, ';' or braces");
  }
  std::size_t at = 0;
  auto skip_space = [&] {
    while (at < text.size() && std::isspace(static_cast<unsigned char>(text[at]))) ++at;
  };
  skip_space();
  if (at == text.size()) refuse(what, text, "an empty font (leave the option out to keep the theme's)");
  bool size_seen = false;
  while (at < text.size()) {
    std::size_t end = at;
    while (end < text.size() && !std::isspace(static_cast<unsigned char>(text[end]))) ++end;
    const std::string_view word = text.substr(at, end - at);
    if (size_seen) break;  // after the size comes the family
    if (is_style(word)) {
      if (out.style) refuse(what, text, "two styles");
      out.style = std::string(word);
    } else if (is_weight_word(word) || is_weight_number(word)) {
      if (out.weight) refuse(what, text, "two weights");
      out.weight = std::string(word);
    } else if (word == "normal") {
      // CSS's "normal" style or weight: the default, nothing to set.
    } else if (auto pt = size_pt(word)) {
      out.size = *pt;
      size_seen = true;
    } else if (std::isdigit(static_cast<unsigned char>(word[0])) || word[0] == '.') {
      refuse(what, text, "\"" + std::string(word) + "\" is no size (sizes are in points, with the unit: 12pt)");
    } else {
      break;  // the family starts here
    }
    at = end;
    skip_space();
  }
  std::string_view family = text.substr(at);
  while (!family.empty() && std::isspace(static_cast<unsigned char>(family.back()))) family.remove_suffix(1);
  // A style, weight or size after the family is in the wrong place: CSS
  // order puts the family last. Quoted names are the family's own words.
  bool quoted = false;
  std::size_t w = 0;
  while (w < family.size()) {
    while (w < family.size() && (std::isspace(static_cast<unsigned char>(family[w])) || family[w] == ',')) ++w;
    std::size_t end = w;
    const bool inside_quotes = quoted;
    while (end < family.size() && !std::isspace(static_cast<unsigned char>(family[end])) && family[end] != ',') {
      if (family[end] == '"' || family[end] == '\'') quoted = !quoted;
      ++end;
    }
    const std::string_view word = family.substr(w, end - w);
    if (!inside_quotes && !word.empty() && word[0] != '"' && word[0] != '\'' && looks_like_a_part(word)) {
      refuse(what, text, "\"" + std::string(word) + "\" follows the family; style, weight and size come first");
    }
    w = end;
  }
  if (quoted) refuse(what, text, "a quote is not closed");
  out.family = std::string(family);
  return out;
}

}  // namespace pgw
