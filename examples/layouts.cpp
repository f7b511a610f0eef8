// Every layout class in one window: boxes and a button box, a grid, fixed
// places, a splitter, tabs and a stack, scroll areas, a frame, an expander,
// separators, an MDI workspace of sub-windows, and a Page behind the
// window. The status line says what the
// user did, read back from the server's getters.
#include <cstdio>
#include <string>
#include <vector>

#include <pgwidgets/pgwidgets.hpp>

#include "example_args.hpp"

namespace {

std::string join(const std::vector<int>& v) {
  std::string out;
  for (int x : v) out += (out.empty() ? "" : ", ") + std::to_string(x);
  return out;
}

std::string percent(double fraction) { return std::to_string(static_cast<int>(fraction * 100 + 0.5)) + "%"; }

pgw::Task<> build(pgw::Session& session) {
  auto W = session.get_widgets();

  // A Page fills the browser behind every window.
  auto page = co_await W.Page();
  auto backdrop = co_await W.Label("pgwidgets for C++: layouts", {.halign = pgw::HAlign::center});
  co_await backdrop.set_valign(pgw::VAlign::bottom);  // below the window
  co_await page.set_widget(backdrop);
  co_await page.show();

  auto top = co_await W.TopLevel({.title = "Layouts", .resizable = true});
  co_await top.resize(760, 620);
  auto root = co_await W.VBox({.spacing = 6, .padding = 8});
  auto status = co_await W.Label("Drag, click, scroll: what you do shows here.");

  // ---- tabs: each page one kind of layout --------------------------------
  auto tabs = co_await W.TabWidget({.closable = true, .tab_position = pgw::TabPosition::top});
  co_await tabs.set_tooltip("Arrow keys move between tabs");

  // Boxes and a button box.
  auto boxes = co_await W.VBox({.spacing = 6, .padding = 6});
  auto row = co_await W.HBox({.spacing = 6});
  for (const char* text : {"HBox", "stretch 1", "stretch 2"}) {
    auto l = co_await W.Label(text);
    co_await l.set_border_width(1);
    co_await row.add_widget(l, std::string(text) == "HBox" ? 0 : (std::string(text) == "stretch 1" ? 1 : 2));
  }
  auto column = co_await W.Box({.orientation = pgw::Orientation::vertical});
  co_await column.set_align(pgw::Align::left);
  for (const char* text : {"A vertical Box,", "its children to the left"}) {
    auto l = co_await W.Label(text);
    co_await column.add_widget(l);
  }
  auto rule = co_await W.Separator(pgw::Orientation::horizontal);
  auto buttons = co_await W.ButtonBox({.halign = pgw::HAlign::right, .min_button_width = 80});
  auto ok = co_await W.Button("OK");
  auto cancel = co_await W.Button("Cancel");
  auto help = co_await W.Button("A longer Help");
  co_await buttons.add_widget(help);
  co_await buttons.add_widget(cancel);
  co_await buttons.add_widget(ok);
  co_await boxes.add_widget(row);
  co_await boxes.add_widget(column);
  co_await boxes.add_widget(rule);
  co_await boxes.add_widget(buttons);
  co_await tabs.add_widget(boxes, "Boxes");

  // A grid and fixed places.
  auto places = co_await W.HBox({.spacing = 8, .padding = 6});
  auto grid = co_await W.GridBox({.rows = 3, .columns = 3});
  co_await grid.set_spacing(4);
  for (int r = 0; r < 3; ++r) {
    for (int c = 0; c < 3; ++c) {
      if (r == c) continue;  // the diagonal stays empty
      auto cell = co_await W.Label("(" + std::to_string(r) + ", " + std::to_string(c) + ")");
      co_await cell.set_border_width(1);
      co_await grid.add_widget(cell, r, c);
    }
  }
  auto fixed = co_await W.FixedLayout();
  co_await fixed.resize(220, 140);
  co_await fixed.set_border_width(1);
  for (int i = 0; i < 3; ++i) {
    auto b = co_await W.Button("at " + std::to_string(20 + 50 * i) + ", " + std::to_string(10 + 40 * i));
    co_await fixed.add_widget(b, 20 + 50 * i, 10 + 40 * i);
  }
  auto vrule = co_await W.Separator(pgw::Orientation::vertical);
  co_await places.add_widget(grid);
  co_await places.add_widget(vrule);
  co_await places.add_widget(fixed);
  co_await tabs.add_widget(places, "Grid and fixed");

  // Scroll areas: one the browser scrolls, one the program drives.
  auto scrolling = co_await W.HBox({.spacing = 8, .padding = 6});
  auto scroll = co_await W.ScrollArea({.hscrollbar = pgw::ScrollBarPolicy::off});
  co_await scroll.resize(260, 160);
  auto lines = co_await W.VBox({.spacing = 2, .padding = 4});
  for (int i = 1; i <= 40; ++i) {
    auto l = co_await W.Label("Line " + std::to_string(i) + " of 40");
    co_await lines.add_widget(l);
  }
  co_await scroll.set_widget(lines);
  auto driven = co_await W.AbstractScrollArea({.thickness = 12});
  co_await driven.resize(260, 160);
  auto where = co_await W.Label("Move the bars: the program is told where.");
  co_await driven.set_widget(where);
  co_await driven.set_thumb_percent(0.25, 0.1);
  co_await driven.set_scroll_bar_visibility(pgw::ScrollBarPolicy::on, pgw::ScrollBarPolicy::on);
  co_await scrolling.add_widget(scroll);
  co_await scrolling.add_widget(driven);
  co_await tabs.add_widget(scrolling, "Scrolling");

  scroll.on_scrolled([status, scroll](double, double) -> pgw::Task<> {
    co_await status.set_text("Scrolled to " + percent(scroll.get_scroll_position().v_pct));
  });
  driven.on_scrolled([where](double h, double v) -> pgw::Task<> {
    co_await where.set_text("Bars at " + percent(h) + " across, " + percent(v) + " down");
  });

  // ---- below the tabs: a splitter of a frame and an expander -------------
  auto split = co_await W.Splitter({.orientation = pgw::Orientation::horizontal});
  co_await split.set_expanding(true, false);
  co_await split.resize(-1, 150);
  auto frame = co_await W.Frame({.title = "A Frame"});
  auto stack_box = co_await W.VBox({.spacing = 4});
  auto stack = co_await W.StackWidget();
  for (const char* text : {"Stack page 1", "Stack page 2", "Stack page 3"}) {
    auto l = co_await W.Label(text);
    co_await stack.add_widget(l);
  }
  auto next = co_await W.Button("Next stack page");
  co_await stack_box.add_widget(stack, 1);
  co_await stack_box.add_widget(next);
  co_await frame.set_widget(stack_box);
  auto expander = co_await W.Expander({.title = "An Expander (click, Space or Enter)"});
  auto hidden = co_await W.Label("Folded away until you open it.");
  co_await expander.set_widget(hidden);
  co_await split.add_widget(frame);
  co_await split.add_widget(expander);
  // Named, not braced inside the co_await: g++ 12 would destroy the list twice.
  const std::vector<int> sizes{300, 400};
  co_await split.set_sizes(sizes);

  next.on_activated([stack, status]() -> pgw::Task<> {
    co_await stack.set_index((stack.get_index() + 1) % 3);
    co_await status.set_text("Stack page " + std::to_string(stack.get_index() + 1));
  });
  split.on_sizing([status](std::vector<int> sizes) -> pgw::Task<> {
    co_await status.set_text("Splitter panes: " + join(sizes) + " px");
  });
  expander.on_toggled([status](bool collapsed) -> pgw::Task<> {
    co_await status.set_text(collapsed ? "Expander folded" : "Expander open");
  });
  tabs.on_page_switch([status](pgw::Widget, int index) -> pgw::Task<> {
    co_await status.set_text("Tab " + std::to_string(index + 1) + " shown");
  });
  tabs.on_page_close([status](pgw::Widget) -> pgw::Task<> {
    co_await status.set_text("The tab asks to close: a program would remove it here.");
  });

  // ---- an "MDI" tab: a workspace of sub-windows ---------------------------
  // add_widget creates each sub-window around its content, placed and
  // sized as given, and returns it.
  auto mdi_page = co_await W.VBox({.spacing = 6, .padding = 6});
  auto mdi = co_await W.MDIWidget({.tooltip = "Drag a title bar, pull a corner"});
  auto arrange = co_await W.HBox({.spacing = 6});
  auto cascade = co_await W.Button("Cascade");
  auto tile = co_await W.Button("Tile");
  co_await arrange.add_widget(cascade);
  co_await arrange.add_widget(tile);
  for (int i = 1; i <= 3; ++i) {
    const std::string title = "Document " + std::to_string(i);
    auto text = co_await W.Label("This is " + title);
    auto sub = co_await mdi.add_widget(text, {.title = title, .width = 240, .height = 160, .x = 30 * i, .y = 24 * i});
    sub.on_move([sub, status](int x, int y) -> pgw::Task<> {
      co_await status.set_text(sub.get_title() + " moved to " + std::to_string(x) + ", " + std::to_string(y));
    });
    sub.on_resized([sub, status](int width, int height) -> pgw::Task<> {
      co_await status.set_text(sub.get_title() + " is " + std::to_string(width) + " x " + std::to_string(height));
    });
    sub.on_window_state([sub, status](pgw::WindowState state) -> pgw::Task<> {
      co_await status.set_text(sub.get_title() + " is " + std::string(pgw::to_string(state)));
    });
  }
  cascade.on_activated([mdi]() -> pgw::Task<> { co_await mdi.cascade_windows(); });
  tile.on_activated([mdi]() -> pgw::Task<> { co_await mdi.tile_windows(); });
  co_await mdi_page.add_widget(arrange);
  co_await mdi_page.add_widget(mdi, 1);
  co_await tabs.add_widget(mdi_page, "MDI");

  co_await root.add_widget(tabs, 1);
  co_await root.add_widget(split);
  co_await root.add_widget(status);
  co_await top.set_widget(root);
  co_await top.show();
}

pgw::Task<> main_task() {
  pgw::Application app(example::with_args({.logger = pgw::stderr_logger(pgw::LogLevel::info)}));
  app.on_connect(build);
  co_await app.start();
  std::printf("%s\n", app.url().c_str());
  std::fflush(stdout);
  co_await app.run();
}

}  // namespace

int main(int argc, char** argv) {
  example::set_args(argc, argv);
  return pgw::run(main_task());
}
