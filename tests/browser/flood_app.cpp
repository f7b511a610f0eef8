// The program behind browser/flood.test.mjs, with DEFAULT ApplicationOptions:
// a grid of `--labels N` Labels (400 by default: 20 x 20), each with an
// on_resize handler, and a button whose handler resizes the window, so one
// click makes every label report a new size at once; a Slider to drag and
// an editable ComboBox (a report per key) and a TextEntry to type into.
// Labels show what the handlers saw, for the test to read.
#include <cmath>
#include <cstdlib>
#include <memory>
#include <set>
#include <string>
#include <vector>

#include <pgwidgets/pgwidgets.hpp>

#include "example_args.hpp"

namespace {

int labels = 400;

pgw::Task<> setup(pgw::Session& session) {
  auto w = session.get_widgets();
  auto top = co_await w.TopLevel({.title = "Flood test", .resizable = true});
  co_await top.set_position(0, 0);
  co_await top.resize(600, 400);
  auto vbox = co_await w.VBox({.spacing = 4, .padding = 4});
  auto grow = co_await w.Button("grow");
  auto shrink = co_await w.Button("shrink");
  auto resized = co_await w.Label("resized 0 labels, 0 reports");
  auto slider = co_await w.Slider({.track = true, .min = 0, .max = 1000, .value = 0});
  auto slid = co_await w.Label("slider 0, reports 0");
  auto combo = co_await w.ComboBox({.editable = true});
  auto typed = co_await w.Label("typed 0 chars, reports 0");
  auto entry = co_await w.TextEntry();
  auto entered = co_await w.Label("entered 0 chars");
  const std::vector<pgw::Widget> controls{grow, shrink, resized, slider, slid, combo, typed, entry, entered};
  for (const auto& c : controls) co_await vbox.add_widget(c);
  const int columns = static_cast<int>(std::ceil(std::sqrt(static_cast<double>(labels))));
  auto grid = co_await w.GridBox({.rows = (labels + columns - 1) / columns, .columns = columns});
  // Which labels reported a size since the last click, and how many reports came.
  auto seen = std::make_shared<std::set<int>>();
  auto reports = std::make_shared<int>(0);
  for (int i = 0; i < labels; ++i) {
    auto label = co_await w.Label(std::to_string(i));
    co_await grid.add_widget(label, i / columns, i % columns);
    label.on_resize([i, seen, reports, resized](int, int) -> pgw::Task<> {
      seen->insert(i);
      ++*reports;
      co_await resized.set_text("resized " + std::to_string(seen->size()) + " labels, " + std::to_string(*reports) +
                                " reports");
    });
  }
  co_await vbox.add_widget(grid, 1);
  co_await top.set_widget(vbox);
  co_await top.show();
  grow.on_activated([top, seen]() -> pgw::Task<> {
    seen->clear();
    co_await top.resize(1000, 700);
  });
  shrink.on_activated([top, seen]() -> pgw::Task<> {
    seen->clear();
    co_await top.resize(600, 400);
  });
  auto slides = std::make_shared<int>(0);
  slider.on_activated([slider, slid, slides](int value) -> pgw::Task<> {
    co_await slid.set_text("slider " + std::to_string(value) + ", get_value " + std::to_string(static_cast<long>(slider.get_value())) +
                           ", reports " + std::to_string(++*slides));
  });
  auto keys = std::make_shared<int>(0);
  combo.on_modified([typed, keys](std::string text) -> pgw::Task<> {
    co_await typed.set_text("typed " + std::to_string(text.size()) + " chars, reports " + std::to_string(++*keys));
  });
  entry.on_activated([entered](std::string text) -> pgw::Task<> {
    co_await entered.set_text("entered " + std::to_string(text.size()) + " chars");
  });
}

}  // namespace

int main(int argc, char** argv) {
  // --labels N is ours; the rest are every example's flags.
  std::vector<char*> rest{argv[0]};
  for (int i = 1; i < argc; ++i) {
    if (std::string(argv[i]) == "--labels" && i + 1 < argc) {
      labels = std::atoi(argv[++i]);
    } else {
      rest.push_back(argv[i]);
    }
  }
  if (labels < 1) {
    std::fprintf(stderr, "--labels needs a positive count\n");
    return 2;
  }
  // Default options: what this page does must never be cut off.
  return example::serve(static_cast<int>(rest.size()), rest.data(), setup);
}
