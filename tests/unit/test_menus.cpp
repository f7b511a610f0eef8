// Menus on the server: the structure (bar, menus, actions, separators,
// submenus) is the menus' child lists, made by CREATE methods and ATTACH;
// an action's text and checked state are state the server keeps (the
// user's toggles included) and answers; a rebuild sends the current
// structure and state, never the calls that made it, and no open menu.
// The test kit activates an action as a person's click does.
#include <catch2/catch.hpp>

#include <algorithm>
#include <stdexcept>
#include <string>
#include <vector>

#include <pgwidgets/testing.hpp>

#include "pgwidgets/protocol.pb.h"
#include "pgwidgets/schema_registry.hpp"
#include "pgwidgets/widgets/base.pb.h"
#include "pgwidgets/widgets/menus.pb.h"
#include "message_outline.hpp"
#include "session_fixture.hpp"

using namespace pgw::test;
namespace ids = pgw::detail;

namespace {

std::vector<std::string> rebuild_of(SessionFixture& f) {
  std::vector<std::string> second;
  std::vector<std::pair<int, std::string>> closed;
  f.core->attach(2, SessionFixture::sink_into(second, closed), 2, 0, 800, 600, true);
  auto out = outline(SessionFixture::flatten(second));
  f.core->detach(2, "done");
  return out;
}

std::vector<pgwidgets::ServerMessage> rebuild_messages(SessionFixture& f) {
  std::vector<std::string> second;
  std::vector<std::pair<int, std::string>> closed;
  f.core->attach(2, SessionFixture::sink_into(second, closed), 2, 0, 800, 600, true);
  auto out = SessionFixture::flatten(second);
  f.core->detach(2, "done");
  return out;
}

std::vector<pgw::WidgetId> ids_of(const std::vector<pgw::Widget>& ws) {
  std::vector<pgw::WidgetId> out;
  for (const auto& w : ws) out.push_back(w.id());
  return out;
}

}  // namespace

TEST_CASE_METHOD(SessionFixture, "menus: the CREATE methods build the structure, in order, and a rebuild sends it") {
  auto w = session->get_widgets();
  auto bar = run_coro(io, w.MenuBar());                        // 1
  auto file = run_coro(io, bar.add_name("File"));               // 2
  auto open = run_coro(io, file.add_name("Open"));              // 3
  auto sep = run_coro(io, file.add_separator());                // 4
  auto recent = run_coro(io, file.add_menu("Recent"));          // 5
  auto wrap = run_coro(io, file.add_name("Wrap", true));        // 6
  auto edit = run_coro(io, w.Menu());                           // 7
  run_coro(io, bar.add_menu(edit, "Edit"));
  auto zoom = run_coro(io, w.Menu());                           // 8
  run_coro(io, edit.add_submenu("Zoom", zoom));
  drain(io);
  CHECK(errors.empty());
  CHECK(file.id() == 2);
  CHECK(ids_of(bar.get_children()) == std::vector<pgw::WidgetId>{file.id(), edit.id()});
  CHECK(ids_of(file.get_children()) == std::vector<pgw::WidgetId>{open.id(), sep.id(), recent.id(), wrap.id()});
  CHECK(ids_of(edit.get_children()) == std::vector<pgw::WidgetId>{zoom.id()});
  // Answered by the server from the creation's arguments.
  CHECK(open.get_text() == "Open");
  CHECK(!open.get_checked());
  CHECK(!wrap.get_state());

  const auto sent = messages();
  CHECK(outline(sent) == std::vector<std::string>{
                             "create 1 MenuBar", "create 2 Menu", "call 1 MenuBar.add_name", "create 3 MenuAction",
                             "call 2 Menu.add_name", "create 4 MenuSeparator", "call 2 Menu.add_separator",
                             "create 5 Menu", "call 2 Menu.add_menu", "create 6 MenuAction", "call 2 Menu.add_name",
                             "create 7 Menu", "call 1 MenuBar.add_menu", "create 8 Menu", "call 7 Menu.add_submenu"});
  pgwidgets::widgets::MenuActionArgs args;
  REQUIRE(args.ParseFromString(sent[9].create().args()));
  CHECK(args.text() == "Wrap");
  CHECK((args.has_checkable() && args.checkable()));
  pgwidgets::widgets::MenuArgs margs;
  REQUIRE(margs.ParseFromString(sent[1].create().args()));
  CHECK(margs.title() == "File");

  CHECK(rebuild_of(*this) == std::vector<std::string>{
                                 "create 1 MenuBar", "create 2 Menu", "create 3 MenuAction", "create 4 MenuSeparator",
                                 "create 5 Menu", "create 6 MenuAction", "create 7 Menu", "create 8 Menu",
                                 "call 1 MenuBar.add_name", "call 1 MenuBar.add_menu", "call 2 Menu.add_name",
                                 "call 2 Menu.add_separator", "call 2 Menu.add_menu", "call 2 Menu.add_name",
                                 "call 7 Menu.add_submenu"});
}

TEST_CASE_METHOD(SessionFixture, "menus: the checked state the user toggles is kept, answered and rebuilt, and popup is not") {
  auto w = session->get_widgets();
  auto menu = run_coro(io, w.Menu());                 // 1
  auto wrap = run_coro(io, menu.add_name("Wrap", true));  // 2
  std::vector<bool> got;
  wrap.on_activated([&got](bool checked) { got.push_back(checked); });
  run_coro(io, menu.popup(10, 20));
  run_coro(io, wrap.set_text("Word wrap"));
  drain(io);
  CHECK(wrap.get_text() == "Word wrap");

  pgwidgets::widgets::Activated on;
  on.set_checked(true);
  receive({callback(wrap.id(), ids::callbacks::MenuAction_activated.id, on.SerializeAsString())});
  drain(io);
  CHECK(errors.empty());
  CHECK(got == std::vector<bool>{true});
  CHECK(wrap.get_checked());
  CHECK(wrap.get_state());

  // The rebuild sets the text and the check after the creation; the popup
  // (an open menu) is not sent again.
  const auto again = rebuild_messages(*this);
  CHECK(outline(again) == std::vector<std::string>{"create 1 Menu", "create 2 MenuAction",
                                                   "call 2 MenuAction.set_text", "call 2 MenuAction.set_checked",
                                                   "call 1 Menu.add_name", "other" /* the listen */});
  const auto set = std::find_if(again.begin(), again.end(), [](const pgwidgets::ServerMessage& m) {
    return m.has_call() && m.call().method_id() == ids::methods::MenuAction_set_checked.id;
  });
  REQUIRE(set != again.end());
  pgwidgets::widgets::Checked checked;
  REQUIRE(checked.ParseFromString(set->call().args()));
  CHECK(checked.checked());

  pgwidgets::widgets::Activated off;
  receive({callback(wrap.id(), ids::callbacks::MenuAction_activated.id, off.SerializeAsString())});
  drain(io);
  CHECK(got == std::vector<bool>{true, false});
  CHECK(!wrap.get_checked());
  run_coro(io, wrap.set_checked(true));
  CHECK(wrap.get_checked());
}

TEST_CASE_METHOD(SessionFixture, "menus: bad arguments are refused at the call, nothing recorded") {
  auto w = session->get_widgets();
  auto bar = run_coro(io, w.MenuBar());
  auto label = run_coro(io, w.Label("x"));
  auto menu = run_coro(io, w.Menu());
  drain(io);
  const auto before = messages().size();
  // An empty handle where a menu goes.
  CHECK_THROWS_AS(run_coro(io, bar.add_menu(pgw::Menu{}, "Nothing")), std::invalid_argument);
  CHECK_THROWS_AS(run_coro(io, label.set_menu(pgw::Menu{})), std::invalid_argument);
  // A menu inside itself.
  CHECK_THROWS_AS(run_coro(io, menu.add_submenu("Me", menu)), std::invalid_argument);
  drain(io);
  CHECK(messages().size() == before);
  CHECK(bar.get_children().empty());
  // A label keeps its context menu for a rebuild.
  run_coro(io, label.set_menu(menu));
  drain(io);
  const auto again = rebuild_of(*this);
  CHECK(std::find(again.begin(), again.end(), "call 2 Label.set_menu") != again.end());
}

TEST_CASE_METHOD(SessionFixture, "menus: a destroyed menu leaves the rebuild of the widgets that named it") {
  auto w = session->get_widgets();
  auto label = run_coro(io, w.Label("x"));           // 1
  auto menu = run_coro(io, w.Menu());                // 2
  auto bar = run_coro(io, w.ToolBar());              // 3
  auto action = run_coro(io, bar.add_action({.text = "Go"}));  // 4
  auto kept = run_coro(io, w.Menu());                // 5
  run_coro(io, label.set_menu(menu));
  run_coro(io, action.set_menu(kept));
  run_coro(io, menu.destroy());
  drain(io);
  CHECK(errors.empty());
  // A rebuilt page has no menu 2: naming it would be an error there. The
  // action's menu lives on and is set again.
  const auto again = rebuild_of(*this);
  CHECK(std::find(again.begin(), again.end(), "call 1 Label.set_menu") == again.end());
  CHECK(std::find(again.begin(), again.end(), "call 4 ToolBarAction.set_menu") != again.end());
  CHECK(std::find(again.begin(), again.end(), "create 2 Menu") == again.end());
}

TEST_CASE("menus: the test kit clicks an action, a checkable one toggles and its handler gets the state") {
  std::vector<std::string> seen;
  pgw::testing::TestSession t([&seen](pgw::Session& s) -> pgw::Task<> {
    auto w = s.get_widgets();
    auto top = co_await w.TopLevel({.title = "App"});
    auto bar = co_await w.MenuBar();
    co_await top.set_widget(bar);
    auto file = co_await bar.add_name("File");
    auto open = co_await file.add_name("Open");
    auto wrap = co_await file.add_name("Wrap", true);
    open.on_activated([&seen]() { seen.push_back("open"); });
    wrap.on_activated([&seen, wrap](bool checked) {
      seen.push_back(std::string("wrap ") + (checked ? "on" : "off") + (wrap.get_checked() == checked ? "" : " (getter disagrees)"));
    });
    co_await top.show();
  });
  t.click(t.find<pgw::MenuAction>("Open"));
  t.click(t.find<pgw::MenuAction>("Wrap"));
  t.click(t.find<pgw::MenuAction>("Wrap"));
  CHECK(seen == std::vector<std::string>{"open", "wrap on", "wrap off"});
  CHECK(!t.find<pgw::MenuAction>("Wrap").get_checked());
  // A plain action reports no state: as the page does, the kit sends false.
  CHECK(!t.find<pgw::MenuAction>("Open").get_checked());
}
