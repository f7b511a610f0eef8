// Reading one field out of an encoded message without its generated class:
// the runtime's generic code (radio groups, dtype) knows field numbers only.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace pgw::detail {

// The last value of varint field `number` in `bytes`; none when it is
// absent or the bytes do not parse.
std::optional<std::uint64_t> varint_field(std::string_view bytes, std::uint32_t number);

// The last value of string (length-delimited) field `number`: "" when it is
// absent; none when the bytes do not parse.
std::optional<std::string> string_field(std::string_view bytes, std::uint32_t number);

// A message holding only string field `number` = `value`.
std::string encode_string_field(std::uint32_t number, std::string_view value);

}  // namespace pgw::detail
