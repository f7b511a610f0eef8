// What the browser sends: several messages in one frame, callbacks for
// widgets that are gone, and the lifetime of handlers.
#include <catch2/catch.hpp>

#include <algorithm>

#include <boost/asio/co_spawn.hpp>
#include <boost/asio/detached.hpp>

#include "pgwidgets/protocol.pb.h"
#include "pgwidgets/widgets/base.pb.h"
#include "pgwidgets/widgets/layout.pb.h"
#include "session_fixture.hpp"

using namespace pgw::test;
namespace ids = pgw::detail;

namespace {

std::string move_args(int x, int y) {
  pgwidgets::widgets::Position p;
  p.set_x(x);
  p.set_y(y);
  return p.SerializeAsString();
}

bool logged(const std::vector<std::string>& logs, const std::string& text) {
  return std::any_of(logs.begin(), logs.end(), [&](const std::string& l) { return l.find(text) != std::string::npos; });
}

}  // namespace

TEST_CASE_METHOD(SessionFixture, "incoming: the messages of one frame are handled in order") {
  auto w = session->get_widgets();
  auto first = run_coro(io, w.Button("first"));
  auto second = run_coro(io, w.Button("second"));
  auto top = run_coro(io, w.TopLevel({.title = "t"}));
  std::vector<std::string> order;
  first.on_activated([&] { order.push_back("first"); });
  second.on_activated([&] { order.push_back("second"); });
  // A query in flight, answered in the middle of the frame.
  bool query_started = false;
  boost::asio::co_spawn(io, [&]() -> pgw::Task<> {
    query_started = true;
    co_await top.get_size();
    order.push_back("query");
  }, boost::asio::detached);
  drain(io);
  REQUIRE(query_started);
  std::uint32_t query_seq = 0;
  for (const auto& m : messages()) {
    if (m.has_call() && m.call().method_id() == ids::methods::Widget_get_size.id) query_seq = m.call().seq();
  }
  REQUIRE(query_seq != 0);
  pgwidgets::widgets::Size size;
  size.set_width(10);
  size.set_height(20);
  receive({callback(first.id(), ids::callbacks::Button_activated.id), result(query_seq, size.SerializeAsString()),
           callback(second.id(), ids::callbacks::Button_activated.id),
           // Two moves of one window: the later one is the window's place.
           callback(top.id(), ids::callbacks::TopLevel_move.id, move_args(1, 2)),
           callback(top.id(), ids::callbacks::TopLevel_move.id, move_args(30, 40))});
  drain(io);
  CHECK(order == std::vector<std::string>{"first", "query", "second"});
  const std::string* place = core->recorded(top.id(), ids::callbacks::TopLevel_move.updates_field);
  REQUIRE(place != nullptr);
  CHECK(*place == move_args(30, 40));
}

TEST_CASE_METHOD(SessionFixture, "incoming: a callback for a widget the server destroyed is dropped quietly") {
  auto button = run_coro(io, session->get_widgets().Button("b"));
  int clicks = 0;
  button.on_activated([&] { ++clicks; });
  run_coro(io, button.destroy());
  drain(io);
  frames.clear();
  logs.clear();
  // The click raced with the destroy: not the browser's fault.
  receive({callback(button.id(), ids::callbacks::Button_activated.id)});
  drain(io);
  CHECK(clicks == 0);
  CHECK(frames.empty());  // no protocol error goes back
  CHECK_FALSE(logged(logs, "warning"));
  CHECK(logged(logs, "debug: session s1: callback for destroyed widget " + std::to_string(button.id())));
  CHECK(session->is_connected());
}

TEST_CASE_METHOD(SessionFixture, "incoming: a destroyed widget's handlers are released") {
  auto w = session->get_widgets();
  auto box = run_coro(io, w.VBox());
  auto inner = run_coro(io, w.Button("in the box"));
  auto alone = run_coro(io, w.Button("alone"));
  run_coro(io, box.add_widget(inner, 0));
  auto held_by_inner = std::make_shared<int>(1);
  auto held_by_alone = std::make_shared<int>(2);
  std::weak_ptr<int> inner_token = held_by_inner, alone_token = held_by_alone;
  inner.on_activated([held_by_inner] {});
  alone.on_activated([held_by_alone]() -> pgw::Task<> { co_return; });
  held_by_inner.reset();
  held_by_alone.reset();
  REQUIRE_FALSE(inner_token.expired());
  REQUIRE_FALSE(alone_token.expired());
  run_coro(io, alone.destroy());
  CHECK(alone_token.expired());
  CHECK_FALSE(inner_token.expired());
  run_coro(io, box.destroy());  // takes its children with it
  CHECK(inner_token.expired());
}

TEST_CASE_METHOD(SessionFixture, "incoming: a session's handlers are released when it ends") {
  auto button = run_coro(io, session->get_widgets().Button("b"));
  auto held = std::make_shared<int>(1);
  std::weak_ptr<int> token = held;
  button.on_activated([held] {});
  held.reset();
  REQUIRE_FALSE(token.expired());
  core->detach(browser, "test");  // a browser leaving does not end the session
  drain(io);
  CHECK_FALSE(token.expired());
  core->end(1001, "test");
  drain(io);
  CHECK(token.expired());
}

TEST_CASE_METHOD(SessionFixture, "incoming: with no error handler, a handler's exception goes to the log") {
  core->set_error_handler({});
  auto button = run_coro(io, session->get_widgets().Button("b"));
  button.on_activated([] { throw std::runtime_error("boom"); });
  receive({callback(button.id(), ids::callbacks::Button_activated.id)});
  drain(io);
  CHECK(errors.empty());
  CHECK(logged(logs, "error: session s1: Button.on_activated handler (widget " + std::to_string(button.id()) +
                         ") threw: boom"));
}
