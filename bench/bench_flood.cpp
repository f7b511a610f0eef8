// bench_flood: what one peer's callback flood costs another session.
//
// The real server on loopback (tests/protocol/live_server.hpp) with two
// scripted browsers, no Chromium. The victim clicks a Button whose handler
// answers with Label.set_text; each round trip is click sent to set_text
// received. The bench times N round trips on a quiet server, then sends the
// attacker's frame of a million clicks (about 12 MB, under max_frame_bytes)
// and times N more round trips at once, 20 ms apart, and prints p50, p99 and
// max for both, how long the server took to close the attacker (1008), and
// how many flood clicks reached a handler (0 is right).
//
// The protocol test `protocol: a callback-flood frame is refused with 1008 ...`
// checks the same scene for correctness; the times live here because a timed
// assertion fails on a loaded machine without the code being wrong.
// usage: bench_flood [--round-trips N]   (default 200)
#include <algorithm>
#include <atomic>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <future>
#include <string>
#include <string_view>
#include <thread>
#include <vector>

#include "protocol/live_server.hpp"

using namespace pgw::test;
using namespace std::chrono_literals;
using Clock = std::chrono::steady_clock;

namespace {

struct Figures {
  double p50 = 0, p99 = 0, max = 0;
};

Figures figures(std::vector<double> us) {
  if (us.empty()) return {};
  std::sort(us.begin(), us.end());
  const auto at = [&](double q) { return us[std::min(us.size() - 1, static_cast<std::size_t>(q * us.size()))]; };
  return {at(0.50), at(0.99), us.back()};
}

// N clicks by `browser`, each awaited until the handler's set_text arrives.
// Returns the round trips in µs; an empty vector if one never came back.
std::vector<double> round_trips(ScriptedBrowser& browser, const std::string& click, int n,
                                std::chrono::milliseconds gap) {
  std::vector<double> us;
  for (int i = 0; i < n; ++i) {
    const auto start = Clock::now();
    browser.client.send_binary(click);
    if (!browser.wait_for_call(pgw::detail::methods::Label_set_text.id)) return {};
    us.push_back(std::chrono::duration<double, std::micro>(Clock::now() - start).count());
    if (gap.count() > 0) std::this_thread::sleep_for(gap);
  }
  return us;
}

}  // namespace

int main(int argc, char** argv) {
  int n = 200;
  for (int i = 1; i + 1 < argc; i += 2) {
    if (std::string_view(argv[i]) == "--round-trips") n = std::max(1, std::atoi(argv[i + 1]));
  }
  std::atomic<int> clicks{0};
  LiveServer server({.max_sessions = 2, .logger = pgw::quiet_logger()}, counting_button(clicks));
  ScriptedBrowser victim(server);
  ScriptedBrowser attacker(server);
  const auto victim_listen = victim.wait_for([](const auto& m) { return m.has_listen(); });
  const auto attacker_listen = attacker.wait_for([](const auto& m) { return m.has_listen(); });
  if (!victim_listen || !attacker_listen) {
    std::fprintf(stderr, "bench_flood: a session never listened for its button\n");
    return 1;
  }
  const auto click = [](const pgwidgets::ServerMessage& l) {
    return client_frame({callback(l.listen().widget_id(), l.listen().callback_id())});
  };
  const std::string victim_click = click(*victim_listen);
  const std::string one = click(*attacker_listen);
  std::string flood;
  flood.reserve(one.size() * 1'000'000);
  for (int i = 0; i < 1'000'000; ++i) flood += one;  // repeated fields concatenate

  round_trips(victim, victim_click, 50, 0ms);  // warm up
  const auto quiet = round_trips(victim, victim_click, n, 20ms);
  const int before = clicks;
  const auto sent = Clock::now();
  attacker.client.send_binary(flood);
  // The attacker's close is awaited on its own thread while the victim clicks.
  auto closing = std::async(std::launch::async, [&attacker, sent] {
    const auto closed = attacker.client.wait_closed(10s);
    return std::make_pair(closed ? closed->first : 0,
                          std::chrono::duration<double, std::milli>(Clock::now() - sent).count());
  });
  const auto during = round_trips(victim, victim_click, n, 20ms);
  const auto [close_code, close_ms] = closing.get();
  if (quiet.empty() || during.empty()) {
    std::fprintf(stderr, "bench_flood: a victim round trip never came back\n");
    return 1;
  }
  const Figures q = figures(quiet), d = figures(during);
  std::printf("bench_flood: %d victim round trips each, 20 ms apart (click -> handler -> set_text)\n", n);
  std::printf("  %-34s p50 %8.0f us  p99 %8.0f us  max %8.0f us\n", "quiet server", q.p50, q.p99, q.max);
  std::printf("  %-34s p50 %8.0f us  p99 %8.0f us  max %8.0f us\n", "after a 1,000,000-click frame", d.p50, d.p99,
              d.max);
  std::printf("  attacker frame: %zu bytes; closed with %d, %.0f ms after it was sent\n", flood.size(), close_code,
              close_ms);
  std::printf("  flood clicks that reached a handler: %d\n", clicks - before - n);
  return 0;
}
