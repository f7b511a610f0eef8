// Reading one field out of an encoded message without its generated class:
// the runtime's generic code (radio groups, dtype) knows field numbers only.
#pragma once

#include <cstdint>
#include <optional>
#include <string_view>

namespace pgw::detail {

// The last value of varint field `number` in `bytes`; none when it is
// absent or the bytes do not parse.
std::optional<std::uint64_t> varint_field(std::string_view bytes, std::uint32_t number);

}  // namespace pgw::detail
