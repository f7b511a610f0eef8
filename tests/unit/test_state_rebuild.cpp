// Collection state in a session: a ComboBox's items, a TabWidget's tab
// highlights and a Splitter's pane minimums are kept as their current
// value; getters answer from it; a rebuild sends that value (never the
// calls that made it), after the children for per-child entries; a call
// the rules refuse throws std::invalid_argument at the call site and
// changes and sends nothing.
#include <catch2/catch.hpp>

#include <algorithm>
#include <string>
#include <vector>

#include "pgwidgets/protocol.pb.h"
#include "pgwidgets/schema_registry.hpp"
#include "pgwidgets/widgets/containers.pb.h"
#include "pgwidgets/widgets/controls.pb.h"
#include "session_fixture.hpp"
#include "message_outline.hpp"

using namespace pgw::test;
namespace ids = pgw::detail;

namespace {

using pgw::test::message_name;

// What a browser joining now gets: its messages, flattened.
std::vector<pgwidgets::ServerMessage> rebuild_of(SessionFixture& f, pgw::detail::BrowserId id = 2) {
  std::vector<std::string> frames;
  std::vector<std::pair<int, std::string>> closed;
  f.core->attach(id, SessionFixture::sink_into(frames, closed), 2, 0, 800, 600, true);
  auto out = SessionFixture::flatten(frames);
  f.core->detach(id, "done");
  return out;
}

std::vector<std::string> names(const std::vector<pgwidgets::ServerMessage>& ms) {
  std::vector<std::string> out;
  for (const auto& m : ms) out.push_back(message_name(m));
  return out;
}

std::string text_of(const pgwidgets::ServerMessage& m) {
  pgwidgets::widgets::Text t;
  REQUIRE(t.ParseFromString(m.call().args()));
  return t.text();
}

}  // namespace

TEST_CASE_METHOD(SessionFixture, "state: a combo box's rebuild sends its list as it is, whatever the history") {
  auto W = session->get_widgets();
  std::vector<std::string> start{"b", "a"};
  auto combo = run_coro(io, W.ComboBox({.items = start}));
  run_coro(io, combo.append_text("c"));
  for (int i = 0; i < 500; ++i) {
    run_coro(io, combo.append_text("t" + std::to_string(i)));
    run_coro(io, combo.delete_alpha("t" + std::to_string(i)));
  }
  run_coro(io, combo.insert_alpha("aa"));
  run_coro(io, combo.delete_alpha("b"));
  CHECK(combo.get_index() == 0);
  const auto msgs = rebuild_of(*this);
  CHECK(names(msgs) == std::vector<std::string>{"hello", "begin", "create ComboBox", "ComboBox.append_text",
                                                "ComboBox.append_text", "ComboBox.append_text", "end"});
  // The constructor's items are sent as the list, not twice.
  pgwidgets::widgets::ComboBoxArgs args;
  REQUIRE(args.ParseFromString(msgs[2].create().args()));
  CHECK(args.items_size() == 0);
  // insert_alpha stops at the first item that sorts after it: "b", first in the unsorted list.
  CHECK(text_of(msgs[3]) == "aa");
  CHECK(text_of(msgs[4]) == "a");
  CHECK(text_of(msgs[5]) == "c");

  run_coro(io, combo.clear());
  CHECK(combo.get_index() == -1);
  CHECK(names(rebuild_of(*this, 3)) == std::vector<std::string>{"hello", "begin", "create ComboBox", "end"});
}

TEST_CASE_METHOD(SessionFixture, "state: tab highlights and pane minimums come back after the children, and go with their child") {
  auto W = session->get_widgets();
  auto tabs = run_coro(io, W.TabWidget());      // 1
  auto split = run_coro(io, W.Splitter());      // 2
  auto p1 = run_coro(io, W.Label("p1"));        // 3
  auto p2 = run_coro(io, W.Label("p2"));        // 4
  auto l = run_coro(io, W.Label("l"));          // 5
  auto r = run_coro(io, W.Label("r"));          // 6
  run_coro(io, tabs.add_widget(p1, "One"));
  run_coro(io, tabs.add_widget(p2, "Two"));
  run_coro(io, split.add_widget(l));
  run_coro(io, split.add_widget(r));
  run_coro(io, tabs.highlight_tab(p2, "yellow"));
  run_coro(io, tabs.highlight_tab(p1, "red"));
  run_coro(io, tabs.highlight_tab(p2, "orange"));  // replaces p2's, keeps its place
  run_coro(io, split.set_minimum_size(r, 80));
  run_coro(io, split.set_minimum_size(l, 0));
  drain(io);

  const auto msgs = rebuild_of(*this);
  const auto n = names(msgs);
  const auto at = [&](const std::string& what) {
    return static_cast<int>(std::find(n.begin(), n.end(), what) - n.begin());
  };
  // After every child list (the last one is the splitter's), before the end.
  CHECK(at("TabWidget.highlight_tab") > at("Splitter.add_widget"));
  CHECK(std::count(n.begin(), n.end(), "TabWidget.highlight_tab") == 2);
  CHECK(std::count(n.begin(), n.end(), "Splitter.set_minimum_size") == 2);
  std::vector<std::pair<std::uint32_t, std::string>> highlights;
  std::vector<std::pair<std::uint32_t, int>> minimums;
  for (const auto& m : msgs) {
    if (message_name(m) == "TabWidget.highlight_tab") {
      pgwidgets::widgets::TabHighlight h;
      REQUIRE(h.ParseFromString(m.call().args()));
      highlights.emplace_back(h.child(), h.bgcolor());
    } else if (message_name(m) == "Splitter.set_minimum_size") {
      pgwidgets::widgets::PaneMinimum p;
      REQUIRE(p.ParseFromString(m.call().args()));
      minimums.emplace_back(p.child(), p.min_px());
    }
  }
  CHECK(highlights == std::vector<std::pair<std::uint32_t, std::string>>{{p2.id(), "orange"}, {p1.id(), "red"}});
  CHECK(minimums == std::vector<std::pair<std::uint32_t, int>>{{r.id(), 80}, {l.id(), 0}});

  // A child that leaves takes its entry along; one that comes back has none.
  run_coro(io, tabs.remove(p2));
  run_coro(io, tabs.add_widget(p2, "Two"));
  run_coro(io, split.remove(r));
  const auto after = names(rebuild_of(*this, 3));
  CHECK(std::count(after.begin(), after.end(), "TabWidget.highlight_tab") == 1);
  CHECK(std::count(after.begin(), after.end(), "Splitter.set_minimum_size") == 1);
}

TEST_CASE_METHOD(SessionFixture, "state: an entry for a widget that is not a child is refused at the call, and nothing is sent") {
  auto W = session->get_widgets();
  auto tabs = run_coro(io, W.TabWidget());
  auto page = run_coro(io, W.Label("page"));
  auto stranger = run_coro(io, W.Label("stranger"));
  run_coro(io, tabs.add_widget(page, "Page"));
  drain(io);
  frames.clear();
  try {
    run_coro(io, tabs.highlight_tab(stranger, "red"));
    FAIL("no error");
  } catch (const std::invalid_argument& e) {
    CHECK_THAT(e.what(), Catch::Contains("TabWidget.highlight_tab") && Catch::Contains("is not a child of TabWidget"));
  }
  auto split = run_coro(io, W.Splitter());
  CHECK_THROWS_AS(run_coro(io, split.set_minimum_size(page, 10)), std::invalid_argument);
  drain(io);
  for (const auto& m : messages()) CHECK(message_name(m) == "create Splitter");
  const auto n = names(rebuild_of(*this));
  CHECK(std::count(n.begin(), n.end(), "TabWidget.highlight_tab") == 0);
  CHECK(std::count(n.begin(), n.end(), "Splitter.set_minimum_size") == 0);
}
