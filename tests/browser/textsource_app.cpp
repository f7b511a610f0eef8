// The program behind browser/textsource.test.mjs: a TextSource holding
// Latin, emoji and CJK text (positions are UTF-8 byte offsets, found here
// with std::string::find), a tag, refs of both gravities, a named ref with a
// gutter icon, and buttons that ask the page and write what they got into a
// Label the test reads.
#include <memory>
#include <string>

#include <pgwidgets/pgwidgets.hpp>

#include "example_args.hpp"

namespace {

// Offsets in bytes: "h\u00e9llo " is 7 bytes, the emoji 4, so "world" starts at 12.
const std::string kFirst = "h\u00e9llo \U0001F600 world\n";
const std::string kSecond = "\u65e5\u672c\u8a9e text\n";

std::string initial_text() {
  std::string t = kFirst + kSecond;
  // Enough lines to scroll.
  for (int i = 3; i <= 200; ++i) t += "line " + std::to_string(i) + "\n";
  return t;
}

const char* kIcon =
    "data:image/svg+xml;utf8,<svg xmlns='http://www.w3.org/2000/svg' width='14' height='14'>"
    "<circle cx='7' cy='7' r='6' fill='red'/></svg>";

pgw::Task<> setup(pgw::Session& session) {
  auto w = session.get_widgets();
  auto top = co_await w.TopLevel({.title = "TextSource test", .resizable = true});
  co_await top.set_position(10, 10);
  co_await top.resize(760, 560);
  auto vbox = co_await w.VBox({.spacing = 4, .padding = 6});
  const std::string text = initial_text();
  auto ts = co_await w.TextSource(text, {.line_numbers = true, .icon_gutter = true});
  auto report = co_await w.Label("nothing yet", {.tooltip = "report"});
  auto events = co_await w.Label("no event", {.tooltip = "events"});
  auto changes = co_await w.Label("changes 0", {.tooltip = "changes"});
  auto buttons = co_await w.HBox({.spacing = 4});
  auto offsets = co_await w.Button("Offsets");
  auto at_world = co_await w.Button("Cursor at world");
  auto undo = co_await w.Button("Undo");
  auto redo = co_await w.Button("Redo");
  auto replace = co_await w.Button("Replace");
  auto bad = co_await w.Button("Bad offset");
  for (auto b : {offsets, at_world, undo, redo, replace, bad}) co_await buttons.add_widget(b);
  co_await vbox.add_widget(ts, 1);
  co_await vbox.add_widget(buttons);
  co_await vbox.add_widget(report);
  co_await vbox.add_widget(events);
  co_await vbox.add_widget(changes);
  co_await top.set_widget(vbox);
  co_await top.show();

  const int world = static_cast<int>(text.find("world"));
  const int cjk = static_cast<int>(text.find("\u65e5"));
  const pgw::TagStyle keyword{.foreground = "rgb(200, 0, 0)", .bold = true};
  co_await ts.create_tag("kw", keyword);
  co_await ts.apply_tag("kw", world, world + 5);
  auto right = co_await ts.create_ref(world);
  auto left = co_await ts.create_ref(world, pgw::Gravity::left);
  auto mark = co_await ts.create_named_ref("mark", static_cast<int>(text.find("text")));
  co_await ts.set_icon(mark, kIcon);

  // What the page holds now, as the program sees it: refs, the server's
  // copy of the text (get_text answers locally), tags, a find.
  // Each report is numbered, so the test tells a new one from the last.
  auto asked = std::make_shared<int>(0);
  offsets.on_activated([=]() -> pgw::Task<> {
    const int r = co_await right.get_offset();
    const int l = co_await left.get_offset();
    auto named = co_await ts.get_named_ref("mark");
    const int n = co_await named.get_offset();
    const int len = co_await ts.get_length();
    const std::string here = ts.get_text();
    auto found = co_await ts.find("\u65e5\u672c\u8a9e");
    // (g++ miscompiles a co_await inside ?: : each await is a statement.)
    std::string range;
    if (found.found) range = co_await ts.get_text_range(found.start, found.end);
    auto tags = co_await ts.get_tags_range(r, r + 5);
    auto lc = co_await mark.get_line_column();
    const int cursor = co_await ts.get_cursor();
    // The message is built before the await: g++ 12 mishandles the
    // temporaries of a long expression inside a co_await.
    const std::string tag = tags.empty() ? std::string("-") : tags.front();
    const std::string msg = "#" + std::to_string(++*asked) + " R=" + std::to_string(r) + " L=" + std::to_string(l) + " N=" + std::to_string(n) +
                            " len=" + std::to_string(len) + " server=" + std::to_string(here.size()) +
                            " first=" + here.substr(0, here.find('\n')) + " find=" + std::to_string(found.start) +
                            "-" + std::to_string(found.end) + " range=" + range + " tags=" + tag +
                            " mark=" + std::to_string(lc.line) + ":" + std::to_string(lc.column) +
                            " named=" + (named == mark ? "same" : "other") + " cursor=" + std::to_string(cursor);
    co_await report.set_text(msg);
  });
  at_world.on_activated([=]() -> pgw::Task<> {
    const int r = co_await right.get_offset();
    co_await ts.set_cursor_offset(r);
    co_await ts.set_focus();
    co_await report.set_text("cursor set");
  });
  undo.on_activated([=]() -> pgw::Task<> {
    const bool done = co_await ts.undo();
    const bool can_redo = co_await ts.can_redo();
    const std::string msg = std::string("undo ") + (done ? "done" : "none") + " can_redo=" + (can_redo ? "yes" : "no");
    co_await report.set_text(msg);
  });
  redo.on_activated([=]() -> pgw::Task<> {
    const bool done = co_await ts.redo();
    const std::string msg = std::string("redo ") + (done ? "done" : "none");
    co_await report.set_text(msg);
  });
  replace.on_activated([=]() -> pgw::Task<> {
    const int n = co_await ts.replace("line 1", "LINE 1", true);
    auto all = co_await ts.find_all("LINE 1");
    const std::string msg = "replaced " + std::to_string(n) + " found " + std::to_string(all.size()) +
                            " first=" + std::to_string(all.empty() ? -1 : all.front().start);
    co_await report.set_text(msg);
  });
  // An offset inside the emoji's 4 bytes: an error at the call, never a clamp.
  bad.on_activated([=]() -> pgw::Task<> {
    const std::string now = ts.get_text();
    const int inside = static_cast<int>(now.find("\U0001F600")) + 1;
    std::string what = "no error";
    try {
      co_await ts.get_text_range(0, inside);
    } catch (const pgw::RemoteError& e) {
      what = e.what();
    }
    const std::string msg = "bad: " + what;
    co_await report.set_text(msg);
  });

  auto count = std::make_shared<int>(0);
  ts.on_changed([=]() -> pgw::Task<> {
    ++*count;
    co_await changes.set_text("changes " + std::to_string(*count));
  });
  ts.on_line_clicked([=](int line) -> pgw::Task<> { co_await events.set_text("line " + std::to_string(line)); });
  ts.on_icon_clicked([=](int line, pgw::TextBufferRef ref) -> pgw::Task<> {
    const std::string msg = "icon " + std::to_string(line) + " " + (ref == mark ? "mark" : "other");
    co_await events.set_text(msg);
  });
  ts.on_scrolled([=](double, double v) -> pgw::Task<> {
    auto pos = ts.get_scroll_position();
    const std::string msg = "scrolled " + std::to_string(v) + " kept " + std::to_string(pos.v_pct);
    co_await events.set_text(msg);
  });
  (void)cjk;
}

}  // namespace

int main(int argc, char** argv) { return example::serve(argc, argv, setup); }
