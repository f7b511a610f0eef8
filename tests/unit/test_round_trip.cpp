// An awaited call's round trip inside the event loop: the answer resumes
// the call where it is read, and what the call then sends leaves before
// the read handler returns, with no handler posted in between (each one is
// a pass through epoll_wait: bench/README, "The latency tail").
#include <catch2/catch.hpp>

#include <chrono>
#include <optional>
#include <thread>

#include <boost/asio/detached.hpp>
#include <boost/asio/experimental/awaitable_operators.hpp>
#include <boost/asio/post.hpp>
#include <boost/asio/steady_timer.hpp>

#include "pgwidgets/widgets/base.pb.h"
#include "session_fixture.hpp"

using namespace pgw::test;
namespace ids = pgw::detail;

namespace {

std::uint32_t last_query_seq(const std::vector<pgwidgets::ServerMessage>& messages) {
  std::uint32_t seq = 0;
  for (const auto& m : messages) {
    if (m.has_call() && m.call().method_id() == ids::methods::Widget_get_position.id) seq = m.call().seq();
  }
  return seq;
}

std::string position(int x, int y) {
  pgwidgets::widgets::Position p;
  p.set_x(x);
  p.set_y(y);
  return p.SerializeAsString();
}

}  // namespace

TEST_CASE_METHOD(SessionFixture, "round trip: an answer resumes its call at once, and the next request leaves before the read returns") {
  auto label = run_coro(io, session->get_widgets().Label("x"));
  std::vector<pgw::Position> got;
  boost::asio::co_spawn(io, [&]() -> pgw::Task<> {
    for (int i = 0; i < 3; ++i) got.push_back(co_await label.get_position());
  }, boost::asio::detached);
  drain(io);
  REQUIRE(core->pending_calls() == 1);
  for (int i = 0; i < 3; ++i) {
    const std::uint32_t seq = last_query_seq(messages());
    REQUIRE(seq != 0);
    const std::size_t frames_before = frames.size();
    std::size_t frames_after = 0;
    std::size_t got_after = 0;
    // The answer is read by a handler of the event loop, as the transport
    // reads it; what happened by the time that handler returns is noted
    // there, before any other handler runs.
    boost::asio::post(io, [&, seq, i] {
      receive({result(seq, position(i, 10 * i))});
      frames_after = frames.size();
      got_after = got.size();
    });
    io.restart();
    REQUIRE(io.run_one() == 1);
    CHECK(got_after == static_cast<std::size_t>(i + 1));
    CHECK(got.back() == pgw::Position{i, 10 * i});
    if (i < 2) {
      // The next query is on its way: already sent, in a frame of its own.
      CHECK(frames_after == frames_before + 1);
      CHECK(last_query_seq(messages()) != seq);
      CHECK(core->pending_calls() == 1);
    }
    // Nothing was left for a later handler to send.
    drain(io);
    CHECK(frames.size() == frames_after);
  }
  CHECK(core->pending_calls() == 0);
  CHECK(errors.empty());
}

TEST_CASE_METHOD(SessionFixture, "round trip: a query that loses a race is cancelled, its late answer changes nothing, and the session goes on") {
  using namespace boost::asio::experimental::awaitable_operators;
  auto label = run_coro(io, session->get_widgets().Label("x"));
  std::optional<std::size_t> winner;
  boost::asio::co_spawn(io, [&]() -> pgw::Task<> {
    boost::asio::steady_timer soon(co_await boost::asio::this_coro::executor, std::chrono::milliseconds(1));
    auto r = co_await (label.get_position() || soon.async_wait(boost::asio::use_awaitable));
    winner = r.index();
  }, boost::asio::detached);
  for (int i = 0; i < 2000 && !winner; ++i) {  // the timer is 1 ms; sanitizer builds are slow
    drain(io);
    std::this_thread::sleep_for(std::chrono::milliseconds(1));
  }
  REQUIRE(winner == 1u);  // the timer: the browser never answered
  const std::uint32_t seq = last_query_seq(messages());
  REQUIRE(seq != 0);
  // The answer comes after all: nobody waits for it any more.
  boost::asio::post(io, [&] { receive({result(seq, position(1, 2))}); });
  drain(io);
  CHECK(errors.empty());
  // The session answers the next query as before.
  std::optional<pgw::Position> next;
  boost::asio::co_spawn(io, [&]() -> pgw::Task<> { next = co_await label.get_position(); }, boost::asio::detached);
  drain(io);
  const std::uint32_t next_seq = last_query_seq(messages());
  REQUIRE(next_seq != seq);
  boost::asio::post(io, [&] { receive({result(next_seq, position(3, 4))}); });
  drain(io);
  REQUIRE(next);
  CHECK(*next == pgw::Position{3, 4});
}
