// bench_rebuild: the bytes of the frame that rebuilds a page (what a reload
// or a second browser gets) after a ComboBox has been edited many times.
//
// The server's store gets a ComboBox, 10 items that stay, then N cycles of
// append_text("item i") + delete_alpha("item i") (default N = 10,000), each
// recorded as the session records a setter call; the final list is the 10
// items. The bench then builds the rebuild (rebuild.hpp, Rebuild BEGIN..END,
// as a joining browser gets it) and prints its bytes and messages, and the
// C++ time of the edits and of the rebuild. `--cycles 0` is the floor.
// It uses only WidgetStore::add/record and append_rebuild, so the same
// source measures the tree before collection state (a call log) and after.
// usage: bench_rebuild [--cycles N]
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <string>
#include <string_view>

#include "pgwidgets/protocol.pb.h"
#include "pgwidgets/schema_info.hpp"
#include "rebuild.hpp"
#include "widget_store.hpp"

namespace {

// A `Text` request (field 1, a string), as the generated proxy encodes it.
std::string text(const std::string& s) {
  std::string out(1, '\x0a');
  std::size_t n = s.size();
  while (n >= 0x80) {
    out.push_back(static_cast<char>((n & 0x7f) | 0x80));
    n >>= 7;
  }
  out.push_back(static_cast<char>(n));
  return out + s;
}

double ms_since(std::chrono::steady_clock::time_point t0) {
  return std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - t0).count();
}

}  // namespace

int main(int argc, char** argv) {
  int cycles = 10000;
  for (int i = 1; i + 1 < argc; i += 2) {
    if (std::string_view(argv[i]) == "--cycles") cycles = std::atoi(argv[i + 1]);
  }
  namespace d = pgw::detail;
  const d::MethodInfo& append = d::methods::ComboBox_append_text;
  const d::MethodInfo& remove = d::methods::ComboBox_delete_alpha;
  d::WidgetStore store;
  const auto t0 = std::chrono::steady_clock::now();
  const pgw::WidgetId combo = store.add(d::classes::ComboBox, "");
  for (int i = 0; i < 10; ++i) store.record(combo, append.field, append.id, text("kept " + std::to_string(i)));
  for (int i = 0; i < cycles; ++i) {
    store.record(combo, append.field, append.id, text("item " + std::to_string(i)));
    store.record(combo, remove.field, remove.id, text("item " + std::to_string(i)));
  }
  const double edit_ms = ms_since(t0);
  const auto t1 = std::chrono::steady_clock::now();
  pgwidgets::ServerFrame frame;
  std::uint32_t seq = 0;
  d::append_rebuild(store, {}, [&] { return ++seq; }, frame);
  const std::string bytes = frame.SerializeAsString();
  std::printf("cycles %d: rebuild frame %zu bytes, %d messages; edits %.1f ms, rebuild %.2f ms\n", cycles,
              bytes.size(), frame.messages_size(), edit_ms, ms_since(t1));
  return 0;
}
