// What the HTTP server answers: the page, the bundle, a favicon.
#pragma once

#include <cstdint>
#include <initializer_list>
#include <string>
#include <string_view>

#include "transport/ws_server.hpp"

namespace pgw::detail {

// The host part of a Host header ("example.org:9501" -> "example.org",
// "[::1]:80" -> "[::1]"); empty when it is not a plausible host name.
std::string host_of(const std::string& host_header);

// `public_ws_url` (ApplicationOptions::public_ws_url), when not empty, is
// the WebSocket address the page is told; else ws://<Host>:ws_port/.
transport::HttpResponse serve_http(const transport::HttpRequest& request, const std::string& fallback_host,
                                   std::uint16_t ws_port, std::string_view public_ws_url = {});

// Why `url` cannot be a public address starting with one of `starts`
// ("" when it can, or when it is empty: the option is unset). Spaces,
// control characters, '?' and '#' are refused: a query is appended to it.
// "scheme://host[:port]" of an absolute URL, lowercased, as a browser
// sends it in Origin (empty when `url` has no "://").
std::string origin_of(std::string_view url);

std::string public_url_error(std::string_view url, std::initializer_list<std::string_view> starts);

}  // namespace pgw::detail
