// The C++17 face of the HTTP fuzz target: what websocketpp parsed, handed
// to the Application (C++20) in http_fuzz_app.cpp.
#pragma once

#include <string>

namespace pgw::fuzz {

struct HttpRequest {
  std::string method;
  std::string resource;
  std::string host;
  std::string origin;
};

// Runs the Application's HTTP handler on `request`, and its WebSocket
// handshake check with the same Host and Origin.
void answer_http(const HttpRequest& request);

}  // namespace pgw::fuzz
