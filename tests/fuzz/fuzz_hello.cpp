// libFuzzer: the first frame of a connection, where a hello must be. Each
// input is a new connection, closed afterwards, so max_sessions (1) is
// free again for the next.
#include <cstddef>
#include <cstdint>

#include "fuzz_app.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  static auto* f = new pgw::fuzz::FuzzApp();  // lives for the process: libFuzzer never returns
  const auto id = f->open();
  f->message(id, std::string_view(reinterpret_cast<const char*>(data), size));
  f->close(id);
  return 0;
}
