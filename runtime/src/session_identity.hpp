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

// Whether `route` (ApplicationOptions::route) may prefix session ids: 1 to
// max_route_chars letters, digits and '-', so a proxy's pattern
// ^<route>\. can never match another process's ids by accident of syntax.
bool valid_route(std::string_view route) noexcept;
inline constexpr std::size_t max_route_chars = 32;

// A new session id: random_hex(session_id_bytes), after "<route>." when
// `route` is not empty.
std::string new_session_id(std::string_view route);

// Whether `text` has the form new_session_id gives, for any valid route.
bool is_session_id(std::string_view text) noexcept;

// Session tokens hold this many random bytes (128 bits).
inline constexpr std::size_t token_bytes = 16;
// Session ids: not secret, only unique (64 bits).
inline constexpr std::size_t session_id_bytes = 8;

}  // namespace pgw::detail
