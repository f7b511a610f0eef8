// The layout family's state in the server's copy: what the user changed
// (page shown, splitter sizes, fold, scroll position) is answered by the
// getters at once and comes back after the children in a rebuild; each
// child comes back with its own attaching call's arguments (grid cell,
// fixed place, tab title).
#include <catch2/catch.hpp>

#include <string>
#include <vector>

#include "pgwidgets/protocol.pb.h"
#include "pgwidgets/schema_registry.hpp"
#include "pgwidgets/widgets/containers.pb.h"
#include "session_fixture.hpp"

using namespace pgw::test;
namespace ids = pgw::detail;

namespace {

std::string name_of(const pgwidgets::ServerMessage& m) {
  if (m.has_create()) return "create " + std::string(ids::find_class(m.create().class_id())->name);
  if (m.has_call()) {
    const auto& info = *ids::find_method(m.call().method_id());
    return std::string(info.class_name) + "." + std::string(info.name);
  }
  if (m.has_rebuild()) return m.rebuild().phase() == pgwidgets::Rebuild::PHASE_BEGIN ? "begin" : "end";
  return "other";
}

}  // namespace

TEST_CASE_METHOD(SessionFixture, "layout: user-changed state is the getters' at once and a rebuild's after the children") {
  auto w = session->get_widgets();
  auto grid = run_coro(io, w.GridBox());                  // 1
  auto fixed = run_coro(io, w.FixedLayout());             // 2
  auto tabs = run_coro(io, w.TabWidget());                // 3
  auto split = run_coro(io, w.Splitter());                // 4
  auto expander = run_coro(io, w.Expander({.title = "e"}));  // 5
  auto scroll = run_coro(io, w.ScrollArea());             // 6
  auto a = run_coro(io, w.Label("a"));                    // 7
  auto b = run_coro(io, w.Label("b"));                    // 8
  auto p1 = run_coro(io, w.Label("p1"));                  // 9
  auto p2 = run_coro(io, w.Label("p2"));                  // 10
  auto l = run_coro(io, w.Label("l"));                    // 11
  auto r = run_coro(io, w.Label("r"));                    // 12
  run_coro(io, grid.add_widget(a, 2, 1));
  run_coro(io, fixed.add_widget(b, 30, 40));
  run_coro(io, tabs.add_widget(p1, "One"));
  run_coro(io, tabs.add_widget(p2, "Two"));
  run_coro(io, split.add_widget(l));
  run_coro(io, split.add_widget(r));
  CHECK(tabs.get_index() == 0);
  CHECK(split.get_sizes().empty());
  CHECK(expander.get_collapsed());

  pgwidgets::widgets::PageSwitch sw;
  sw.set_child(p2.id());
  sw.set_index(1);
  pgwidgets::widgets::Sizes sizes;
  sizes.add_sizes(100);
  sizes.add_sizes(200);
  pgwidgets::widgets::Collapsed open;
  open.set_collapsed(false);
  pgwidgets::widgets::ScrollPercent at;
  at.set_h_pct(0);
  at.set_v_pct(0.5);
  receive({callback(tabs.id(), ids::callbacks::StackWidget_page_switch.id, sw.SerializeAsString()),
           callback(split.id(), ids::callbacks::Splitter_sizing.id, sizes.SerializeAsString()),
           callback(expander.id(), ids::callbacks::Expander_toggled.id, open.SerializeAsString()),
           callback(scroll.id(), ids::callbacks::AbstractScrollArea_scrolled.id, at.SerializeAsString())});
  drain(io);
  CHECK(tabs.get_index() == 1);
  CHECK(split.get_sizes() == std::vector<int>{100, 200});
  CHECK_FALSE(expander.get_collapsed());
  CHECK(scroll.get_scroll_position().v_pct == 0.5);
  CHECK(scroll.get_scroll_percent().v_pct == 0.5);

  std::vector<std::string> second;
  std::vector<std::pair<int, std::string>> closed;
  core->attach(2, sink_into(second, closed), 2, 0, 800, 600, true);
  std::vector<std::string> calls;
  std::vector<pgwidgets::ServerMessage> msgs;
  for (const auto& m : flatten(second)) {
    if (!m.has_call()) continue;
    calls.push_back(name_of(m));
    msgs.push_back(m);
  }
  CHECK(calls == std::vector<std::string>{
                     "Expander.set_collapsed",       // a plain setter, with the others
                     "GridBox.add_widget",           // the children, each by its own call
                     "FixedLayout.add_widget",
                     "StackWidget.add_widget",
                     "StackWidget.add_widget",
                     "Splitter.add_widget",
                     "Splitter.add_widget",
                     "StackWidget.set_index",        // deferred: after the children
                     "Splitter.set_sizes",
                     "AbstractScrollArea.set_scroll_percent",
                 });
  pgwidgets::widgets::GridChild cell;
  REQUIRE(cell.ParseFromString(msgs[1].call().args()));
  CHECK((cell.child() == a.id() && cell.row() == 2 && cell.col() == 1));
  pgwidgets::widgets::FixedChild place;
  REQUIRE(place.ParseFromString(msgs[2].call().args()));
  CHECK((place.child() == b.id() && place.x() == 30 && place.y() == 40));
  pgwidgets::widgets::PageChild page;
  REQUIRE(page.ParseFromString(msgs[4].call().args()));
  CHECK((page.child() == p2.id() && page.title() == "Two"));
  pgwidgets::widgets::PageIndex index;
  REQUIRE(index.ParseFromString(msgs[7].call().args()));
  CHECK(index.index() == 1);
  pgwidgets::widgets::Sizes replayed;
  REQUIRE(replayed.ParseFromString(msgs[8].call().args()));
  CHECK(replayed.sizes_size() == 2);
}
