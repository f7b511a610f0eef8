// The rebuild a joining browser gets: what it holds and in which order,
// from the store alone; destroyed widgets stay gone.
#include <catch2/catch.hpp>

#include <optional>

#include <boost/asio/co_spawn.hpp>
#include <boost/asio/detached.hpp>

#include "pgwidgets/protocol.pb.h"
#include "pgwidgets/widgets/base.pb.h"
#include "pgwidgets/widgets/layout.pb.h"
#include "pgwidgets/schema_registry.hpp"
#include "rebuild.hpp"
#include "session_fixture.hpp"

using namespace pgw::test;
namespace ids = pgw::detail;

namespace {

// One line per message, e.g. "create 3 Label", "call 2 VBox.add_widget",
// "listen 4 activated", "rebuild begin".
std::string describe(const pgwidgets::ServerMessage& m) {
  if (m.has_create()) {
    return "create " + std::to_string(m.create().widget_id()) + " " +
           std::string(ids::find_class(m.create().class_id())->name);
  }
  if (m.has_call()) {
    const auto& info = *ids::find_method(m.call().method_id());
    return "call " + std::to_string(m.call().widget_id()) + " " + std::string(info.class_name) + "." +
           std::string(info.name) + (m.call().quiet() ? " quiet" : "");
  }
  if (m.has_listen()) {
    return "listen " + std::to_string(m.listen().widget_id()) + " " +
           std::string(ids::find_callback(m.listen().callback_id())->name);
  }
  if (m.has_rebuild()) return m.rebuild().phase() == pgwidgets::Rebuild::PHASE_BEGIN ? "rebuild begin" : "rebuild end";
  if (m.has_hello()) return std::string("hello") + (m.hello().rejoined() ? " rejoined" : "");
  return "other";
}

std::vector<std::string> describe_all(const std::vector<pgwidgets::ServerMessage>& ms) {
  std::vector<std::string> out;
  for (const auto& m : ms) out.push_back(describe(m));
  return out;
}

}  // namespace

TEST_CASE_METHOD(SessionFixture, "rebuild: widgets, setters, children, listens, deferred state, in that order") {
  auto w = session->get_widgets();
  auto top = run_coro(io, w.TopLevel({.title = "T"}));  // 1
  run_coro(io, top.show());                             // deferred, set first
  auto box = run_coro(io, w.VBox({.spacing = 4}));      // 2
  auto a = run_coro(io, w.Label("a"));                  // 3
  auto gone = run_coro(io, w.Label("gone"));            // 4, destroyed below
  auto b = run_coro(io, w.Button("b"));                 // 5
  run_coro(io, box.add_widget(a, 1));
  run_coro(io, box.add_widget(gone, 0));
  run_coro(io, box.insert_widget(0, b, 2));  // b before a
  run_coro(io, top.set_widget(box));
  run_coro(io, a.set_text("a2"));
  run_coro(io, top.set_window_state(pgw::WindowState::maximized));
  run_coro(io, top.set_title("T2"));
  b.on_activated([] {});
  run_coro(io, gone.destroy());
  drain(io);

  std::vector<std::string> second;
  std::vector<std::pair<int, std::string>> closed;
  core->attach(2, sink_into(second, closed), 2, 0, 800, 600, true);
  CHECK(describe_all(flatten(second)) == std::vector<std::string>{
                                             "hello rejoined",
                                             "rebuild begin",
                                             "create 1 TopLevel",
                                             "create 2 VBox",
                                             "create 3 Label",
                                             "create 5 Button",
                                             "call 1 TopLevel.set_title",
                                             "call 2 Box.set_spacing",
                                             "call 3 Label.set_text",
                                             "call 1 TopLevel.set_widget",
                                             "call 2 Box.insert_widget",
                                             "call 2 Box.add_widget",
                                             "listen 5 activated",
                                             "call 1 Widget.show",
                                             "call 1 TopLevel.set_window_state",
                                             "rebuild end",
                                         });
  // b was inserted at 0 and stays first; a's stretch is its own call's.
  auto msgs = flatten(second);
  pgwidgets::widgets::BoxInsert ins;
  REQUIRE(ins.ParseFromString(msgs[10].call().args()));
  CHECK(ins.child() == b.id());
  CHECK(ins.index() == 0);
  CHECK(ins.stretch() == 2);
  pgwidgets::widgets::BoxChild add;
  REQUIRE(add.ParseFromString(msgs[11].call().args()));
  CHECK(add.child() == a.id());
  CHECK(add.stretch() == 1);
  pgwidgets::widgets::Text text;
  REQUIRE(text.ParseFromString(msgs[8].call().args()));
  CHECK(text.text() == "a2");  // the last call per field
  CHECK(core->last_rebuild_bytes() > 0);
}

TEST_CASE("rebuild: an insert position is rewritten to the child's final place") {
  pgwidgets::widgets::BoxInsert ins;
  ins.set_index(7);
  ins.set_child(3);
  ins.set_stretch(1);
  pgwidgets::widgets::BoxInsert back;
  REQUIRE(back.ParseFromString(ids::with_index(ins.SerializeAsString(), 1, 2)));
  CHECK(back.index() == 2);
  CHECK(back.child() == 3);
  CHECK(back.stretch() == 1);
  REQUIRE(back.ParseFromString(ids::with_index(ins.SerializeAsString(), 1, 0)));
  CHECK(back.index() == 0);
}

TEST_CASE_METHOD(SessionFixture, "rebuild: children inserted in the middle come back in list order") {
  auto w = session->get_widgets();
  auto box = run_coro(io, w.HBox());
  auto x = run_coro(io, w.Label("x"));
  auto y = run_coro(io, w.Label("y"));
  auto z = run_coro(io, w.Label("z"));
  run_coro(io, box.add_widget(x, 0));
  run_coro(io, box.add_widget(y, 0));
  run_coro(io, box.insert_widget(1, z, 0));  // x z y
  drain(io);
  std::vector<std::string> second;
  std::vector<std::pair<int, std::string>> closed;
  core->attach(2, sink_into(second, closed), 2, 0, 800, 600, true);
  std::vector<std::pair<pgw::WidgetId, int>> placed;  // child, index (-1: appended)
  for (const auto& m : flatten(second)) {
    if (!m.has_call()) continue;
    if (m.call().method_id() == ids::methods::Box_add_widget.id) {
      pgwidgets::widgets::BoxChild c;
      c.ParseFromString(m.call().args());
      placed.emplace_back(c.child(), -1);
    } else if (m.call().method_id() == ids::methods::Box_insert_widget.id) {
      pgwidgets::widgets::BoxInsert c;
      c.ParseFromString(m.call().args());
      placed.emplace_back(c.child(), c.index());
    }
  }
  CHECK(placed == std::vector<std::pair<pgw::WidgetId, int>>{{x.id(), -1}, {z.id(), 1}, {y.id(), -1}});
}

TEST_CASE_METHOD(SessionFixture, "rebuild: state the user changed in the browser is replayed") {
  auto top = run_coro(io, session->get_widgets().TopLevel({.title = "t"}));
  auto entry = run_coro(io, session->get_widgets().TextEntry({.text = "start"}));
  pgwidgets::widgets::Position p;
  p.set_x(120);
  p.set_y(80);
  pgwidgets::widgets::Text t;
  t.set_text("typed");
  pgwidgets::widgets::Size size;
  size.set_width(420);
  size.set_height(310);
  receive({callback(top.id(), ids::callbacks::TopLevel_move.id, p.SerializeAsString()),
           callback(top.id(), ids::callbacks::TopLevel_resized.id, size.SerializeAsString()),
           callback(entry.id(), ids::callbacks::TextEntry_activated.id, t.SerializeAsString()),
           callback(top.id(), ids::callbacks::TopLevel_close.id)});
  drain(io);
  std::vector<std::string> second;
  std::vector<std::pair<int, std::string>> closed;
  core->attach(2, sink_into(second, closed), 2, 0, 800, 600, true);
  auto d = describe_all(flatten(second));
  CHECK(d == std::vector<std::string>{"hello rejoined", "rebuild begin", "create 1 TopLevel", "create 2 TextEntry",
                                      "call 1 TopLevel.set_position", "call 1 Widget.resize",
                                      "call 2 TextEntry.set_text", "call 1 Widget.hide", "rebuild end"});
  auto msgs = flatten(second);
  CHECK(msgs[4].call().args() == p.SerializeAsString());
  CHECK(msgs[5].call().args() == size.SerializeAsString());
  CHECK(msgs[6].call().args() == t.SerializeAsString());
}

TEST_CASE_METHOD(SessionFixture, "rebuild: a new session's browser gets the hello alone") {
  std::vector<std::string> second;
  std::vector<std::pair<int, std::string>> closed;
  core->attach(2, sink_into(second, closed), 2, 0, 800, 600, false);
  CHECK(describe_all(flatten(second)) == std::vector<std::string>{"hello"});
}

TEST_CASE_METHOD(SessionFixture, "rebuild: what was queued before a join is not sent twice, and later calls follow the rebuild") {
  auto label = run_coro(io, session->get_widgets().Label("one"));
  run_coro(io, label.set_text("two"));  // queued, not yet flushed
  std::vector<std::string> second;
  std::vector<std::pair<int, std::string>> closed;
  core->attach(2, sink_into(second, closed), 2, 0, 800, 600, true);
  run_coro(io, label.set_text("three"));  // made during the join's turn
  drain(io);
  // The first browser: the creation and both calls, once each.
  CHECK(describe_all(flatten(frames)) ==
        std::vector<std::string>{"create 1 Label", "call 1 Label.set_text", "call 1 Label.set_text"});
  // The second: the rebuilt page (with "two"), then "three".
  CHECK(describe_all(flatten(second)) == std::vector<std::string>{"hello rejoined", "rebuild begin", "create 1 Label",
                                                                   "call 1 Label.set_text", "rebuild end",
                                                                   "call 1 Label.set_text"});
  pgwidgets::widgets::Text t;
  t.ParseFromString(flatten(second)[3].call().args());
  CHECK(t.text() == "two");
}

TEST_CASE("rebuild: strict_calls with two browsers: the first-joined acknowledges, the other is not asked to") {
  SessionFixture f(true);
  std::vector<std::string> second;
  std::vector<std::pair<int, std::string>> closed;
  f.core->attach(2, SessionFixture::sink_into(second, closed), 2, 0, 800, 600, true);
  std::optional<pgw::Label> label;
  boost::asio::co_spawn(f.io, [&]() -> pgw::Task<> { label = co_await f.session->get_widgets().Label("x"); },
                        boost::asio::detached);
  drain(f.io);
  auto mine = f.messages();
  auto theirs = SessionFixture::flatten(second);
  REQUIRE(mine.size() == 1);
  REQUIRE(theirs.size() == 2);  // hello, create
  CHECK(mine[0].create().ack());
  CHECK_FALSE(theirs[1].create().ack());
  CHECK(mine[0].create().seq() == theirs[1].create().seq());
  CHECK_FALSE(label);
  f.receive({result(mine[0].create().seq())});
  drain(f.io);
  CHECK(label);
  // With no browser left, a strict call has nothing to confirm: it completes once recorded.
  f.core->detach(SessionFixture::browser, "test");
  f.core->detach(2, "test");
  run_coro(f.io, label->set_text("alone"));
  CHECK(label->get_text() == "alone");
}
