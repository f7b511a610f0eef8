// The server-side Timer: fires with no browser, once, cancels, reports times,
// with pgwidgets' Timer semantics (expired(duration), cancel always fires
// cancelled(elapsed), elapsed_time is zero unless running, destroy).
#include <catch2/catch.hpp>

#include <pgwidgets/testing.hpp>

#include "session_fixture.hpp"

using namespace pgw::test;
using namespace std::chrono_literals;

TEST_CASE_METHOD(SessionFixture, "timer: expires once after its duration") {
  auto timer = run_coro(io, session->make_timer(20ms));
  int expired = 0;
  std::vector<std::chrono::steady_clock::duration> durations;
  timer.on_expired([&](std::chrono::steady_clock::duration d) {
    ++expired;
    durations.push_back(d);
  });
  timer.on_expired([&](std::chrono::steady_clock::duration) -> pgw::Task<> {
    ++expired;
    co_return;
  });
  CHECK_FALSE(timer.is_set());
  timer.start();
  CHECK(timer.is_set());
  CHECK(timer.time_left() > 0ms);
  run_coro(io, sleep_for(60ms));
  CHECK(expired == 2);
  CHECK(durations == std::vector<std::chrono::steady_clock::duration>{20ms});
  CHECK_FALSE(timer.is_set());
  CHECK(timer.time_left() == 0ms);
  CHECK(timer.elapsed_time() == 0ms);  // not running
}

// Timers made in a test session (pgw::testing): its clock moves only with
// advance(), so elapsed times are exact and nothing waits for real time.
namespace {
struct TimerSession {
  pgw::Timer timer;
  pgw::testing::TestSession t;
  explicit TimerSession(std::chrono::steady_clock::duration d)
      : t([this, d](pgw::Session& s) -> pgw::Task<> { timer = co_await s.make_timer(d); }) {}
};
}  // namespace

TEST_CASE("timer: cancel fires cancelled(elapsed) even when stopped, and stop fires nothing") {
  TimerSession k(1s);
  auto& timer = k.timer;
  int expired = 0;
  std::vector<std::chrono::steady_clock::duration> cancelled;
  timer.on_expired([&](auto) { ++expired; });
  timer.on_cancelled([&](std::chrono::steady_clock::duration elapsed) { cancelled.push_back(elapsed); });
  timer.set(200ms);
  k.t.advance(30ms);
  CHECK(timer.elapsed_time() == 30ms);
  CHECK(timer.time_left() == 170ms);
  timer.cancel();
  k.t.run();
  CHECK(cancelled == std::vector<std::chrono::steady_clock::duration>{30ms});
  timer.start(30ms);
  timer.stop();
  timer.cancel();  // not running: pgwidgets still fires, with zero elapsed
  k.t.advance(60ms);
  CHECK(expired == 0);
  CHECK(cancelled == std::vector<std::chrono::steady_clock::duration>{30ms, 0ms});
}

TEST_CASE("timer: cond_set leaves a running timer alone, and set restarts it") {
  TimerSession k(0ms);
  auto& timer = k.timer;
  int expired = 0;
  timer.on_expired([&](auto) { ++expired; });
  timer.set(40ms);
  timer.cond_set(1ms);  // already running: ignored
  k.t.advance(39ms);
  CHECK(expired == 0);
  timer.set(10ms);  // restart: due 10 ms from now, not at 40 ms
  k.t.advance(9ms);
  CHECK(expired == 0);
  k.t.advance(1ms);
  CHECK(expired == 1);
  CHECK(timer.get_duration() == 10ms);
  timer.set_duration(5ms);
  timer.start();
  k.t.advance(5ms);
  CHECK(expired == 2);
}

TEST_CASE_METHOD(SessionFixture, "timer: a session's end stops its timers") {
  auto timer = run_coro(io, session->make_timer(20ms));
  int expired = 0;
  timer.on_expired([&](auto) { ++expired; });
  timer.start();
  core->end(1000, "test");
  run_coro(io, sleep_for(50ms));
  CHECK(expired == 0);
  CHECK_FALSE(timer.is_set());
}

TEST_CASE_METHOD(SessionFixture, "timer: timers fire while no browser is attached, and their calls are recorded") {
  auto label = run_coro(io, session->get_widgets().Label("before"));
  auto timer = run_coro(io, session->make_timer(20ms));
  int expired = 0;
  timer.on_expired([&, label](auto) -> pgw::Task<> {
    ++expired;
    co_await label.set_text("after");
  });
  timer.start();
  core->detach(browser, "test");
  run_coro(io, sleep_for(50ms));
  CHECK(expired == 1);
  CHECK(label.get_text() == "after");
}

TEST_CASE_METHOD(SessionFixture, "timer: destroy stops it without firing, drops its handlers and refuses later calls") {
  auto timer = run_coro(io, session->make_timer(20ms));
  int fired = 0;
  // A handler capturing its own timer is the usual cycle; destroy breaks it.
  auto sentinel = std::make_shared<int>(0);
  std::weak_ptr<int> watch = sentinel;
  timer.on_expired([&fired, timer, sentinel](auto) { ++fired; });
  timer.on_cancelled([&fired, sentinel](auto) { ++fired; });
  sentinel.reset();
  timer.start();
  REQUIRE(core->timer_count() == 1);
  timer.destroy();
  CHECK(watch.expired());              // the handlers and what they held are gone
  CHECK(core->timer_count() == 0);     // the session forgot it
  run_coro(io, sleep_for(50ms));
  CHECK(fired == 0);                   // neither expired nor cancelled
  CHECK_THROWS_AS(timer.start(), std::logic_error);
  CHECK_THROWS_AS(timer.is_set(), std::logic_error);
  CHECK_NOTHROW(timer.destroy());      // twice is harmless, as in pgwidgets
}

TEST_CASE_METHOD(SessionFixture, "timer: the session keeps no dead timers") {
  for (int i = 0; i < 5; ++i) (void)run_coro(io, session->make_timer(1s));
  auto kept = run_coro(io, session->make_timer(1s));
  CHECK(core->timer_count() == 1);
  CHECK(static_cast<bool>(kept));
}

TEST_CASE_METHOD(SessionFixture, "timer: a handler capturing its own timer keeps it alive until the session ends, then frees it") {
  // The README's pattern: a one-shot timer restarted from its own handler,
  // its handle dropped by the code that made it. The capture is a cycle
  // (timer -> handler -> timer) on purpose, bounded by the session.
  int expired = 0;
  auto sentinel = std::make_shared<int>(0);
  std::weak_ptr<int> watch = sentinel;
  {
    auto timer = run_coro(io, session->make_timer(10ms));
    timer.on_expired([&expired, timer, sentinel](pgw::Timer::Duration) {
      if (++expired < 3) timer.start();  // one-shot: periodic by restarting
    });
    timer.start();
  }
  sentinel.reset();
  run_coro(io, sleep_for(80ms));
  CHECK(expired == 3);            // alive with no handle left outside
  CHECK_FALSE(watch.expired());   // held by its own handler
  core->end(1000, "test");
  CHECK(watch.expired());         // the session's end broke the cycle
  static_assert(std::is_same_v<pgw::Timer::Duration, std::chrono::nanoseconds>,
                "the README says Timer::Duration is nanoseconds");
}
