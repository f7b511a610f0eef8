// A session's id and secret token: random from the operating system's
// CSPRNG, and compared in constant time (a token check must not tell an
// attacker how many leading characters were right).
#pragma once

#include <cstddef>
#include <string>
#include <string_view>

namespace pgw::detail {

// `bytes` random bytes from getrandom(2), as lowercase hex. Throws
// std::system_error if the kernel cannot supply them.
std::string random_hex(std::size_t bytes);

// Whether a == b, in time that depends only on their lengths.
bool same_secret(std::string_view a, std::string_view b) noexcept;

// Whether `text` has the form random_hex(bytes) gives (lowercase hex of
// that length): what a browser sends is checked before it is logged.
bool is_hex_of(std::string_view text, std::size_t bytes) noexcept;

// Session tokens hold this many random bytes (128 bits).
inline constexpr std::size_t token_bytes = 16;
// Session ids: not secret, only unique (64 bits).
inline constexpr std::size_t session_id_bytes = 8;

}  // namespace pgw::detail
