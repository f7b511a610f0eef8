// The server-side Timer: fires with no browser, once, cancels, reports times.
#include <catch2/catch.hpp>

#include "session_fixture.hpp"

using namespace pgw::test;
using namespace std::chrono_literals;

TEST_CASE_METHOD(SessionFixture, "timer: expires once after its duration") {
  auto timer = run_coro(io, session->make_timer(20ms));
  int expired = 0;
  timer.on_expired([&] { ++expired; });
  timer.on_expired([&]() -> pgw::Task<> {
    ++expired;
    co_return;
  });
  CHECK_FALSE(timer.is_set());
  timer.start();
  CHECK(timer.is_set());
  CHECK(timer.time_left() > 0ms);
  run_coro(io, sleep_for(60ms));
  CHECK(expired == 2);
  CHECK_FALSE(timer.is_set());
  CHECK(timer.time_left() == 0ms);
  CHECK(timer.elapsed_time() == 20ms);
}

TEST_CASE_METHOD(SessionFixture, "timer: cancel fires cancelled(elapsed), and stop fires nothing") {
  auto timer = run_coro(io, session->make_timer(1s));
  int expired = 0;
  std::vector<std::chrono::steady_clock::duration> cancelled;
  timer.on_expired([&] { ++expired; });
  timer.on_cancelled([&](std::chrono::steady_clock::duration elapsed) { cancelled.push_back(elapsed); });
  timer.set(200ms);
  run_coro(io, sleep_for(30ms));
  timer.cancel();
  run_coro(io, sleep_for(10ms));
  REQUIRE(cancelled.size() == 1);
  CHECK(cancelled[0] >= 25ms);
  CHECK(cancelled[0] < 200ms);
  timer.start(30ms);
  timer.stop();
  timer.cancel();  // not running: no callback
  run_coro(io, sleep_for(60ms));
  CHECK(expired == 0);
  CHECK(cancelled.size() == 1);
}

TEST_CASE_METHOD(SessionFixture, "timer: cond_set leaves a running timer alone, and set restarts it") {
  auto timer = run_coro(io, session->make_timer(0ms));
  int expired = 0;
  timer.on_expired([&] { ++expired; });
  timer.set(40ms);
  timer.cond_set(1ms);  // already running: ignored
  run_coro(io, sleep_for(15ms));
  CHECK(expired == 0);
  timer.set(10ms);  // restart
  run_coro(io, sleep_for(50ms));
  CHECK(expired == 1);
  CHECK(timer.get_duration() == 10ms);
  timer.set_duration(5ms);
  timer.start();
  run_coro(io, sleep_for(30ms));
  CHECK(expired == 2);
}

TEST_CASE_METHOD(SessionFixture, "timer: a session's disconnect stops its timers") {
  auto timer = run_coro(io, session->make_timer(20ms));
  int expired = 0;
  timer.on_expired([&] { ++expired; });
  timer.start();
  core->disconnect("test");
  run_coro(io, sleep_for(50ms));
  CHECK(expired == 0);
  CHECK_FALSE(timer.is_set());
}
