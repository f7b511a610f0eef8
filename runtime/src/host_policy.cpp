#include "host_policy.hpp"

#include <algorithm>
#include <cctype>
#include <optional>

#include <boost/asio/ip/address.hpp>

namespace pgw::detail {

namespace {

std::string lower(std::string_view text) {
  std::string out(text);
  std::transform(out.begin(), out.end(), out.begin(), [](unsigned char c) { return std::tolower(c); });
  return out;
}

// "[::1]" and "::1" alike; nullopt for a name.
std::optional<boost::asio::ip::address> as_address(std::string_view host) {
  if (host.size() >= 2 && host.front() == '[' && host.back() == ']') host = host.substr(1, host.size() - 2);
  boost::system::error_code ec;
  auto address = boost::asio::ip::make_address(std::string(host), ec);
  if (ec) return std::nullopt;
  if (address.is_v6() && address.to_v6().is_v4_mapped()) {
    return boost::asio::ip::address(boost::asio::ip::make_address_v4(boost::asio::ip::v4_mapped, address.to_v6()));
  }
  return address;
}

// The host part of "host", "host:port" or "[v6]:port", lower case, without
// a trailing dot; empty when malformed.
std::string host_part(std::string_view header) {
  std::string_view host = header;
  if (!host.empty() && host.front() == '[') {
    const auto end = host.find(']');
    if (end == std::string_view::npos) return {};
    const std::string_view rest = host.substr(end + 1);
    if (!rest.empty() && rest.front() != ':') return {};
    host = host.substr(0, end + 1);
  } else if (const auto colon = host.find(':'); colon != std::string_view::npos) {
    if (host.find(':', colon + 1) != std::string_view::npos) return {};  // a bare IPv6 address is not a Host
    host = host.substr(0, colon);
  }
  if (!host.empty() && host.back() == '.') host.remove_suffix(1);
  const bool plausible = !host.empty() && std::all_of(host.begin(), host.end(), [](unsigned char c) {
    return std::isalnum(c) || c == '.' || c == '-' || c == '_' || c == ':' || c == '[' || c == ']';
  });
  return plausible ? lower(host) : std::string();
}

}  // namespace

HostPolicy::HostPolicy(std::string bind_host, std::vector<std::string> allowed_hosts)
    : bind_host_(lower(bind_host)) {
  if (auto address = as_address(bind_host_)) bind_wildcard_ = address->is_unspecified();
  for (auto& name : allowed_hosts) {
    if (name == "*") allow_any_ = true;
    std::string host = host_part(name);
    if (!host.empty()) allowed_.push_back(std::move(host));
  }
}

bool HostPolicy::loopback_only() const {
  if (bind_host_ == "localhost") return true;
  auto address = as_address(bind_host_);
  return address && address->is_loopback();
}

bool HostPolicy::allows_host(std::string_view host_header) const {
  if (allow_any_) return true;
  const std::string host = host_part(host_header);
  return !host.empty() && allows_name(host);
}

bool HostPolicy::allows_name(std::string name) const {
  if (name == "localhost" || (name.size() > 10 && name.ends_with(".localhost"))) return true;
  if (std::find(allowed_.begin(), allowed_.end(), name) != allowed_.end()) return true;
  if (auto address = as_address(name)) {
    if (address->is_loopback() || bind_wildcard_) return true;
    auto bound = as_address(bind_host_);
    return bound && *bound == *address;
  }
  return name == bind_host_;
}

bool HostPolicy::is_own_origin(std::string_view origin, std::uint16_t http_port) const {
  constexpr std::string_view scheme = "http://";
  if (!origin.starts_with(scheme)) return false;
  const std::string_view authority = origin.substr(scheme.size());
  if (authority.find('/') != std::string_view::npos) return false;
  // An origin always names its port unless it is the scheme's default.
  const auto colon = authority.rfind(':');
  const bool has_port = colon != std::string_view::npos && authority.find(']', colon) == std::string_view::npos;
  const std::string_view port = has_port ? authority.substr(colon + 1) : std::string_view("80");
  if (port != std::to_string(http_port)) return false;
  return allows_host(authority);
}

}  // namespace pgw::detail
