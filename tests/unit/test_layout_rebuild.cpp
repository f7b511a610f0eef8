// The layout family's state in the server's copy: what the user changed
// (page shown, splitter sizes, fold, scroll position) is answered by the
// getters at once and comes back after the children in a rebuild; each
// child comes back with its own attaching call's arguments (grid cell,
// fixed place, tab title).
#include <catch2/catch.hpp>

#include <stdexcept>
#include <string>
#include <tuple>
#include <vector>

#include "pgwidgets/protocol.pb.h"
#include "pgwidgets/schema_registry.hpp"
#include "pgwidgets/widgets/containers.pb.h"
#include "session_fixture.hpp"
#include "message_outline.hpp"

using namespace pgw::test;
namespace ids = pgw::detail;

namespace {

using pgw::test::message_name;

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
    calls.push_back(message_name(m));
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

TEST_CASE_METHOD(SessionFixture, "layout: a rebuild sends a grid as its row and column operations left it") {
  auto w = session->get_widgets();
  auto grid = run_coro(io, w.GridBox({.rows = 2, .columns = 2}));  // 1
  auto a = run_coro(io, w.Label("a"));                              // 2
  auto b = run_coro(io, w.Label("b"));                              // 3
  auto c = run_coro(io, w.Label("c"));                              // 4
  auto d = run_coro(io, w.Label("d"));                              // 5
  auto e = run_coro(io, w.Label("e"));                              // 6
  run_coro(io, grid.add_widget(a, 0, 0));
  run_coro(io, grid.add_widget(b, 1, 1));
  run_coro(io, grid.insert_row(1, {c, d}));   // c (1,0), d (1,1); b moves to (2,1)
  run_coro(io, grid.insert_column(0, {}));    // an empty column 0: a (0,1), c (1,1), d (1,2), b (2,2)
  run_coro(io, grid.append_row({e}));         // e (3,0)
  run_coro(io, grid.append_row({}));          // an empty row 4
  run_coro(io, grid.delete_row(1));           // c and d leave: a (0,1), b (1,2), e (2,0)
  CHECK(grid.get_row_column_count().rows == 4);
  CHECK(grid.get_row_column_count().columns == 3);
  // Bad input is refused at the call, and changes nothing.
  CHECK_THROWS_WITH(run_coro(io, grid.delete_row(4)), Catch::Contains("out of range"));
  CHECK_THROWS_WITH(run_coro(io, grid.insert_column(4, {})), Catch::Contains("out of range"));
  CHECK_THROWS_AS(run_coro(io, grid.append_row({grid})), std::invalid_argument);
  CHECK(grid.get_row_column_count().rows == 4);
  CHECK(grid.num_children() == 3);

  std::vector<std::string> second;
  std::vector<std::pair<int, std::string>> closed;
  core->attach(2, sink_into(second, closed), 2, 0, 800, 600, true);
  pgwidgets::widgets::GridBoxArgs created;
  std::vector<std::tuple<std::uint32_t, int, int>> cells;
  for (const auto& m : flatten(second)) {
    if (m.has_create() && m.create().widget_id() == grid.id()) REQUIRE(created.ParseFromString(m.create().args()));
    if (m.has_call() && m.call().method_id() == ids::methods::GridBox_add_widget.id) {
      pgwidgets::widgets::GridChild cell;
      REQUIRE(cell.ParseFromString(m.call().args()));
      cells.emplace_back(cell.child(), cell.row(), cell.col());
    }
    // The line operations are never replayed: their result is.
    CHECK_FALSE((m.has_call() && ids::find_method(m.call().method_id())->op != ids::StateOp::none &&
                 ids::find_method(m.call().method_id())->class_id == ids::classes::GridBox.id));
  }
  CHECK(created.rows() == 4);  // the empty row 4 included
  CHECK(created.columns() == 3);  // the empty column 0 included
  CHECK(cells == std::vector<std::tuple<std::uint32_t, int, int>>{{a.id(), 0, 1}, {b.id(), 1, 2}, {e.id(), 2, 0}});
}
