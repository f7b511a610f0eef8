// A TextSource holding a 100,000-line document (about 4.5 MB, emoji and
// CJK on every tenth line), with line numbers, the icon gutter, a tag on
// every hundredth line and a ref on every thousandth: bench/run_textsource_bench.mjs
// opens it in headless Chromium and times the first paint and scrolling.
#include <string>

#include <pgwidgets/pgwidgets.hpp>

#include "example_args.hpp"

namespace {

pgw::Task<> setup(pgw::Session& session) {
  auto w = session.get_widgets();
  auto top = co_await w.TopLevel({.title = "TextSource bench", .resizable = true});
  co_await top.set_position(0, 0);
  co_await top.resize(900, 700);
  std::string text;
  text.reserve(5'000'000);
  std::vector<int> line_starts;
  line_starts.reserve(100'000);
  for (int i = 0; i < 100'000; ++i) {
    line_starts.push_back(static_cast<int>(text.size()));
    text += "line " + std::to_string(i) + ": the quick brown fox jumps over the lazy dog";
    if (i % 10 == 0) text += " \U0001F600 \u65e5\u672c\u8a9e";
    text += '\n';
  }
  // Created with its text: a creation this large travels in chunks, and
  // set_widget, naming it, waits behind them (runtime/src/outflow.hpp).
  auto ts = co_await w.TextSource(text, {.line_numbers = true, .icon_gutter = true});
  co_await top.set_widget(ts);
  const pgw::TagStyle hot{.background = "#ffe0e0", .bold = true};
  co_await ts.create_tag("hot", hot);
  for (int i = 0; i < 100'000; i += 100) co_await ts.apply_tag("hot", line_starts[i], line_starts[i] + 4);
  for (int i = 0; i < 100'000; i += 1000) co_await ts.create_ref(line_starts[i]);
  co_await top.show();
}

}  // namespace

int main(int argc, char** argv) { return example::serve(argc, argv, setup); }
