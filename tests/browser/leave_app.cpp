// The program behind browser/leave.test.mjs: widgets whose reports the page
// holds back for a while (a TextArea's typing until it pauses, a slider or
// dial dragged without tracking until the drag ends, a scroll area's
// position until scrolling stops) and one that reports at every animation
// frame (a tracking slider). A "check" button writes what the server's
// getters answer into Labels, for the test to read after a reload or from
// another tab.
#include <cstdio>
#include <memory>
#include <string>
#include <vector>

#include <pgwidgets/pgwidgets.hpp>

#include "example_args.hpp"

namespace {

std::string fixed3(double v) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "%.3f", v);
  return buf;
}

pgw::Task<> setup(pgw::Session& session) {
  auto w = session.get_widgets();
  auto top = co_await w.TopLevel({.title = "Leave test", .resizable = true});
  co_await top.set_position(0, 0);
  co_await top.resize(700, 560);
  auto vbox = co_await w.VBox({.spacing = 4, .padding = 6});
  auto area = co_await w.TextArea("", {.tooltip = "area"});
  auto tracked = co_await w.Slider({.track = true, .min = 0, .max = 1000, .value = 0});
  auto untracked = co_await w.Slider({.track = false, .min = 0, .max = 1000, .value = 0});
  auto dial = co_await w.Dial({.track = false, .min = 0, .max = 1000, .value = 0});
  auto scroll = co_await w.ScrollArea();
  co_await scroll.resize(400, 80);
  auto tall = co_await w.VBox({.spacing = 2});
  for (int i = 0; i < 40; ++i) {
    auto line = co_await w.Label("Line " + std::to_string(i));
    co_await tall.add_widget(line);
  }
  co_await scroll.set_widget(tall);
  auto check = co_await w.Button("check");
  auto text = co_await w.Label("text: none");
  auto values = co_await w.Label("values: none");
  const std::vector<pgw::Widget> rows{area, tracked, untracked, dial, scroll, check, text, values};
  for (const auto& r : rows) co_await vbox.add_widget(r);
  co_await top.set_widget(vbox);
  co_await top.show();
  // Numbered answers: a rebuilt page shows the last one until the next.
  auto checks = std::make_shared<int>(0);
  check.on_activated([=]() -> pgw::Task<> {
    const std::string n = std::to_string(++*checks);
    co_await text.set_text("text " + n + ": [" + area.get_text() + "]");
    const auto whole = [](double v) { return std::to_string(static_cast<long>(v)); };
    co_await values.set_text("values " + n + ": tracked " + whole(tracked.get_value()) + " untracked " +
                             whole(untracked.get_value()) + " dial " + whole(dial.get_value()) +
                             " scroll " + fixed3(scroll.get_scroll_position().v_pct));
  });
}

}  // namespace

int main(int argc, char** argv) { return example::serve(argc, argv, setup); }
