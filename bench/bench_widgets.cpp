// bench_widgets: throughput and latency of pgwidgets against a real browser.
//
// Prints the page URL as its first line, waits for one browser, runs the
// phases below one after another and prints one table. Phase e needs the
// driver (bench/run_bench.mjs) to click the button and send its timestamps
// back through the TextEntry. It never asserts timings: it reports them.
#include <algorithm>
#include <chrono>
#include <cmath>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <ctime>
#include <memory>
#include <numeric>
#include <string>
#include <string_view>
#include <vector>

#include <boost/asio/co_spawn.hpp>
#include <boost/asio/detached.hpp>
#include <boost/asio/post.hpp>
#include <boost/asio/steady_timer.hpp>
#include <boost/asio/this_coro.hpp>
#include <boost/asio/use_awaitable.hpp>

#include <pgwidgets/pgwidgets.hpp>

#include "example_args.hpp"
#include "slots.hpp"

namespace asio = boost::asio;
using steady = std::chrono::steady_clock;
using sys = std::chrono::system_clock;

namespace {

constexpr int kLabels = 1000;
constexpr int kSetText = 2000;
int g_queries = 2000;  // phase d's round trips: --queries N
// --slot-us S: phase d runs only in even slots of S (slots.hpp), ws_echo in
// the odd ones; 0 runs it back to back.
std::chrono::microseconds g_slot(0);
constexpr std::chrono::microseconds kSlotMargin(2000);  // as ws_echo's
constexpr int kPushThenQuery = 50;
constexpr auto kPushGap = std::chrono::microseconds(500);

double ms_since(steady::time_point t0) { return std::chrono::duration<double, std::milli>(steady::now() - t0).count(); }
double us_between(steady::time_point a, steady::time_point b) {
  return std::chrono::duration<double, std::micro>(b - a).count();
}

std::string fmt(double v, int decimals = 1) {
  char buf[64];
  std::snprintf(buf, sizeof buf, "%.*f", decimals, v);
  return buf;
}
std::string fmt_int(std::uint64_t v) { return std::to_string(v); }

struct Stats {
  double mean = 0, p50 = 0, p99 = 0, min = 0, max = 0;
  std::size_t n = 0;
};

// Nearest-rank percentiles.
Stats stats_of(std::vector<double> v) {
  Stats s;
  s.n = v.size();
  if (v.empty()) return s;
  std::sort(v.begin(), v.end());
  auto rank = [&](double p) {
    auto i = static_cast<std::size_t>(std::ceil(p * static_cast<double>(v.size())));
    return v[std::clamp<std::size_t>(i, 1, v.size()) - 1];
  };
  s.mean = std::accumulate(v.begin(), v.end(), 0.0) / static_cast<double>(v.size());
  s.p50 = rank(0.50);
  s.p99 = rank(0.99);
  s.min = v.front();
  s.max = v.back();
  return s;
}

// The numbers of `"key":[...]` in the driver's JSON report.
std::vector<double> json_numbers(const std::string& json, std::string_view key) {
  std::vector<double> out;
  const std::string needle = "\"" + std::string(key) + "\":[";
  auto pos = json.find(needle);
  if (pos == std::string::npos) return out;
  const char* p = json.c_str() + pos + needle.size();
  while (*p && *p != ']') {
    char* end = nullptr;
    double v = std::strtod(p, &end);
    if (end == p) break;
    out.push_back(v);
    p = end;
    while (*p == ',' || *p == ' ') ++p;
  }
  return out;
}
// `"key":value` (a number or true/false) in the driver's JSON report, as text.
std::string json_scalar(const std::string& json, std::string_view key) {
  const std::string needle = "\"" + std::string(key) + "\":";
  auto pos = json.find(needle);
  if (pos == std::string::npos) return "?";
  auto start = pos + needle.size();
  auto end = json.find_first_of(",}", start);
  return json.substr(start, end - start);
}

struct Row {
  std::string measure, value, unit;
};

struct Bench {
  pgw::Application* app = nullptr;
  asio::any_io_executor executor;
  std::vector<Row> rows;
  // Phase e: when each click reached the C++ handler.
  std::vector<double> arrival_sys_us;  // system_clock, µs since the epoch
  int clicks = 0;
  // Session::stats() as each click reached the handler (phase f).
  std::vector<pgw::SessionStats> arrival_stats;
  // Phase f, server half: one set_text("Hello!") frame, measured.
  std::uint64_t hello_frame_measured = 0;
  std::uint64_t hello_frames = 0;
  pgw::WidgetId hello_widget = 0;
  bool finished = false;
  bool failed = false;

  void row(std::string measure, std::string value, std::string unit) {
    rows.push_back({std::move(measure), std::move(value), std::move(unit)});
  }
  void section(std::string title) { rows.push_back({std::move(title), "", ""}); }
  void stat_rows(const std::string& what, const Stats& s) {
    row("  " + what + " mean", fmt(s.mean), "us");
    row("  " + what + " p50", fmt(s.p50), "us");
    row("  " + what + " p99", fmt(s.p99), "us");
  }

  void print() const {
    std::size_t w0 = 7, w1 = 5;
    for (const auto& r : rows) {
      if (r.value.empty()) continue;  // section titles may run across
      w0 = std::max(w0, r.measure.size());
      w1 = std::max(w1, r.value.size());
    }
    std::printf("%-*s  %*s  %s\n", int(w0), "measure", int(w1), "value", "unit");
    std::printf("%s  %s  %s\n", std::string(w0, '-').c_str(), std::string(w1, '-').c_str(), "----");
    for (const auto& r : rows) {
      if (r.value.empty()) {
        std::printf("%s\n", r.measure.c_str());
      } else {
        std::printf("%-*s  %*s  %s\n", int(w0), r.measure.c_str(), int(w1), r.value.c_str(), r.unit.c_str());
      }
    }
    std::fflush(stdout);
  }
};

// Lets the session flush what it queued this turn before going on.
pgw::Task<> next_turn() {
  auto ex = co_await asio::this_coro::executor;
  co_await asio::post(ex, asio::use_awaitable);
}

pgw::Task<> fail_and_close(std::shared_ptr<Bench> bench, std::string why) {
  if (bench->finished) co_return;
  bench->finished = true;
  bench->failed = true;
  std::fprintf(stderr, "bench_widgets: %s\n", why.c_str());
  co_await bench->app->close();
}

// Phase e's end: the driver's report arrived through the entry.
pgw::Task<> finish(std::shared_ptr<Bench> bench, std::string report, pgw::WidgetId button_id) {
  auto& b = *bench;
  const auto clicks = json_numbers(report, "click");
  const auto rtts = json_numbers(report, "rtt");
  const auto frames = json_numbers(report, "frame");
  if (clicks.empty() || clicks.size() != b.arrival_sys_us.size()) {
    co_await fail_and_close(bench, "the driver reported " + std::to_string(clicks.size()) + " clicks, the handler saw " +
                                       std::to_string(b.arrival_sys_us.size()));
    co_return;
  }
  std::vector<double> one_way;
  for (std::size_t i = 0; i < clicks.size(); ++i) one_way.push_back(b.arrival_sys_us[i] - clicks[i] * 1000.0);
  std::vector<double> rtt_us;
  for (double ms : rtts) rtt_us.push_back(ms * 1000.0);

  b.section("e. callbacks, " + std::to_string(clicks.size()) + " in-page clicks on a Button");
  const Stats ow = stats_of(one_way);
  b.stat_rows("click -> C++ handler (one way)", ow);
  // Both ends read this host's wall clock; a negative minimum would mean they disagree.
  b.row("  click -> C++ handler (one way) min", fmt(ow.min), "us");
  b.stat_rows("click -> label updated (round trip)", stats_of(rtt_us));
  b.row("  browser clock: cross-origin isolated", json_scalar(report, "isolated"), "");
  b.row("  browser clock: finest step seen", json_scalar(report, "resolution_us"), "us");

  // f. frame sizes, as Session::stats() and the page counted them.
  b.section("f. frame sizes");
  b.row("  ServerFrame, one pipelined Label.set_text(\"Hello!\") (widget id " + std::to_string(b.hello_widget) +
            ", Session::stats() bytes_sent over " + fmt_int(b.hello_frames) + " frame)",
        fmt_int(b.hello_frame_measured), "bytes");
  // Between two clicks' handlers the session receives exactly the second click's frame.
  std::vector<double> click_frames;
  for (std::size_t i = 1; i < b.arrival_stats.size(); ++i) {
    const auto& prev = b.arrival_stats[i - 1];
    const auto& cur = b.arrival_stats[i];
    if (cur.frames_received - prev.frames_received == 1) {
      click_frames.push_back(static_cast<double>(cur.bytes_received - prev.bytes_received));
    }
  }
  if (!click_frames.empty()) {
    const auto s = stats_of(click_frames);
    b.row("  ClientFrame, one Button activated callback (widget id " + std::to_string(button_id) +
              ", Session::stats() bytes_received, median of " + std::to_string(s.n) + ")",
          fmt(s.p50, 0), "bytes");
  }
  if (!frames.empty()) {
    const auto s = stats_of(frames);
    b.row("  ClientFrame, same, measured in the page (WebSocket.send, median of " + std::to_string(s.n) + ")",
          fmt(s.p50, 0), "bytes");
  }
  b.finished = true;
  b.print();
  co_await b.app->close();
}

pgw::Task<> run_bench(pgw::Session& session, std::shared_ptr<Bench> bench) {
  auto& b = *bench;
  auto W = session.get_widgets();
  session.set_error_handler([bench](std::exception_ptr e) {
    std::string what = "unknown error";
    try {
      std::rethrow_exception(e);
    } catch (const std::exception& ex) {
      what = ex.what();
    } catch (...) {
    }
    asio::co_spawn(bench->executor, fail_and_close(bench, "error: " + what), asio::detached);
  });

  // --- a. 1000 Labels into a VBox in a shown TopLevel ---------------------------------
  auto top = co_await W.TopLevel({.title = "bench: 1000 labels", .resizable = true});
  co_await top.resize(300, 500);
  auto vbox = co_await W.VBox({.spacing = 2});
  co_await top.set_widget(vbox);
  co_await top.show();
  (void)co_await vbox.get_size();  // the window is up: start from a quiet link

  {
    const auto s0 = session.stats();
    const auto t0 = steady::now();
    for (int i = 0; i < kLabels; ++i) {
      const std::string text = "Label " + std::to_string(i);
      pgw::Label label = co_await W.Label(text);
      co_await vbox.add_widget(label, 0);
    }
    const double queued_ms = ms_since(t0);
    (void)co_await vbox.get_size();
    const double total_ms = ms_since(t0);
    b.section("a. create " + std::to_string(kLabels) + " Labels + add_widget each (pipelined) + 1 get_size");
    b.row("  total, browser done", fmt(total_ms), "ms");
    b.row("  of which C++ queueing", fmt(queued_ms), "ms");
    b.row("  frames sent", fmt_int(session.stats().frames_sent - s0.frames_sent), "frames");
    b.row("  bytes sent", fmt_int(session.stats().bytes_sent - s0.bytes_sent), "bytes");
  }
  co_await top.destroy();  // the next phases measure the protocol, not a 1000-element layout

  auto top2 = co_await W.TopLevel({.title = "bench", .resizable = true});
  co_await top2.resize(400, 200);
  auto box2 = co_await W.VBox({.spacing = 4, .padding = 6});
  auto target = co_await W.Label("set_text target");
  auto button = co_await W.Button("bench-click");
  auto ready = co_await W.Label("bench-wait");
  auto entry = co_await W.TextEntry({.text = "bench-entry"});
  co_await box2.add_widget(target, 0);
  co_await box2.add_widget(button, 0);
  co_await box2.add_widget(ready, 0);
  co_await box2.add_widget(entry, 0);
  co_await top2.set_widget(box2);
  co_await top2.show();
  (void)co_await box2.get_size();

  // --- b. 2000 pipelined set_text -----------------------------------------------------
  {
    const auto s0 = session.stats();
    const auto t0 = steady::now();
    for (int i = 0; i < kSetText; ++i) {
      const std::string text = "value " + std::to_string(i);
      co_await target.set_text(text);
    }
    const double queued_ms = ms_since(t0);
    (void)co_await target.get_size();
    const double total_ms = ms_since(t0);
    b.section("b. " + std::to_string(kSetText) + " Label.set_text, pipelined + 1 get_size");
    b.row("  total, browser done", fmt(total_ms), "ms");
    b.row("  per call", fmt(total_ms * 1000.0 / kSetText, 2), "us");
    b.row("  of which C++ queueing, per call", fmt(queued_ms * 1000.0 / kSetText, 2), "us");
    b.row("  frames / bytes sent", fmt_int(session.stats().frames_sent - s0.frames_sent) + " / " + fmt_int(session.stats().bytes_sent - s0.bytes_sent),
          "frames / bytes");
  }

  // --- c. the same with strict calls ------------------------------------------------------
  {
    session.set_strict_calls(true);
    const auto s0 = session.stats();
    const auto t0 = steady::now();
    for (int i = 0; i < kSetText; ++i) {
      const std::string text = "strict " + std::to_string(i);
      co_await target.set_text(text);
    }
    (void)co_await target.get_size();
    const double total_ms = ms_since(t0);
    session.set_strict_calls(false);
    b.section("c. " + std::to_string(kSetText) + " Label.set_text, strict (each waits for the ack) + 1 get_size");
    b.row("  total", fmt(total_ms), "ms");
    b.row("  per call (one round trip each)", fmt(total_ms * 1000.0 / kSetText, 2), "us");
    b.row("  frames sent", fmt_int(session.stats().frames_sent - s0.frames_sent), "frames");
  }

  // --- d. awaited queries --------------------------------------------------------------
  {
    std::vector<double> lat;
    lat.reserve(static_cast<std::size_t>(g_queries));
    asio::steady_timer slot_wait(co_await asio::this_coro::executor);
    if (g_slot.count() != 0) {
      std::fputs("bench_widgets: phase d\n", stderr);  // the driver starts ws_echo's odd slots
      std::fflush(stderr);
    }
    const std::clock_t cpu0 = std::clock();  // this process's CPU time, user + system
    for (int i = 0; i < g_queries; ++i) {
      if (g_slot.count() != 0) {
        const auto wait = bench::until_slot(g_slot, 0, kSlotMargin);
        if (wait.count() > 0) {
          slot_wait.expires_after(wait);
          co_await slot_wait.async_wait(asio::use_awaitable);
        }
      }
      const auto t0 = steady::now();
      (void)co_await target.get_position();
      lat.push_back(us_between(t0, steady::now()));
    }
    const double cpu_us = 1e6 * static_cast<double>(std::clock() - cpu0) / CLOCKS_PER_SEC;
    b.section("d. " + std::to_string(g_queries) + " awaited Widget.get_position (round trip each)");
    b.stat_rows("latency", stats_of(lat));
    // The server is one thread: its CPU time over the loop is all the C++
    // (and kernel) work of the round trips; the rest of each is spent outside.
    b.row("  server CPU per round trip (user + system)", fmt(cpu_us / g_queries), "us");
  }

  // --- d2. a pipelined call, then shortly after an awaited query --------------------------
  // The browser answers nothing to the pipelined frame, so its kernel delays
  // the ACK; without TCP_NODELAY, Nagle holds the query's frame until then.
  {
    std::vector<double> lat;
    const auto executor = co_await asio::this_coro::executor;
    asio::steady_timer gap(executor);
    for (int i = 0; i < kPushThenQuery; ++i) {
      const std::string text = "push " + std::to_string(i);
      co_await target.set_text(text);
      gap.expires_after(kPushGap);
      co_await gap.async_wait(asio::use_awaitable);
      const auto t0 = steady::now();
      (void)co_await target.get_position();
      lat.push_back(us_between(t0, steady::now()));
    }
    b.section("d2. " + std::to_string(kPushThenQuery) + " x (pipelined set_text, " +
              std::to_string(kPushGap.count()) + " us later an awaited get_position)");
    b.stat_rows("get_position latency", stats_of(lat));
  }

  // --- f (server half). One pipelined set_text("Hello!") in a frame of its own ------------
  {
    co_await next_turn();  // nothing else queued in the turn below
    const auto s0 = session.stats();
    const std::string hello = "Hello!";
    co_await target.set_text(hello);
    co_await next_turn();  // the session flushes its frame before this resumes
    const auto s1 = session.stats();
    const auto frames = s1.frames_sent - s0.frames_sent, bytes = s1.bytes_sent - s0.bytes_sent;
    b.hello_frame_measured = bytes;  // printed in the f section, after e
    b.hello_frames = frames;
    b.hello_widget = target.id();
    (void)co_await target.get_size();
  }

  // --- e. callbacks: the driver clicks, the handler records ------------------------------
  auto on_click = [bench, ready, &session]() -> pgw::Task<> {
    bench->arrival_sys_us.push_back(
        std::chrono::duration<double, std::micro>(sys::now().time_since_epoch()).count());
    bench->arrival_stats.push_back(session.stats());
    ++bench->clicks;
    const std::string text = std::to_string(bench->clicks);
    co_await ready.set_text(text);
  };
  button.on_activated(on_click);
  const pgw::WidgetId button_id = button.id();
  auto on_report = [bench, button_id](std::string text) -> pgw::Task<> {
    if (bench->finished) co_return;
    co_await finish(bench, std::move(text), button_id);
  };
  entry.on_activated(on_report);
  co_await ready.set_text("bench-ready");
}

pgw::Task<int> main_task() {
  auto bench = std::make_shared<Bench>();
  bench->executor = co_await asio::this_coro::executor;
  pgw::Application app(example::with_args({.max_sessions = 1, .logger = pgw::stderr_logger(pgw::LogLevel::warning)}));
  bench->app = &app;

  app.on_connect([bench](pgw::Session& session) -> pgw::Task<> { co_await run_bench(session, bench); });
  app.on_disconnect([bench](pgw::Session&) -> pgw::Task<> {
    if (!bench->finished) co_await fail_and_close(bench, "the browser left before the bench finished");
  });

  co_await app.start();
  std::printf("%s\n", app.url().c_str());
  std::fflush(stdout);
  co_await app.run();
  co_return bench->failed ? 1 : 0;
}

}  // namespace

int main(int argc, char** argv) {
  std::vector<char*> rest;
  for (int i = 0; i < argc; ++i) {
    if (std::string_view(argv[i]) == "--queries" && i + 1 < argc) {
      g_queries = std::atoi(argv[++i]);
      if (g_queries < 100 || g_queries > 1'000'000) {
        std::fprintf(stderr, "--queries: a count from 100 to 1000000\n");
        return 2;
      }
      continue;
    }
    if (std::string_view(argv[i]) == "--slot-us" && i + 1 < argc) {
      g_slot = std::chrono::microseconds(std::atoi(argv[++i]));
      if (g_slot.count() != 0 && (g_slot.count() < 5000 || g_slot.count() > 10'000'000)) {
        std::fprintf(stderr, "--slot-us: 0, or from 5000 to 10000000\n");
        return 2;
      }
      continue;
    }
    rest.push_back(argv[i]);
  }
  rest.push_back(nullptr);  // argv's terminator
  example::set_args(static_cast<int>(rest.size()) - 1, rest.data());
  return pgw::run(main_task());
}
