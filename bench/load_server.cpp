// load_server: the server side of the load generator (bench/load_client.cpp).
//
// Each session builds a small UI (a TopLevel with a VBox holding two Labels,
// a TextEntry and a Button), a server-side timer sets the "ticks N" label
// once a second, and each click of the Button is answered with
// set_text("clicks N") on the other label, N counting the session's clicks.
// The client matches each click to its answer by that N.
//
// usage: load_server [--port P] [--threads N] [--work-us N] [--max-sessions N]
//   --port P        WebSocket port (0, the default, picks a free one); no HTTP server
//   --threads N     ApplicationOptions::threads (default 1)
//   --work-us N     each click's handler burns N µs of its thread's CPU first
//                   (a hash loop), so throughput is bound by the server's CPU
//   --max-sessions N  default 15000
// It prints "load_server: ws_port P pid PID" on stdout once it listens, and
// serves until SIGINT/SIGTERM.
#include <sys/resource.h>
#include <unistd.h>

#include <chrono>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <ctime>
#include <memory>
#include <string>
#include <string_view>

#include <pgwidgets/pgwidgets.hpp>

using namespace std::chrono_literals;

namespace {

int work_us = 0;

// Burns `us` µs of this thread's CPU time (not wall time, so a descheduled
// thread on a shared machine still does the same work per click).
std::uint64_t burn(int us) {
  if (us <= 0) return 0;
  timespec start{};
  clock_gettime(CLOCK_THREAD_CPUTIME_ID, &start);
  const std::int64_t limit = static_cast<std::int64_t>(us) * 1000;
  std::uint64_t h = 1469598103934665603ull;  // FNV-1a over a counter
  for (std::uint64_t i = 0;; ++i) {
    for (int k = 0; k < 256; ++k) h = (h ^ (i * 256 + k)) * 1099511628211ull;
    timespec now{};
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &now);
    if ((now.tv_sec - start.tv_sec) * 1'000'000'000LL + (now.tv_nsec - start.tv_nsec) >= limit) break;
  }
  return h;
}

volatile std::uint64_t sink = 0;

// Raises the soft limit on open files to the hard limit: each session is a
// socket. Returns the soft limit in force.
rlim_t raise_nofile() {
  rlimit r{};
  if (getrlimit(RLIMIT_NOFILE, &r) != 0) return 0;
  if (r.rlim_cur < r.rlim_max) {
    r.rlim_cur = r.rlim_max;
    setrlimit(RLIMIT_NOFILE, &r);
    getrlimit(RLIMIT_NOFILE, &r);
  }
  return r.rlim_cur;
}

pgw::Task<> on_connect(pgw::Session& session) {
  auto w = session.get_widgets();
  auto top = co_await w.TopLevel({.title = "load"});
  auto vbox = co_await w.VBox({.spacing = 4});
  auto clicks = co_await w.Label("clicks 0");
  auto ticks = co_await w.Label("ticks 0");
  auto entry = co_await w.TextEntry({.text = "type here"});
  auto button = co_await w.Button("Click");
  co_await vbox.add_widget(clicks, 0);
  co_await vbox.add_widget(ticks, 0);
  co_await vbox.add_widget(entry, 0);
  co_await vbox.add_widget(button, 0);
  co_await top.set_widget(vbox);
  co_await top.show();

  auto timer = co_await session.make_timer(1s);
  // The timer captures itself (a cycle the session's end breaks) to restart.
  timer.on_expired([ticks, timer, n = 0](pgw::Timer::Duration) mutable -> pgw::Task<> {
    timer.start();
    co_await ticks.set_text("ticks " + std::to_string(++n));
  });
  timer.start();

  button.on_activated([clicks, n = 0]() mutable -> pgw::Task<> {
    sink = sink + burn(work_us);
    co_await clicks.set_text("clicks " + std::to_string(++n));
  });
}

}  // namespace

int main(int argc, char** argv) {
  int port = 0, threads = 1, max_sessions = 15000;
  for (int i = 1; i < argc; ++i) {
    const std::string_view a = argv[i];
    const auto value = [&]() -> int {
      if (i + 1 >= argc) {
        std::fprintf(stderr, "load_server: %s needs a value\n", argv[i]);
        std::exit(2);
      }
      char* end = nullptr;
      const long v = std::strtol(argv[++i], &end, 10);
      if (*end != '\0' || v < 0) {
        std::fprintf(stderr, "load_server: bad value for %s: %s\n", argv[i - 1], argv[i]);
        std::exit(2);
      }
      return static_cast<int>(v);
    };
    if (a == "--port") port = value();
    else if (a == "--threads") threads = value();
    else if (a == "--work-us") work_us = value();
    else if (a == "--max-sessions") max_sessions = value();
    else {
      std::fprintf(stderr, "load_server: unknown argument %s\n", argv[i]);
      return 2;
    }
  }
  const rlim_t files = raise_nofile();
  if (files < static_cast<rlim_t>(max_sessions) + 64) {
    std::fprintf(stderr, "load_server: warning: open-file limit %llu is below max_sessions %d (raise ulimit -Hn)\n",
                 static_cast<unsigned long long>(files), max_sessions);
  }

  pgw::ApplicationOptions options;
  options.ws_port = static_cast<std::uint16_t>(port);
  options.http_server = false;
  options.max_sessions = max_sessions;
  options.max_connections = 0;  // bounded by max_sessions and the open-file limit
  options.allow_missing_origin = true;  // the load client is not a browser
  options.allowed_origins = {"*"};
  options.session_timeout = 2s;  // a closed client's session frees its slot soon
  options.logger = pgw::stderr_logger(pgw::LogLevel::warning);
  options.threads = threads;

  return pgw::run([](pgw::ApplicationOptions options) -> pgw::Task<> {
    pgw::Application app(std::move(options));
    app.on_connect(on_connect);
    co_await app.start();
    std::printf("load_server: ws_port %u pid %d\n", static_cast<unsigned>(app.ws_port()), static_cast<int>(getpid()));
    std::fflush(stdout);
    co_await app.run();
  }(std::move(options)));
}
