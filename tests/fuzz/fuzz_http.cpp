// libFuzzer: the HTTP request path. websocketpp parses the request as the
// transport does, then the Application's own answer runs: the Host check,
// the pages, and the WebSocket handshake's Host and Origin check.
// C++17: websocketpp's headers do not compile as C++20.
#include <cstddef>
#include <cstdint>
#include <exception>
#include <string>

#include <websocketpp/http/request.hpp>

#include "http_fuzz_app.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  websocketpp::http::parser::request request;
  request.set_max_body_size(4096);  // as the transport sets it (max_http_body_bytes)
  try {
    std::size_t used = 0;
    while (used < size && !request.ready()) {
      const std::size_t n = request.consume(reinterpret_cast<const char*>(data) + used, size - used);
      if (n == 0) break;
      used += n;
    }
  } catch (const websocketpp::http::exception&) {
    return 0;  // the transport answers these with the exception's status
  }
  if (!request.ready()) return 0;
  pgw::fuzz::HttpRequest r{request.get_method(), request.get_uri(), request.get_header("Host"),
                           request.get_header("Origin")};
  pgw::fuzz::answer_http(r);
  return 0;
}
