// libFuzzer: frames from a browser after its hello, against a session with
// a page of widgets, callbacks and a pending query. One session lives across
// inputs, as it does across a real page's frames; when an input makes the
// server close it, the next input starts a new one.
#include <cstddef>
#include <cstdint>

#include "fuzz_app.hpp"

namespace {

pgw::fuzz::FuzzApp& app() {
  static auto* instance = new pgw::fuzz::FuzzApp();  // lives for the process: libFuzzer never returns
  return *instance;
}

pgw::transport::ConnectionId live = 0;

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  auto& f = app();
  if (live == 0 || f.server->closed.count(live)) {
    if (live != 0) f.close(live);
    live = f.open();
    f.message(live, pgw::fuzz::FuzzApp::hello_frame());
  }
  f.message(live, std::string_view(reinterpret_cast<const char*>(data), size));
  return 0;
}
