// The program behind browser/layout.test.mjs: a TabWidget, a Splitter, an
// Expander, a ScrollArea and a StackWidget whose typed handlers print what
// they received, what the matching getter answers and how many frames that
// getter cost (0: answered by the server, no round trip), one line each on
// stdout. A "Report" button prints every getter, so the test can check the
// server's state after a reload as well; "Lock tabs" disables the tabs.
#include <cmath>
#include <cstdio>
#include <string>
#include <vector>

#include <pgwidgets/pgwidgets.hpp>

#include "example_args.hpp"

namespace {

void say(const std::string& line) {
  std::printf("%s\n", line.c_str());
  std::fflush(stdout);
}

std::string join(const std::vector<int>& v) {
  std::string out;
  for (int x : v) out += (out.empty() ? "" : ",") + std::to_string(x);
  return out;
}

std::string fixed3(double v) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "%.3f", v);
  return buf;
}

pgw::Task<> setup(pgw::Session& session) {
  auto w = session.get_widgets();
  auto top = co_await w.TopLevel({.title = "Layouts"});
  co_await top.set_position(10, 10);
  co_await top.resize(720, 600);
  auto root = co_await w.VBox({.spacing = 6, .padding = 6});

  // Getters are plain (not awaited) functions: the server answers them
  // from its own state, so none can cost a round trip.

  // Tabs: switched by clicks and arrow keys.
  auto tabs = co_await w.TabWidget({.tab_position = pgw::TabPosition::top});
  co_await tabs.set_tooltip("Three tabs");
  std::vector<pgw::Label> tab_pages;
  for (const char* name : {"One", "Two", "Three"}) {
    auto page = co_await w.Label(std::string("Tab page ") + name);
    co_await tabs.add_widget(page, name);
    tab_pages.push_back(page);
  }
  tabs.on_page_switch([tabs, tab_pages](pgw::Widget child, int index) {
    const bool same = index >= 0 && index < int(tab_pages.size()) && child == tab_pages[std::size_t(index)];
    say("page_switch index=" + std::to_string(index) + " child_matches=" + std::to_string(same) +
        " get_index=" + std::to_string(tabs.get_index()));
  });

  // A splitter: its handle dragged with the mouse and the arrow keys.
  auto split = co_await w.Splitter({.orientation = pgw::Orientation::horizontal});
  co_await split.resize(500, 60);
  auto left = co_await w.Label("Left pane");
  auto right = co_await w.Label("Right pane");
  co_await split.add_widget(left);
  co_await split.add_widget(right);
  split.on_sizing([split](const std::vector<int>& sizes) {
    say("sizing sizes=" + join(sizes) + " get_sizes=" + join(split.get_sizes()));
  });

  // An expander: toggled by a click and by Space / Enter.
  auto expander = co_await w.Expander({.title = "Details"});
  auto details = co_await w.Label("Folded-away details");
  co_await expander.set_widget(details);
  expander.on_toggled([expander](bool collapsed) {
    say("toggled collapsed=" + std::to_string(collapsed) +
        " get_collapsed=" + std::to_string(expander.get_collapsed()));
  });

  // A scroll area: scrolled with the wheel.
  auto scroll = co_await w.ScrollArea();
  co_await scroll.resize(400, 100);
  auto tall = co_await w.VBox({.spacing = 2});
  for (int i = 0; i < 30; ++i) {
    auto line = co_await w.Label("Line " + std::to_string(i));
    co_await tall.add_widget(line);
  }
  co_await scroll.set_widget(tall);
  scroll.on_scrolled([scroll](double h, double v) {
    const auto p = scroll.get_scroll_position();
    say("scrolled h=" + fixed3(h) + " v=" + fixed3(v) + " get_h=" + fixed3(p.h_pct) + " get_v=" + fixed3(p.v_pct));
  });

  // A stack: changed by a button's handler.
  auto buttons = co_await w.HBox({.spacing = 6});
  auto stack = co_await w.StackWidget();
  for (int i = 0; i < 3; ++i) {
    auto page = co_await w.Label("Stack page " + std::to_string(i));
    co_await stack.add_widget(page);
  }
  auto next = co_await w.Button("Next page");
  next.on_activated([stack]() -> pgw::Task<> {
    const int to = (stack.get_index() + 1) % 3;
    co_await stack.set_index(to);
    say("stack set=" + std::to_string(to) + " get_index=" + std::to_string(stack.get_index()));
  });
  auto report = co_await w.Button("Report");
  report.on_activated([tabs, split, expander, scroll, stack]() {
    const auto p = scroll.get_scroll_position();
    say("report tab=" + std::to_string(tabs.get_index()) + " sizes=" + join(split.get_sizes()) +
        " collapsed=" + std::to_string(expander.get_collapsed()) + " scroll_v=" + fixed3(p.v_pct) +
        " stack=" + std::to_string(stack.get_index()));
  });
  auto lock = co_await w.Button("Lock tabs");
  lock.on_activated([tabs]() -> pgw::Task<> {
    co_await tabs.set_enabled(!tabs.get_enabled());
    say("tabs enabled=" + std::to_string(tabs.get_enabled()));
  });
  co_await buttons.add_widget(next);
  co_await buttons.add_widget(report);
  co_await buttons.add_widget(lock);
  co_await buttons.add_widget(stack);

  co_await root.add_widget(tabs);
  co_await root.add_widget(split);
  co_await root.add_widget(expander);
  co_await root.add_widget(scroll);
  co_await root.add_widget(buttons);
  co_await top.set_widget(root);
  co_await top.show();
}

}  // namespace

int main(int argc, char** argv) { return example::serve(argc, argv, setup); }
