#include "http_fuzz_app.hpp"

#include <stdexcept>

#include "fuzz_app.hpp"

namespace pgw::fuzz {

void answer_http(const HttpRequest& request) {
  static auto* f = new FuzzApp();  // lives for the process: libFuzzer never returns
  const auto response = f->config.http_handler(transport::HttpRequest{request.method, request.resource, request.host});
  if (response.status < 100 || response.status > 999) throw std::logic_error("an HTTP status out of range");
  f->config.accept_origin(transport::ConnectInfo{"127.0.0.1:1", request.origin, request.host, request.resource});
}

}  // namespace pgw::fuzz
