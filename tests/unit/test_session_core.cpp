// Session logic over an in-memory sink: pipelining, reply matching,
// pipelined and strict errors, disconnects, callbacks, bad input.
#include <catch2/catch.hpp>

#include <algorithm>

#include "pgwidgets/protocol.pb.h"
#include <boost/asio/detached.hpp>

#include "pgwidgets/widgets/base.pb.h"
#include "pgwidgets/widgets/controls.pb.h"
#include "pgwidgets/widgets/layout.pb.h"
#include "async_demo_ui.hpp"
#include "session_fixture.hpp"

using namespace pgw::test;
namespace ids = pgw::detail;


// The seed's UI (examples/async_demo_ui.hpp), built the way the seed does:
// back-to-back co_awaits.
TEST_CASE_METHOD(SessionFixture, "core: calls issued in one event-loop turn travel in one frame") {
  run_coro(io, async_demo::on_connect(*session));
  drain(io);
  REQUIRE(frames.size() == 1);
  auto msgs = messages();
  int creates = 0, calls = 0, listens = 0;
  std::string label_args;
  for (const auto& m : msgs) {
    creates += m.has_create();
    calls += m.has_call();
    listens += m.has_listen();
    if (m.has_create() && m.create().class_id() == ids::classes::Label.id) label_args = m.create().args();
  }
  CHECK(creates == 6);
  CHECK(calls == 10);  // resize, 3 spacing/padding options, 4 add_widget, set_widget, show
  CHECK(listens == 2);  // the button's activated, the entry's activated
  CHECK(label_args.find("Click a button!") != std::string::npos);
  CHECK(core->store().size() == 6);
}

TEST_CASE_METHOD(SessionFixture, "core: a pipelined call's frame is small") {
  auto label = run_coro(io, session->get_widgets().Label("x"));
  drain(io);
  frames.clear();
  run_coro(io, label.set_text("Hello!"));
  drain(io);
  REQUIRE(frames.size() == 1);
  // ServerFrame{messages: [{call: {seq, widget, method, args: Text{"Hello!"}}}]}
  CHECK(frames[0].size() <= 24);
  auto m = messages().at(0);
  REQUIRE(m.has_call());
  CHECK(m.call().widget_id() == label.id());
  CHECK(m.call().method_id() == ids::methods::Label_set_text.id);
  CHECK(m.call().args() == "\x0a\x06Hello!");
  CHECK_FALSE(m.call().ack());
}

TEST_CASE_METHOD(SessionFixture, "core: a browser query waits for its reply, matched by seq") {
  auto label = run_coro(io, session->get_widgets().Label("x"));
  std::optional<pgw::Position> got;
  boost::asio::co_spawn(io, [&]() -> pgw::Task<> { got = co_await label.get_position(); },
                        boost::asio::detached);
  auto other = run_coro(io, session->get_widgets().Label("y"));
  std::optional<pgw::Position> got2;
  boost::asio::co_spawn(io, [&]() -> pgw::Task<> { got2 = co_await other.get_position(); },
                        boost::asio::detached);
  drain(io);
  std::vector<std::uint32_t> seqs;
  for (const auto& m : messages()) {
    if (m.has_call()) seqs.push_back(m.call().seq());
  }
  REQUIRE(seqs.size() == 2);
  CHECK_FALSE(got);
  pgwidgets::widgets::Position p;
  p.set_x(5);
  p.set_y(7);
  receive({result(seqs[1], p.SerializeAsString())});  // answered out of order
  drain(io);
  CHECK_FALSE(got);
  REQUIRE(got2);
  CHECK(*got2 == pgw::Position{5, 7});
  receive({result(seqs[0], "")});
  drain(io);
  REQUIRE(got);
  CHECK(*got == pgw::Position{0, 0});
}

TEST_CASE_METHOD(SessionFixture, "core: a pipelined call's browser error goes to the error handler with context") {
  auto label = run_coro(io, session->get_widgets().Label("x"));
  run_coro(io, label.set_halign(pgw::HAlign::right));
  drain(io);
  auto msgs = messages();
  const auto& call = msgs.back().call();
  receive({error(call.seq(), label.id(), call.method_id(), "bad halign: diagonal")});
  REQUIRE(errors.size() == 1);
  try {
    std::rethrow_exception(errors[0]);
  } catch (const pgw::RemoteError& e) {
    CHECK(e.widget_class() == "Label");
    CHECK(e.method() == "set_halign");
    CHECK(e.widget_id() == label.id());
    CHECK(e.seq() == call.seq());
    CHECK(e.remote_message() == "bad halign: diagonal");
    CHECK_THAT(e.what(), Catch::Contains("Label.set_halign") && Catch::Contains("bad halign"));
  }
}

TEST_CASE("core: strict_calls makes a failing call throw RemoteError at its call site") {
  SessionFixture f(true);
  auto label_task = f.session->get_widgets().Label("x");
  std::optional<pgw::Label> label;
  boost::asio::co_spawn(f.io, [&]() -> pgw::Task<> { label = co_await std::move(label_task); },
                        boost::asio::detached);
  drain(f.io);
  auto create = f.messages().back();
  REQUIRE(create.has_create());
  CHECK(create.create().ack());
  f.receive({result(create.create().seq())});
  drain(f.io);
  REQUIRE(label);
  std::string caught;
  boost::asio::co_spawn(f.io, [&]() -> pgw::Task<> {
    try {
      co_await label->set_text("boom");
    } catch (const pgw::RemoteError& e) {
      caught = e.remote_message();
    }
  }, boost::asio::detached);
  drain(f.io);
  auto call = f.messages().back().call();
  CHECK(call.ack());
  f.receive({error(call.seq(), label->id(), call.method_id(), "it broke")});
  drain(f.io);
  CHECK(caught == "it broke");
  CHECK(f.errors.empty());
}

TEST_CASE_METHOD(SessionFixture, "core: a browser leaving fails the pending awaits at once and the session goes on") {
  auto label = run_coro(io, session->get_widgets().Label("x"));
  int failed = 0;
  for (int i = 0; i < 3; ++i) {
    boost::asio::co_spawn(io, [&]() -> pgw::Task<> {
      try {
        co_await label.get_size();
      } catch (const pgw::Disconnected&) {
        ++failed;
      }
    }, boost::asio::detached);
  }
  drain(io);
  CHECK(failed == 0);
  core->detach(browser, "test");
  drain(io);
  CHECK(failed == 3);
  CHECK_FALSE(session->is_connected());
  // With no browser: pipelined calls update the server's copy, awaited
  // queries fail at once.
  frames.clear();
  run_coro(io, label.set_text("later"));
  auto other = run_coro(io, session->get_widgets().Label("new"));
  CHECK(label.get_text() == "later");
  CHECK(other.get_text() == "new");
  CHECK_THROWS_WITH(run_coro(io, label.get_size()), Catch::Contains("no browser is attached"));
  drain(io);
  CHECK(frames.empty());
}

TEST_CASE_METHOD(SessionFixture, "core: an ended session fails what was pending and refuses later calls") {
  auto label = run_coro(io, session->get_widgets().Label("x"));
  bool failed = false;
  boost::asio::co_spawn(io, [&]() -> pgw::Task<> {
    try {
      co_await label.get_size();
    } catch (const pgw::Disconnected&) {
      failed = true;
    }
  }, boost::asio::detached);
  drain(io);
  std::string ended_why;
  core->set_end_hook([&](const std::string& why) { ended_why = why; });
  core->end(1001, "test");
  drain(io);
  CHECK(failed);
  CHECK(ended_why == "test");
  CHECK(closes == std::vector<std::pair<int, std::string>>{{1001, "test"}});
  CHECK(core->store().size() == 0);
  CHECK_THROWS_AS(run_coro(io, label.set_text("late")), pgw::Disconnected);
  CHECK_THROWS_AS(run_coro(io, session->get_widgets().Label("late")), pgw::Disconnected);
}

TEST_CASE_METHOD(SessionFixture, "core: callbacks run their handlers in registration order") {
  auto btn = run_coro(io, session->get_widgets().Button("b"));
  std::vector<int> order;
  btn.on_activated([&] { order.push_back(1); });
  btn.on_activated([&]() -> pgw::Task<> {
    co_await sleep_for(std::chrono::milliseconds(1));
    order.push_back(2);
  });
  btn.on_activated([&] { order.push_back(3); });
  drain(io);
  int listens = 0;
  for (const auto& m : messages()) listens += m.has_listen();
  CHECK(listens == 1);  // one Listen however many handlers
  receive({callback(btn.id(), ids::callbacks::Button_activated.id)});
  run_coro(io, sleep_for(std::chrono::milliseconds(20)));
  CHECK(order == std::vector<int>{1, 2, 3});
}

TEST_CASE_METHOD(SessionFixture, "core: reports of a latest value in one frame collapse to the last, acts do not") {
  auto slider = run_coro(io, session->get_widgets().Slider({.value = 5}));
  auto btn = run_coro(io, session->get_widgets().Button("b"));
  std::vector<int> values;
  int clicks = 0;
  slider.on_activated([&](int v) { values.push_back(v); });
  btn.on_activated([&] { ++clicks; });
  drain(io);
  const auto value = [](double v) {
    pgwidgets::widgets::SliderValue m;
    m.set_num(v);
    return m.SerializeAsString();
  };
  const auto moved = ids::callbacks::Slider_activated.id;
  const auto clicked = ids::callbacks::Button_activated.id;
  receive({callback(slider.id(), moved, value(10)), callback(btn.id(), clicked), callback(slider.id(), moved, value(20)),
           callback(btn.id(), clicked), callback(slider.id(), moved, value(30))});
  drain(io);
  CHECK(values == std::vector<int>{30});
  CHECK(clicks == 2);
  CHECK(slider.get_value() == 30);
}

TEST_CASE_METHOD(SessionFixture, "core: what a rejoining page sends with its hello is recorded before its rebuild") {
  auto slider = run_coro(io, session->get_widgets().Slider({.value = 5}));
  drain(io);
  pgwidgets::widgets::SliderValue m;
  m.set_num(42);
  pgwidgets::ClientFrame hello_frame;
  hello_frame.add_messages()->mutable_viewport();  // stands for the hello
  *hello_frame.add_messages() = callback(slider.id(), ids::callbacks::Slider_activated.id, m.SerializeAsString());
  core->detach(browser, "reload");
  std::vector<std::string> rejoined;
  std::vector<std::pair<int, std::string>> closed;
  core->attach(browser + 1, sink_into(rejoined, closed), 1, 0, 1024, 768, true, &hello_frame, 1);
  CHECK(slider.get_value() == 42);
  REQUIRE_FALSE(rejoined.empty());
  // The rebuild sets the value the page had, not the one before.
  bool rebuilt_with_42 = false;
  const auto rebuild = parse_server_frame(rejoined.front());
  for (const auto& msg : rebuild.messages()) {
    if (msg.has_call() && msg.call().method_id() == ids::methods::Slider_set_value.id) {
      pgwidgets::widgets::SliderValue v;
      v.ParseFromString(msg.call().args());
      rebuilt_with_42 = v.num() == 42;
    }
  }
  CHECK(rebuilt_with_42);
  core->detach(browser + 1, "the test is over");
}

TEST_CASE_METHOD(SessionFixture, "core: a handler's exception is reported, not swallowed") {
  auto btn = run_coro(io, session->get_widgets().Button("b"));
  btn.on_activated([]() -> pgw::Task<> {
    throw std::runtime_error("handler failed");
    co_return;
  });
  receive({callback(btn.id(), ids::callbacks::Button_activated.id)});
  drain(io);
  REQUIRE(errors.size() == 1);
  CHECK(error_text<std::runtime_error>(errors[0]) == "handler failed");
}

TEST_CASE_METHOD(SessionFixture, "core: callbacks that report state update the server's copy") {
  auto top = run_coro(io, session->get_widgets().TopLevel({.title = "t"}));
  CHECK(top.get_window_state() == pgw::WindowState::normal);
  pgwidgets::widgets::WindowStateArg ws;
  ws.set_state(pgwidgets::widgets::WINDOW_STATE_MAXIMIZED);
  receive({callback(top.id(), ids::callbacks::TopLevel_window_state.id, ws.SerializeAsString())});
  CHECK(top.get_window_state() == pgw::WindowState::maximized);
}

TEST_CASE_METHOD(SessionFixture, "core: a state callback with an enum number the schema does not know is refused") {
  auto top = run_coro(io, session->get_widgets().TopLevel({.title = "t"}));
  std::vector<pgw::WindowState> seen;
  top.on_window_state([&](pgw::WindowState state) { seen.push_back(state); });
  drain(io);
  frames.clear();
  receive({callback(top.id(), ids::callbacks::TopLevel_window_state.id, std::string("\x08\x09", 2))});
  drain(io);
  std::vector<std::string> replies;
  for (const auto& m : messages()) {
    if (m.has_error()) replies.push_back(m.error().message());
  }
  REQUIRE(replies.size() == 1);
  CHECK_THAT(replies[0], Catch::Contains("window_state") && Catch::Contains("9 is no value of WindowState"));
  CHECK(top.get_window_state() == pgw::WindowState::normal);  // not recorded
  CHECK(seen.empty());                                        // no handler ran
  CHECK(errors.empty());
}

TEST_CASE_METHOD(SessionFixture, "core: bad input gets a protocol error and loses nothing") {
  auto label = run_coro(io, session->get_widgets().Label("keep"));
  drain(io);
  frames.clear();
  core->receive(browser, "\xff\xff\xff\xff garbage");
  receive({callback(999, ids::callbacks::Button_activated.id)});
  receive({callback(label.id(), 9999)});
  receive({callback(label.id(), ids::callbacks::Button_activated.id)});  // a Label has no activated
  receive({result(12345)});
  drain(io);
  std::vector<std::string> replies;
  for (const auto& m : messages()) {
    if (m.has_error()) replies.push_back(m.error().message());
  }
  REQUIRE(replies.size() == 5);
  CHECK_THAT(replies[0], Catch::Contains("malformed frame"));
  CHECK_THAT(replies[1], Catch::Contains("unknown widget id 999"));
  CHECK_THAT(replies[2], Catch::Contains("unknown callback id 9999"));
  CHECK_THAT(replies[3], Catch::Contains("has no callback activated"));
  CHECK_THAT(replies[4], Catch::Contains("unknown call #12345"));
  CHECK(std::count_if(logs.begin(), logs.end(), [](const std::string& l) {
          return l.rfind("warning: session s1: protocol error:", 0) == 0;
        }) == 5);
  CHECK(session->is_connected());
  run_coro(io, label.set_text("still works"));
  CHECK(label.get_text() == "still works");
}

TEST_CASE_METHOD(SessionFixture, "core: a destroyed widget refuses calls with a clear error") {
  auto box = run_coro(io, session->get_widgets().VBox());
  auto label = run_coro(io, session->get_widgets().Label("x"));
  run_coro(io, box.add_widget(label, 0));
  CHECK(box.num_children() == 1);
  CHECK(box.get_children().at(0) == label);
  run_coro(io, box.destroy());
  try {
    run_coro(io, label.set_text("y"));
    FAIL("expected an exception");
  } catch (const std::invalid_argument& e) {
    CHECK_THAT(e.what(), Catch::Contains("was destroyed"));
  }
}

TEST_CASE_METHOD(SessionFixture, "core: braced options in a co_await keep long strings intact (g++ 12)") {
  // g++ 12 destroys such temporaries twice; options hold views, so this must
  // neither corrupt nor double-free (valgrind/ASan would catch it too).
  auto make = [&]() -> pgw::Task<std::string> {
    auto w = session->get_widgets();
    const std::string long_title(100, 't');
    auto top = co_await w.TopLevel({.title = long_title + "!", .resizable = false});
    auto entry = co_await w.TextEntry({.text = std::string(50, 'e'), .linehistory = 3, .tooltip = std::string(40, 'p')});
    auto label = co_await w.Label(std::string(60, 'l'), {.halign = pgw::HAlign::center});
    co_return top.get_title() + "|" + label.get_text() + "|" + std::string(pgw::to_string(label.get_halign())) + "|" +
        entry.get_tooltip();
  };
  auto got = run_coro(io, make());
  CHECK(got == std::string(100, 't') + "!|" + std::string(60, 'l') + "|center|" + std::string(40, 'p'));
}

TEST_CASE_METHOD(SessionFixture, "core: session.close() closes the connection and fails what was pending") {
  auto label = run_coro(io, session->get_widgets().Label("x"));
  bool failed = false;
  boost::asio::co_spawn(io, [&]() -> pgw::Task<> {
    try {
      co_await label.get_size();
    } catch (const pgw::Disconnected&) {
      failed = true;
    }
  }, boost::asio::detached);
  drain(io);
  run_coro(io, session->close());
  drain(io);
  REQUIRE(closes.size() == 1);
  CHECK(closes[0].first == 1000);
  CHECK(failed);
  CHECK_FALSE(session->is_connected());
}
