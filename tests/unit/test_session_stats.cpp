// Session::stats(): the public counters of frames and bytes each way and of
// the calls still waiting for the browser.
#include <catch2/catch.hpp>

#include <optional>

#include <boost/asio/co_spawn.hpp>
#include <boost/asio/detached.hpp>

#include "pgwidgets/widgets/base.pb.h"
#include "session_fixture.hpp"

using namespace pgw::test;

TEST_CASE_METHOD(SessionFixture, "stats: a new session has sent its hello and received nothing") {
  const pgw::SessionStats s = session->stats();
  CHECK(s.frames_sent == 1);  // the fixture's browser got the hello
  CHECK(s.bytes_sent > 0);
  CHECK(s.frames_received == 0);
  CHECK(s.bytes_received == 0);
  CHECK(s.pending_calls == 0);
}

TEST_CASE_METHOD(SessionFixture, "stats: frames and bytes sent count what reached the connection") {
  const pgw::SessionStats hello = session->stats();
  auto label = run_coro(io, session->get_widgets().Label("x"));
  drain(io);
  REQUIRE(frames.size() == 1);
  auto s = session->stats();
  CHECK(s.frames_sent == hello.frames_sent + 1);
  CHECK(s.bytes_sent == hello.bytes_sent + frames[0].size());

  run_coro(io, label.set_text("two"));
  drain(io);
  REQUIRE(frames.size() == 2);
  s = session->stats();
  CHECK(s.frames_sent == hello.frames_sent + 2);
  CHECK(s.bytes_sent == hello.bytes_sent + frames[0].size() + frames[1].size());
  CHECK(s.frames_received == 0);
  CHECK(s.pending_calls == 0);  // pipelined calls wait for nothing
}

TEST_CASE_METHOD(SessionFixture, "stats: an awaited query is pending until its reply is received") {
  auto label = run_coro(io, session->get_widgets().Label("x"));
  drain(io);
  std::optional<pgw::Position> got;
  boost::asio::co_spawn(io, [&]() -> pgw::Task<> { got = co_await label.get_position(); },
                        boost::asio::detached);
  drain(io);
  CHECK(session->stats().pending_calls == 1);
  const auto seq = messages().back().call().seq();

  pgwidgets::widgets::Position p;
  p.set_x(3);
  p.set_y(4);
  const std::string reply = client_frame({result(seq, p.SerializeAsString())});
  core->receive(browser, reply);
  drain(io);
  REQUIRE(got);
  const auto s = session->stats();
  CHECK(s.pending_calls == 0);
  CHECK(s.frames_received == 1);
  CHECK(s.bytes_received == reply.size());
}

TEST_CASE_METHOD(SessionFixture, "stats: a frame that does not parse is still counted as received") {
  const std::string garbage = "\xff\xff\xff";
  core->receive(browser, garbage);
  drain(io);
  const auto s = session->stats();
  CHECK(s.frames_received == 1);
  CHECK(s.bytes_received == garbage.size());
}

TEST_CASE_METHOD(SessionFixture, "stats: the browser leaving fails the pending calls and clears their count") {
  auto label = run_coro(io, session->get_widgets().Label("x"));
  bool failed = false;
  boost::asio::co_spawn(
      io,
      [&]() -> pgw::Task<> {
        try {
          (void)co_await label.get_size();
        } catch (const pgw::Disconnected&) {
          failed = true;
        }
      },
      boost::asio::detached);
  drain(io);
  CHECK(session->stats().pending_calls == 1);
  core->detach(browser, "test");  // the only browser leaves
  drain(io);
  CHECK(failed);
  CHECK(session->stats().pending_calls == 0);
}
