// Dialogs and toolbars on the server: Dialog::exec() answered by the page's
// report (a button's value, or std::nullopt for close), the first browser
// to answer wins, the session ending fails it with Disconnected (never a
// hang), a destroyed dialog fails it; a toolbar's exclusive group kept in
// the server's state and sent by a rebuild; the test kit's press().
#include <catch2/catch.hpp>

#include <algorithm>
#include <optional>
#include <stdexcept>
#include <string>
#include <vector>

#include <boost/asio/co_spawn.hpp>
#include <boost/asio/detached.hpp>

#include "message_outline.hpp"
#include "pgwidgets/testing.hpp"
#include "pgwidgets/widgets.hpp"
#include "pgwidgets/widgets/base.pb.h"
#include "pgwidgets/widgets/dialogs.pb.h"
#include "pgwidgets/widgets/toolbar.pb.h"
#include "session_fixture.hpp"

using namespace pgw::test;
namespace ids = pgw::detail;

namespace {

// Lists are passed as named vectors (a braced list does not compile).
const std::vector<std::string> kOk{"OK"};

std::string value_of(const std::string& v) {
  pgwidgets::widgets::DialogValue m;
  m.set_value(v);
  return m.SerializeAsString();
}

// exec() run in the background: `answer` holds what it returned, `failure`
// what it threw.
struct Exec {
  bool done = false;
  std::optional<std::string> answer;
  std::string failure;
  bool disconnected = false;
};

void start_exec(boost::asio::io_context& io, const pgw::Dialog& d, Exec& out) {
  boost::asio::co_spawn(io, [d, &out]() -> pgw::Task<> {
    try {
      out.answer = co_await d.exec();
    } catch (const pgw::Disconnected& e) {
      out.disconnected = true;
      out.failure = e.what();
    } catch (const std::exception& e) {
      out.failure = e.what();
    }
    out.done = true;
  }, boost::asio::detached);
}

std::vector<std::string> rebuild_of(SessionFixture& f) {
  std::vector<std::string> second;
  std::vector<std::pair<int, std::string>> closed;
  f.core->attach(2, SessionFixture::sink_into(second, closed), 2, 0, 800, 600, true);
  auto out = outline(SessionFixture::flatten(second));
  f.core->detach(2, "done");
  return out;
}

}  // namespace

TEST_CASE_METHOD(SessionFixture, "dialogs: exec shows the dialog and returns the value of the button pressed") {
  const std::vector<std::string> labels{"Save", "Cancel"}, values{"save", "cancel"};
  auto d = run_coro(io, session->get_widgets().Dialog("Save?", labels, {.values = values}));
  std::vector<std::string> heard;
  d.on_activated([&](std::string v) { heard.push_back(v); });
  Exec e;
  start_exec(io, d, e);
  drain(io);
  CHECK_FALSE(e.done);
  CHECK(core->report_waits() == 1);
  // The show went out (recorded: a rebuild shows the dialog).
  bool shown = false;
  for (const auto& m : messages()) {
    if (m.has_call() && m.call().method_id() == ids::methods::Widget_show.id && m.call().widget_id() == d.id()) shown = true;
  }
  CHECK(shown);
  // A report from another widget or of another callback does not answer it.
  receive({callback(d.id(), ids::callbacks::Dialog_move.id, "")});
  drain(io);
  CHECK_FALSE(e.done);
  receive({callback(d.id(), ids::callbacks::Dialog_activated.id, value_of("save"))});
  drain(io);
  REQUIRE(e.done);
  CHECK(e.failure.empty());
  CHECK(e.answer == std::optional<std::string>("save"));
  // Handlers registered with on_activated still ran.
  CHECK(heard == std::vector<std::string>{"save"});
  CHECK(core->report_waits() == 0);
}

TEST_CASE_METHOD(SessionFixture, "dialogs: exec returns nullopt when the dialog is closed (close box or Escape)") {
  auto d = run_coro(io, session->get_widgets().Dialog("Q", kOk));
  Exec e;
  start_exec(io, d, e);
  drain(io);
  // Nobody registered on_activated: exec makes the page send it.
  bool listens = false;
  for (const auto& m : messages()) {
    if (m.has_listen() && m.listen().widget_id() == d.id() && m.listen().callback_id() == ids::callbacks::Dialog_activated.id) {
      listens = true;
    }
  }
  CHECK(listens);
  receive({callback(d.id(), ids::callbacks::Dialog_close.id, "")});
  drain(io);
  REQUIRE(e.done);
  CHECK(e.failure.empty());
  CHECK_FALSE(e.answer.has_value());
  // A later press answers nothing (the wait is gone) and breaks nothing.
  receive({callback(d.id(), ids::callbacks::Dialog_activated.id, value_of("OK"))});
  drain(io);
  CHECK(errors.empty());
}

TEST_CASE_METHOD(SessionFixture, "dialogs: with two browsers the first answer wins") {
  std::vector<std::string> second;
  std::vector<std::pair<int, std::string>> closed;
  core->attach(2, sink_into(second, closed), 1, 0, 800, 600, false);
  const std::vector<std::string> labels{"A", "B"};
  auto d = run_coro(io, session->get_widgets().Dialog("Q", labels));
  Exec e;
  start_exec(io, d, e);
  drain(io);
  core->receive(2, client_frame({callback(d.id(), ids::callbacks::Dialog_activated.id, value_of("B"))}));
  receive({callback(d.id(), ids::callbacks::Dialog_activated.id, value_of("A"))});
  drain(io);
  REQUIRE(e.done);
  CHECK(e.answer == std::optional<std::string>("B"));
  core->detach(2, "done");
}

TEST_CASE_METHOD(SessionFixture, "dialogs: the session ending fails exec with Disconnected at once") {
  auto d = run_coro(io, session->get_widgets().Dialog("Q", kOk));
  Exec e;
  start_exec(io, d, e);
  drain(io);
  CHECK_FALSE(e.done);
  core->end(1001, "the browser left");
  drain(io);
  REQUIRE(e.done);
  CHECK(e.disconnected);
  CHECK_THAT(e.failure, Catch::Contains("the browser left"));
  // exec on an ended session throws at once too.
  CHECK_THROWS_AS(run_coro(io, d.exec()), pgw::Disconnected);
}

TEST_CASE_METHOD(SessionFixture, "dialogs: a reload does not end exec: the rebuilt page shows the dialog and answers it") {
  auto d = run_coro(io, session->get_widgets().Dialog("Q", kOk));
  Exec e;
  start_exec(io, d, e);
  drain(io);
  core->detach(browser, "reload");
  drain(io);
  CHECK_FALSE(e.done);
  std::vector<std::string> again;
  std::vector<std::pair<int, std::string>> closed;
  core->attach(3, sink_into(again, closed), 1, 0, 800, 600, true);
  const auto rebuilt = outline(flatten(again));
  CHECK(std::find(rebuilt.begin(), rebuilt.end(), "call " + std::to_string(d.id()) + " Widget.show") != rebuilt.end());
  bool relistened = false;
  for (const auto& m : flatten(again)) {
    if (m.has_listen() && m.listen().widget_id() == d.id() && m.listen().callback_id() == ids::callbacks::Dialog_activated.id) {
      relistened = true;
    }
  }
  CHECK(relistened);
  core->receive(3, client_frame({callback(d.id(), ids::callbacks::Dialog_activated.id, value_of("OK"))}));
  drain(io);
  REQUIRE(e.done);
  CHECK(e.answer == std::optional<std::string>("OK"));
  core->detach(3, "done");
}

TEST_CASE_METHOD(SessionFixture, "dialogs: a dialog destroyed during exec fails it with logic_error") {
  auto d = run_coro(io, session->get_widgets().Dialog("Q", kOk));
  Exec e;
  start_exec(io, d, e);
  drain(io);
  run_coro(io, d.destroy());
  drain(io);
  REQUIRE(e.done);
  CHECK_FALSE(e.disconnected);
  CHECK_THAT(e.failure, Catch::Contains("destroyed"));
  CHECK_THROWS_AS(run_coro(io, d.exec()), std::invalid_argument);
}

TEST_CASE_METHOD(SessionFixture, "dialogs: autoclose's report hides the dialog in the server's state") {
  auto d = run_coro(io, session->get_widgets().Dialog("Q", kOk, {.autoclose = true}));
  run_coro(io, d.show());
  receive({callback(d.id(), ids::callbacks::Dialog_activated.id, value_of("OK")),
           callback(d.id(), ids::callbacks::Dialog_autoclosed.id, "")});
  drain(io);
  const auto rebuilt = rebuild_of(*this);
  CHECK(std::find(rebuilt.begin(), rebuilt.end(), "call " + std::to_string(d.id()) + " Widget.hide") != rebuilt.end());
  CHECK(std::find(rebuilt.begin(), rebuilt.end(), "call " + std::to_string(d.id()) + " Widget.show") == rebuilt.end());
}

TEST_CASE_METHOD(SessionFixture, "toolbar: checking one action of a group unchecks the others in the server's state") {
  auto W = session->get_widgets();
  auto bar = run_coro(io, W.ToolBar());
  auto a = run_coro(io, bar.add_action({.text = "A", .toggle = true}));
  auto b = run_coro(io, bar.add_action({.text = "B", .toggle = true, .group = &a}));
  auto c = run_coro(io, bar.add_action({.text = "C", .toggle = true, .group = &a}));
  auto sep = run_coro(io, bar.add_separator());
  auto plain = run_coro(io, bar.add_action({.text = "Plain"}));
  run_coro(io, a.set_state(true));
  CHECK(a.get_state());
  bool b_heard = false;
  b.on_activated([&](bool on) { b_heard = on; });
  int plain_heard = 0;
  plain.on_activated([&] { ++plain_heard; });
  pgwidgets::widgets::ActionState on;
  on.set_value(true);
  receive({callback(b.id(), ids::callbacks::ToolBarAction_activated.id, on.SerializeAsString()),
           callback(plain.id(), ids::callbacks::ToolBarAction_activated.id, "")});
  drain(io);
  CHECK(b_heard);
  CHECK(plain_heard == 1);
  CHECK_FALSE(a.get_state());
  CHECK(b.get_state());
  CHECK_FALSE(c.get_state());
  // The toolbar's children, separator included, in order.
  REQUIRE(bar.get_children().size() == 5);
  CHECK(bar.get_children()[3].id() == sep.id());
  // set_state on another member clears the rest too.
  run_coro(io, c.set_state(true));
  CHECK_FALSE(b.get_state());
  CHECK(c.get_state());
}

TEST_CASE("dialogs: the test kit presses a dialog's button, and exec answers it", "[testkit]") {
  std::optional<std::string> got = std::string("unset");
  int closes = 0;
  pgw::testing::TestSession t([&](pgw::Session& s) -> pgw::Task<> {
    auto W = s.get_widgets();
    const std::vector<std::string> labels{"Yes", "No"}, values{"yes", "no"};
    auto d = co_await W.Dialog("Delete?", labels, {.autoclose = true, .values = values});
    d.on_close([&] { ++closes; });
    got = co_await d.exec();
  });
  auto d = t.find<pgw::Dialog>("Delete?");
  CHECK(t.is_visible(d));
  CHECK(got == std::optional<std::string>("unset"));
  t.press(d, "yes");
  CHECK(got == std::optional<std::string>("yes"));
  CHECK_FALSE(t.is_visible(d));  // autoclose
  CHECK(closes == 0);            // a press is no close
  CHECK_THROWS_AS(t.press(d, "no"), pgw::testing::Failure);  // hidden now
}

TEST_CASE("dialogs: the test kit close cancels exec, a ColorDialog's OK reports its color", "[testkit]") {
  std::optional<std::string> answer = std::string("unset");
  std::optional<std::string> color = std::string("unset");
  pgw::testing::TestSession t([&](pgw::Session& s) -> pgw::Task<> {
    auto W = s.get_widgets();
    auto d = co_await W.Dialog("Q", kOk);
    answer = co_await d.exec();
    auto cd = co_await W.ColorDialog({.color = "#00ff00", .title = "Pick"});
    color = co_await cd.exec();
  });
  t.close(t.find<pgw::Dialog>("Q"));
  CHECK_FALSE(answer.has_value());
  auto cd = t.find<pgw::ColorDialog>("Pick");
  t.press(cd);
  CHECK(color == std::optional<std::string>("#00ff00"));
  CHECK_FALSE(t.is_visible(cd));
}

TEST_CASE("toolbar: the test kit clicks toggles and groups", "[testkit]") {
  pgw::testing::TestSession t([](pgw::Session& s) -> pgw::Task<> {
    auto W = s.get_widgets();
    auto top = co_await W.TopLevel({.title = "T"});
    auto bar = co_await W.ToolBar();
    co_await top.set_widget(bar);
    co_await top.show();
    auto a = co_await bar.add_action({.text = "A", .toggle = true});
    co_await bar.add_action({.text = "B", .toggle = true, .group = &a});
  });
  auto a = t.find<pgw::ToolBarAction>("A");
  auto b = t.find<pgw::ToolBarAction>("B");
  t.click(a);
  CHECK(a.get_state());
  t.click(b);
  CHECK(b.get_state());
  CHECK_FALSE(a.get_state());
}

TEST_CASE_METHOD(SessionFixture, "dialogs: exec awaited in a handler, its answer used after it") {
  auto W = session->get_widgets();
  auto d = run_coro(io, W.Dialog("Q", kOk));
  auto ask = run_coro(io, W.Button("Ask"));
  auto label = run_coro(io, W.Label("none"));
  ask.on_activated([d, label]() -> pgw::Task<> {
    co_await label.set_text("asking");
    const std::optional<std::string> answer = co_await d.exec();
    // Built before the co_await: g++ 12 destroys a conditional's string
    // temporary twice inside a co_await expression.
    const std::string text = "exec " + answer.value_or("cancelled");
    co_await label.set_text(text);
  });
  receive({callback(ask.id(), ids::callbacks::Button_activated.id, "")});
  drain(io);
  CHECK(label.get_text() == "asking");
  receive({callback(d.id(), ids::callbacks::Dialog_close.id, "")});
  drain(io);
  CHECK(label.get_text() == "exec cancelled");
  CHECK(errors.empty());
  receive({callback(ask.id(), ids::callbacks::Button_activated.id, "")});
  drain(io);
  receive({callback(d.id(), ids::callbacks::Dialog_activated.id, value_of("OK"))});
  drain(io);
  CHECK(label.get_text() == "exec OK");
  CHECK(errors.empty());
}

TEST_CASE("dialogs: while a handler awaits exec(), the session's other handlers run", "[testkit]") {
  std::string seen = "none";
  std::optional<std::string> got = std::string("unset");
  pgw::testing::TestSession t([&](pgw::Session& s) -> pgw::Task<> {
    auto W = s.get_widgets();
    const std::vector<std::string> labels{"Yes", "No"}, values{"yes", "no"};
    auto d = co_await W.Dialog("Sure?", labels, {.autoclose = true, .values = values});
    auto top = co_await W.TopLevel({.title = "T"});
    auto box = co_await W.HBox();
    auto ask = co_await W.Button("Ask");
    auto other = co_await W.Button("Other");
    co_await box.add_widget(ask, 0);
    co_await box.add_widget(other, 0);
    co_await top.set_widget(box);
    co_await top.show();
    ask.on_activated([d, &got]() -> pgw::Task<> { got = co_await d.exec(); });
    other.on_activated([&seen] { seen = "other ran"; });
  });
  t.click(t.find<pgw::Button>("Ask"));
  CHECK(t.is_visible(t.find<pgw::Dialog>("Sure?")));
  // Before, the handler kept the session's lock until the user answered:
  // this click's handler waited behind it.
  t.click(t.find<pgw::Button>("Other"));
  CHECK(seen == "other ran");
  CHECK(got == std::optional<std::string>("unset"));
  t.press(t.find<pgw::Dialog>("Sure?"), "no");
  CHECK(got == std::optional<std::string>("no"));
}
