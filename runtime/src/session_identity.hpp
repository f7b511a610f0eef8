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

// Session tokens hold this many random bytes (128 bits).
inline constexpr std::size_t token_bytes = 16;
// Session ids: not secret, only unique (64 bits).
inline constexpr std::size_t session_id_bytes = 8;

}  // namespace pgw::detail
