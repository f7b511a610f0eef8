// ApplicationOptions::threads: many sessions on a pool of threads, each on
// its own strand. Clicks, timers, reloads, departures and expiry run at
// once; the concurrency modes keep their promises, counted with atomics
// around every handler. Built into its own small binary (thread_tests),
// which scripts/tsan.sh runs under ThreadSanitizer.
#include <catch2/catch.hpp>

#include <atomic>
#include <cstdlib>
#include <chrono>
#include <map>
#include <memory>
#include <mutex>
#include <random>
#include <set>
#include <thread>
#include <string>
#include <vector>

#include "app_fixture.hpp"
#include "session_access.hpp"

using namespace pgw::test;
using namespace std::chrono_literals;

namespace {

// Counts the handlers inside a region at once; remembers the most seen.
struct Overlap {
  std::atomic<int> inside{0};
  std::atomic<int> most{0};
  void enter() {
    const int now = inside.fetch_add(1) + 1;
    int seen = most.load();
    while (now > seen && !most.compare_exchange_weak(seen, now)) {
    }
  }
  void leave() { inside.fetch_sub(1); }
};

struct Scope {
  explicit Scope(std::vector<Overlap*> o) : overlaps(std::move(o)) {
    for (auto* x : overlaps) x->enter();
  }
  ~Scope() {
    for (auto* x : overlaps) x->leave();
  }
  std::vector<Overlap*> overlaps;
};

// A session's own counters: shared with the test thread, so atomics.
struct SessionProbe {
  Overlap handlers;
  std::atomic<int> clicks{0};
  std::atomic<int> ticks{0};
};

struct Load {
  explicit Load(pgw::ApplicationOptions options) : f(std::move(options)) {
    // (f is initialized last, as declared; the handlers are set before any session.)
    f.app.on_connect([this](pgw::Session& s) -> pgw::Task<> {
      auto probe = std::make_shared<SessionProbe>();
      Scope in({&probe->handlers, &all});
      auto w = s.get_widgets();
      auto label = co_await w.Label("start");
      auto button = co_await w.Button("b");
      button.on_activated([this, probe, label]() -> pgw::Task<> {
        Scope in({&probe->handlers, &all});
        ++probe->clicks;
        {
          std::lock_guard<std::mutex> hold(mutex);
          threads_seen.insert(std::this_thread::get_id());
        }
        co_await label.set_text("clicked " + std::to_string(probe->clicks.load()));
        co_await sleep_for(200us);  // others may run meanwhile: never this session's
        co_await label.set_text("done");
      });
      auto timer = co_await s.make_timer(1ms);
      timer.on_expired([this, probe, label, timer](pgw::Timer::Duration) -> pgw::Task<> {
        Scope in({&probe->handlers, &all});
        ++probe->ticks;
        co_await label.set_text("tick");
        co_await sleep_for(100us);
        if (probe->ticks.load() < 200) timer.start();
      });
      timer.start();
      // What the program shares across sessions it guards itself (README, "Threads").
      std::lock_guard<std::mutex> hold(mutex);
      buttons[s.id()] = button.id();
      probes[s.id()] = probe;
    });
    f.app.on_disconnect([this](pgw::Session&) -> pgw::Task<> {
      Scope in({&all});
      ++disconnects;
      co_return;
    });
  }
  // Runs the Application's side (this thread) until `done` or 10 s.
  template <class P>
  bool until(P done) {
    const auto deadline = std::chrono::steady_clock::now() + 10s;
    while (std::chrono::steady_clock::now() < deadline) {
      f.io.restart();
      f.io.run_for(2ms);
      if (done()) return true;
    }
    return false;
  }
  std::size_t known() {
    std::lock_guard<std::mutex> hold(mutex);
    return buttons.size();
  }

  Overlap all;
  std::atomic<int> disconnects{0};
  std::mutex mutex;
  std::map<std::string, pgw::WidgetId> buttons;
  std::map<std::string, std::shared_ptr<SessionProbe>> probes;
  std::set<std::thread::id> threads_seen;  // that ran a click handler
  // Last: destroyed first, its pool joined before what its handlers touch goes.
  AppFixture f;
};

// Connects `n` sessions, then clicks them all, reloads some, lets some go
// for good (they expire), and closes; returns the most handlers seen
// running at once across sessions.
int drive(Load& load, int n) {
  auto& f = load.f;
  std::vector<transport::ConnectionId> conns;
  for (int i = 0; i < n; ++i) conns.push_back(f.connect());
  REQUIRE(load.until([&] { return load.known() == static_cast<std::size_t>(n); }));
  std::map<transport::ConnectionId, std::string> sid_of;
  // Which connection shows which session: the hello it was sent.
  REQUIRE(load.until([&] {
    for (auto c : conns) {
      if (f.server->sent[c].empty()) return false;
    }
    return true;
  }));
  for (auto c : conns) {
    auto msgs = f.received(c);
    REQUIRE_FALSE(msgs.empty());
    REQUIRE(msgs[0].has_hello());
    sid_of[c] = msgs[0].hello().session_id();
  }
  std::mt19937 random(7);
  for (int round = 0; round < 30; ++round) {
    for (std::size_t i = 0; i < conns.size(); ++i) {
      const auto c = conns[i];
      if (f.server->closed.count(c)) continue;
      const std::string sid = sid_of[c];
      pgw::WidgetId button = 0;
      {
        std::lock_guard<std::mutex> hold(load.mutex);
        button = load.buttons[sid];
      }
      f.click(c, button);
      const auto dice = random() % 40;
      if (dice == 0 && i % 4 != 0) {
        // A reload: the browser leaves and comes back to the same session.
        std::string token;
        for (const auto& s : f.app.sessions()) {
          if (s->id() == sid) token = pgw::detail::SessionAccess::core(*s).token();
        }
        if (token.empty()) continue;
        f.impl().on_close(c, 1001, "reload");
        const auto again = f.rejoin(sid, token);
        conns[i] = again;
        sid_of[again] = sid;
      } else if (dice == 1 && i % 4 == 0) {
        f.impl().on_close(c, 1001, "gone");  // expires after session_timeout
      }
    }
    f.io.restart();
    f.io.run_for(3ms);
  }
  // Every session kept showing its clicks and ticks; then expiry has its way.
  REQUIRE(load.until([&] {
    std::lock_guard<std::mutex> hold(load.mutex);
    for (const auto& [sid, p] : load.probes) {
      if (p->clicks.load() == 0 || p->ticks.load() == 0) return false;
    }
    return true;
  }));
  run_coro(f.io, f.app.close());
  REQUIRE(load.until([&] { return f.app.sessions().empty(); }));
  // close() cancels serialized mode's one lock: a handler still waiting for
  // it then (an on_disconnect among them) does not run, as with one thread.
  // The other modes run every session's on_disconnect.
  if (f.app.options().concurrency_handling != pgw::ConcurrencyMode::serialized) {
    REQUIRE(load.until([&] { return load.disconnects.load() >= n; }));
  }
  return load.all.most.load();
}

}  // namespace

TEST_CASE("threads: per_session on 4 threads, one session's handlers and timers never overlap") {
  Load load({.concurrency_handling = pgw::ConcurrencyMode::per_session,
             .max_sessions = 16,
             .session_timeout = 20ms,
             .threads = 4});
  drive(load, 16);
  std::lock_guard<std::mutex> hold(load.mutex);
  REQUIRE(load.probes.size() >= 16);
  for (const auto& [sid, p] : load.probes) {
    INFO("session " << sid);
    CHECK(p->handlers.most.load() == 1);
  }
  CHECK(load.disconnects.load() >= 16);
  CHECK(load.threads_seen.size() >= 2);  // the pool ran them, not one thread
  CHECK(load.threads_seen.count(std::this_thread::get_id()) == 0);
}

TEST_CASE("threads: serialized on 4 threads, no two handlers of any session run at once") {
  Load load({.concurrency_handling = pgw::ConcurrencyMode::serialized,
             .max_sessions = 8,
             .session_timeout = 20ms,
             .threads = 4});
  CHECK(drive(load, 8) == 1);
}

TEST_CASE("threads: concurrent on 2 threads, a session's handlers interleave but share no thread at once") {
  Load load({.concurrency_handling = pgw::ConcurrencyMode::concurrent,
             .max_sessions = 8,
             .session_timeout = 20ms,
             .threads = 2});
  drive(load, 8);
  // Interleaving at co_await is allowed here; the race detector (tsan.sh)
  // is what says no two threads were inside a session at once.
  std::lock_guard<std::mutex> hold(load.mutex);
  CHECK(load.probes.size() >= 8);
}

TEST_CASE("threads: threads must be at least 1") {
  CHECK_THROWS_WITH(pgw::Application({.threads = 0}), Catch::Contains("threads must be at least 1"));
}
