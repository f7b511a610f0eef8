// What the HTTP server answers: the page, the bundle, a favicon.
#pragma once

#include <cstdint>
#include <string>

#include "transport/ws_server.hpp"

namespace pgw::detail {

// The host part of a Host header ("example.org:9501" -> "example.org",
// "[::1]:80" -> "[::1]"); empty when it is not a plausible host name.
std::string host_of(const std::string& host_header);

transport::HttpResponse serve_http(const transport::HttpRequest& request, const std::string& fallback_host,
                                   std::uint16_t ws_port);

}  // namespace pgw::detail
