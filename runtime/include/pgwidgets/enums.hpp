// The schema's enums (pgw::HAlign, pgw::WindowState, ...) as pgwidgets'
// words, for logs and configuration files:
//   pgw::to_string(pgw::HAlign::center) == "center"
//   pgw::parse<pgw::HAlign>("center") == pgw::HAlign::center
// The generated headers declare each enum and specialize detail::EnumInfo
// with its words; the enumerators' values are the wire's numbers.
#pragma once

#include <concepts>
#include <stdexcept>
#include <string>
#include <string_view>
#include <type_traits>

#include "pgwidgets/errors.hpp"

namespace pgw {
namespace detail {

// Specialized per schema enum: `name` and `words`, an array of
// {enumerator, word} pairs in schema order.
template <class E>
struct EnumInfo;

template <class E>
std::string word_list() {
  std::string out;
  for (const auto& [value, word] : EnumInfo<E>::words) {
    if (!out.empty()) out += ", ";
    out += word;
  }
  return out;
}

}  // namespace detail

// An enum declared in the schema.
template <class E>
concept SchemaEnum = std::is_enum_v<E> && requires {
  { detail::EnumInfo<E>::name } -> std::convertible_to<std::string_view>;
  detail::EnumInfo<E>::words;
};

// pgwidgets' word for `value`; std::invalid_argument for a value that is
// none of the schema's (a cast from an arbitrary number).
template <SchemaEnum E>
std::string_view to_string(E value) {
  for (const auto& [v, word] : detail::EnumInfo<E>::words) {
    if (v == value) return word;
  }
  throw std::invalid_argument("pgw::" + std::string(detail::EnumInfo<E>::name) + ": no word for value " +
                              std::to_string(static_cast<std::underlying_type_t<E>>(value)));
}

// The value pgwidgets spells `word`; std::invalid_argument naming the valid
// words otherwise.
template <SchemaEnum E>
E parse(std::string_view word) {
  for (const auto& [value, w] : detail::EnumInfo<E>::words) {
    if (w == word) return value;
  }
  throw std::invalid_argument("pgw::" + std::string(detail::EnumInfo<E>::name) + ": \"" + std::string(word) +
                              "\" is not one of " + detail::word_list<E>());
}

namespace detail {

// A number off the wire: one of E's values, or the peer broke the protocol.
template <SchemaEnum E>
E enum_from_wire(int number) {
  for (const auto& [value, word] : EnumInfo<E>::words) {
    if (static_cast<int>(value) == number) return value;
  }
  throw ProtocolError("pgwidgets: " + std::to_string(number) + " is no value of " +
                      std::string(EnumInfo<E>::name));
}

}  // namespace detail
}  // namespace pgw
