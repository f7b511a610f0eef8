// Which Host headers name this server, and which Origins are its own page.
// A DNS-rebinding page reaches us under the attacker's name: its requests
// carry that name in Host and its origin, so both are checked against names
// derived from the configuration, never from the request itself.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace pgw::detail {

class HostPolicy {
 public:
  // `bind_host`: the address (or name) the server listens on;
  // `allowed_hosts`: more names, compared without case; "*" allows any.
  HostPolicy(std::string bind_host, std::vector<std::string> allowed_hosts);

  // Whether a Host header ("name", "name:port", "[v6]:port") names this
  // server: the bound address, localhost (and *.localhost), a loopback
  // address, a name in allowed_hosts, or, when bound to a wildcard address,
  // any IP address (an address cannot be rebound to another machine).
  bool allows_host(std::string_view host_header) const;

  // Whether `origin` is a page served by our own HTTP port under a name
  // allows_host() accepts.
  bool is_own_origin(std::string_view origin, std::uint16_t http_port) const;

  // Whether the bound address is reachable only from this machine.
  bool loopback_only() const;

 private:
  bool allows_name(std::string name) const;

  std::string bind_host_;
  bool bind_wildcard_ = false;
  std::vector<std::string> allowed_;
  bool allow_any_ = false;
};

}  // namespace pgw::detail
