#include "session_identity.hpp"

#include <sys/random.h>

#include <cerrno>
#include <system_error>
#include <vector>

namespace pgw::detail {

std::string random_hex(std::size_t bytes) {
  std::vector<unsigned char> buf(bytes);
  std::size_t got = 0;
  while (got < bytes) {
    const ssize_t n = getrandom(buf.data() + got, bytes - got, 0);
    if (n < 0) {
      if (errno == EINTR) continue;
      throw std::system_error(errno, std::generic_category(), "pgwidgets: getrandom");
    }
    got += static_cast<std::size_t>(n);
  }
  std::string out;
  out.reserve(bytes * 2);
  for (unsigned char b : buf) {
    out += "0123456789abcdef"[b >> 4];
    out += "0123456789abcdef"[b & 0xf];
  }
  return out;
}

bool is_hex_of(std::string_view text, std::size_t bytes) noexcept {
  if (text.size() != bytes * 2) return false;
  for (char c : text) {
    if (!((c >= '0' && c <= '9') || (c >= 'a' && c <= 'f'))) return false;
  }
  return true;
}

bool valid_route(std::string_view route) noexcept {
  if (route.empty() || route.size() > max_route_chars) return false;
  for (char c : route) {
    const bool ok = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-';
    if (!ok) return false;
  }
  return true;
}

std::string new_session_id(std::string_view route) {
  std::string hex = random_hex(session_id_bytes);
  if (route.empty()) return hex;
  return std::string(route) + "." + hex;
}

bool is_session_id(std::string_view text) noexcept {
  const auto dot = text.find('.');
  if (dot == std::string_view::npos) return is_hex_of(text, session_id_bytes);
  return valid_route(text.substr(0, dot)) && is_hex_of(text.substr(dot + 1), session_id_bytes);
}

bool same_secret(std::string_view a, std::string_view b) noexcept {
  if (a.size() != b.size()) return false;
  // Every byte is looked at whatever the earlier ones were; volatile keeps
  // the compiler from stopping at the first difference.
  volatile unsigned char diff = 0;
  for (std::size_t i = 0; i < a.size(); ++i) {
    diff = diff | static_cast<unsigned char>(a[i] ^ b[i]);
  }
  return diff == 0;
}

}  // namespace pgw::detail
