// All Widgets demo: an MDI workspace with a picker that opens a demo window
// for each widget type.
//
// A line-for-line port of pgwidgets-python's examples/all_widgets_async.py:
// the same windows, texts and handlers, in the same order. Where C++ must
// differ, a comment says so. The ones that hold everywhere:
// - pgwidgets' `elif name == ...` chain is one function per demo here, and
//   the picker's names come from the table of those functions (`demos`
//   below), so a demo and its picker entry cannot drift apart.
// - Python's closures over a loop variable (`_r=r`) are lambda captures;
//   a counter in a list (`tab_counter = [3]`) is a captured int in a
//   `mutable` handler.
// - Words are enums (pgw::HAlign::center, pgw::Orientation::vertical,
//   pgw::Dtype::float_), not strings.
// - Values built with a conditional are named before the co_await (g++ 12
//   frees a conditional's string temporary twice: README, "g++ 12").
//
// Run: build/examples/all_widgets, then open the URL it prints.
#include <array>
#include <charconv>
#include <cstdio>
#include <map>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include <pgwidgets/pgwidgets.hpp>

#include "example_args.hpp"

namespace {

// Python prints a float with repr(): the shortest text that reads back the
// same, and always with a decimal point ("0.5", "1.0").
std::string py_float(double value) {
  std::array<char, 32> buf{};
  auto [end, ec] = std::to_chars(buf.data(), buf.data() + buf.size(), value);
  std::string text(buf.data(), end);
  if (text.find_first_of(".eni") == std::string::npos) text += ".0";
  return text;
}

// Where the next demo window opens (pgwidgets' next_position()).
struct Position {
  int x;
  int y;
};

// --------------------------------------------------------------------------
// The demos. Each builds its content and adds it to the workspace as a
// sub-window at `pos` (pgwidgets: one `elif` branch of make_demo).

pgw::Task<> button_demo(pgw::Widgets W, pgw::MDIWidget mdi, Position pos) {
  auto content = co_await W.VBox({.spacing = 6, .padding = 8});
  auto hbox = co_await W.HBox({.spacing = 6});
  auto lbl = co_await W.Label("");
  auto btn_a = co_await W.Button("Button A");
  btn_a.on_activated([lbl]() -> pgw::Task<> { co_await lbl.set_text("Button A clicked"); });
  auto btn_b = co_await W.Button("Button B");
  btn_b.on_activated([lbl]() -> pgw::Task<> { co_await lbl.set_text("Button B clicked"); });
  co_await hbox.add_widget(btn_a, 0);
  co_await hbox.add_widget(btn_b, 0);
  co_await content.add_widget(hbox, 0);
  co_await content.add_widget(lbl, 1);
  // pgwidgets' options dict {"title": ..., "width": ..., "x": pos[0], ...} is
  // the sub-window's options struct here, its designators in its order.
  co_await mdi.add_widget(content, {.title = "Button", .width = 300, .height = 120, .x = pos.x, .y = pos.y});
}

pgw::Task<> checkbox_demo(pgw::Widgets W, pgw::MDIWidget mdi, Position pos) {
  auto content = co_await W.VBox({.spacing = 4, .padding = 8});
  auto lbl = co_await W.Label("");
  auto cb1 = co_await W.CheckBox("Option 1");
  cb1.on_activated([lbl](bool val) -> pgw::Task<> {
    const std::string text = std::string("Option 1: ") + (val ? "ON" : "OFF");
    co_await lbl.set_text(text);
  });
  auto cb2 = co_await W.CheckBox("Option 2");
  cb2.on_activated([lbl](bool val) -> pgw::Task<> {
    const std::string text = std::string("Option 2: ") + (val ? "ON" : "OFF");
    co_await lbl.set_text(text);
  });
  auto cb3 = co_await W.CheckBox("Option 3");
  cb3.on_activated([lbl](bool val) -> pgw::Task<> {
    const std::string text = std::string("Option 3: ") + (val ? "ON" : "OFF");
    co_await lbl.set_text(text);
  });
  co_await content.add_widget(cb1, 0);
  co_await content.add_widget(cb2, 0);
  co_await content.add_widget(cb3, 0);
  co_await content.add_widget(lbl, 1);
  co_await mdi.add_widget(content, {.title = "CheckBox", .width = 250, .height = 160, .x = pos.x, .y = pos.y});
}

pgw::Task<> combobox_demo(pgw::Widgets W, pgw::MDIWidget mdi, Position pos) {
  auto content = co_await W.VBox({.spacing = 6, .padding = 8});
  auto lbl = co_await W.Label("");
  co_await content.add_widget(co_await W.Label("Pick-only:"), 0);
  auto combo1 = co_await W.ComboBox();
  for (const char* f : {"Apple", "Banana", "Cherry", "Date", "Elderberry"}) co_await combo1.append_text(f);
  co_await combo1.set_index(0);
  combo1.on_activated([lbl](int, std::string text) -> pgw::Task<> { co_await lbl.set_text("Picked: " + text); });
  co_await content.add_widget(combo1, 0);
  co_await content.add_widget(co_await W.Label("Editable:"), 0);
  auto combo2 = co_await W.ComboBox({.editable = true, .dropdown_limit = 5});
  for (const char* c : {"Red", "Orange", "Yellow", "Green", "Blue", "Indigo", "Violet"}) co_await combo2.append_text(c);
  combo2.on_activated([lbl](int, std::string text) -> pgw::Task<> { co_await lbl.set_text("Entered: " + text); });
  co_await content.add_widget(combo2, 0);
  co_await content.add_widget(lbl, 1);
  co_await mdi.add_widget(content, {.title = "ComboBox", .width = 280, .height = 200, .x = pos.x, .y = pos.y});
}

pgw::Task<> dial_demo(pgw::Widgets W, pgw::MDIWidget mdi, Position pos) {
  auto content = co_await W.HBox({.spacing = 8, .padding = 8});
  auto lbl = co_await W.Label("50");
  auto dial1 = co_await W.Dial({.track = true, .min = 0, .max = 100, .value = 50});
  // One handler for both dials, as pgwidgets' on_dial (an int dial's
  // value: Python's str(val)).
  auto on_dial = [lbl](int val) -> pgw::Task<> { co_await lbl.set_text(std::to_string(val)); };
  dial1.on_activated(on_dial);
  auto dial2 = co_await W.Dial({.min = 0, .max = 100, .value = 25});
  dial2.on_activated(on_dial);
  co_await content.add_widget(dial1, 0);
  co_await content.add_widget(dial2, 0);
  co_await content.add_widget(lbl, 1);
  co_await mdi.add_widget(content, {.title = "Dial", .width = 320, .height = 160, .x = pos.x, .y = pos.y});
}

pgw::Task<> expander_demo(pgw::Widgets W, pgw::MDIWidget mdi, Position pos) {
  auto content = co_await W.VBox({.spacing = 4, .padding = 8});
  auto exp1 = co_await W.Expander({.title = "Section A", .collapsible = true});
  co_await exp1.set_widget(co_await W.Label("Content of section A."));
  auto exp2 = co_await W.Expander({.title = "Section B", .collapsible = true});
  co_await exp2.set_widget(co_await W.Label("Content of section B."));
  co_await content.add_widget(exp1, 0);
  co_await content.add_widget(exp2, 0);
  co_await content.add_widget(co_await W.Label(""), 1);
  co_await mdi.add_widget(content, {.title = "Expander", .width = 280, .height = 180, .x = pos.x, .y = pos.y});
}

pgw::Task<> frame_demo(pgw::Widgets W, pgw::MDIWidget mdi, Position pos) {
  auto content = co_await W.VBox({.spacing = 6, .padding = 8});
  auto frame1 = co_await W.Frame({.title = "Titled Frame"});
  co_await frame1.set_widget(co_await W.Label("Content inside a frame."));
  auto frame2 = co_await W.Frame({.title = "Another Frame"});
  co_await frame2.set_widget(co_await W.Label("More framed content."));
  co_await content.add_widget(frame1, 1);
  co_await content.add_widget(frame2, 1);
  co_await mdi.add_widget(content, {.title = "Frame", .width = 280, .height = 200, .x = pos.x, .y = pos.y});
}

pgw::Task<> gridbox_demo(pgw::Widgets W, pgw::MDIWidget mdi, Position pos) {
  auto content = co_await W.VBox({.spacing = 6, .padding = 8});  // pgwidgets: padding=8, spacing=6
  auto lbl = co_await W.Label("");
  auto grid = co_await W.GridBox({.rows = 3, .columns = 3});
  for (int r = 0; r < 3; ++r) {
    for (int c = 0; c < 3; ++c) {
      auto btn = co_await W.Button("(" + std::to_string(r) + "," + std::to_string(c) + ")");
      // r and c captured by value: pgwidgets' `_r=r, _c=c`.
      btn.on_activated([lbl, r, c]() -> pgw::Task<> {
        co_await lbl.set_text("Clicked row=" + std::to_string(r) + " col=" + std::to_string(c));
      });
      co_await grid.add_widget(btn, r, c);
    }
  }
  co_await content.add_widget(grid, 1);
  co_await content.add_widget(lbl, 0);
  co_await mdi.add_widget(content, {.title = "GridBox", .width = 280, .height = 200, .x = pos.x, .y = pos.y});
}

pgw::Task<> label_demo(pgw::Widgets W, pgw::MDIWidget mdi, Position pos) {
  auto content = co_await W.VBox({.spacing = 6, .padding = 8});
  auto lbl1 = co_await W.Label("Default label");
  auto lbl2 = co_await W.Label("Centered, colored");
  co_await lbl2.set_halign(pgw::HAlign::center);
  co_await lbl2.set_color("#eef", "darkblue");
  auto lbl3 = co_await W.Label("Monospace, bold");
  co_await lbl3.set_font("monospace", 12, "bold");
  co_await content.add_widget(lbl1, 0);
  co_await content.add_widget(lbl2, 0);
  co_await content.add_widget(lbl3, 0);
  co_await content.add_widget(co_await W.Label(""), 1);
  co_await mdi.add_widget(content, {.title = "Label", .width = 260, .height = 150, .x = pos.x, .y = pos.y});
}

pgw::Task<> progressbar_demo(pgw::Widgets W, pgw::MDIWidget mdi, Position pos) {
  auto content = co_await W.VBox({.spacing = 6, .padding = 8});
  auto pb = co_await W.ProgressBar();
  co_await pb.set_value(0.65);
  auto slider = co_await W.Slider({.track = true, .min = 0, .max = 100, .value = 65});
  slider.on_activated([pb](int val) -> pgw::Task<> { co_await pb.set_value(val / 100.0); });
  co_await content.add_widget(co_await W.Label("Drag slider to change:"), 0);
  co_await content.add_widget(slider, 0);
  co_await content.add_widget(pb, 0);
  co_await content.add_widget(co_await W.Label(""), 1);
  co_await mdi.add_widget(content, {.title = "ProgressBar", .width = 320, .height = 150, .x = pos.x, .y = pos.y});
}

pgw::Task<> radiobutton_demo(pgw::Widgets W, pgw::MDIWidget mdi, Position pos) {
  auto content = co_await W.VBox({.spacing = 4, .padding = 8});
  auto lbl = co_await W.Label("");
  auto rb1 = co_await W.RadioButton("Choice A");
  rb1.on_activated([lbl](bool val) -> pgw::Task<> {
    if (val) co_await lbl.set_text("Selected: A");
  });
  auto rb2 = co_await W.RadioButton("Choice B", {.group = &rb1});
  rb2.on_activated([lbl](bool val) -> pgw::Task<> {
    if (val) co_await lbl.set_text("Selected: B");
  });
  auto rb3 = co_await W.RadioButton("Choice C", {.group = &rb1});
  rb3.on_activated([lbl](bool val) -> pgw::Task<> {
    if (val) co_await lbl.set_text("Selected: C");
  });
  co_await rb1.set_state(true);
  co_await content.add_widget(rb1, 0);
  co_await content.add_widget(rb2, 0);
  co_await content.add_widget(rb3, 0);
  co_await content.add_widget(lbl, 1);
  co_await mdi.add_widget(content, {.title = "RadioButton", .width = 250, .height = 160, .x = pos.x, .y = pos.y});
}

pgw::Task<> scrollarea_demo(pgw::Widgets W, pgw::MDIWidget mdi, Position pos) {
  auto big = co_await W.VBox({.spacing = 4, .padding = 8});
  for (int i = 0; i < 30; ++i) {
    auto row = co_await W.HBox({.spacing = 4});
    for (int j = 0; j < 8; ++j) {
      auto lbl = co_await W.Label("Item " + std::to_string(i * 8 + j));
      co_await lbl.set_padding(2, 6, 2, 6);  // pgwidgets' list [2, 6, 2, 6]: left, top, right, bottom
      const std::string bg = i % 2 == 0 ? "#f8f8f8" : "#fff";
      co_await lbl.set_color(bg, "#333");
      co_await row.add_widget(lbl, 0);
    }
    co_await big.add_widget(row, 0);
  }
  auto scroll = co_await W.ScrollArea();
  co_await scroll.set_widget(big);
  co_await mdi.add_widget(scroll, {.title = "ScrollArea", .width = 320, .height = 200, .x = pos.x, .y = pos.y});
}

pgw::Task<> scrollbar_demo(pgw::Widgets W, pgw::MDIWidget mdi, Position pos) {
  auto content = co_await W.VBox({.spacing = 8, .padding = 8});
  auto lbl = co_await W.Label("0%");
  co_await content.add_widget(co_await W.Label("Horizontal:"), 0);
  auto hsb = co_await W.ScrollBar({.orientation = pgw::Orientation::horizontal});
  co_await hsb.set_thumb_percent(0.2);
  // Python's int(pct * 100) truncates, as the cast does.
  auto on_hsb = [lbl](double pct) -> pgw::Task<> {
    co_await lbl.set_text(std::to_string(static_cast<int>(pct * 100)) + "%");
  };
  hsb.on_activated(on_hsb);
  co_await content.add_widget(hsb, 0);
  auto hbox = co_await W.HBox({.spacing = 8});
  co_await hbox.add_widget(co_await W.Label("Vertical:"), 0);
  auto vsb = co_await W.ScrollBar({.orientation = pgw::Orientation::vertical});
  co_await vsb.set_thumb_percent(0.3);
  vsb.on_activated(on_hsb);
  co_await hbox.add_widget(vsb, 0);
  co_await hbox.add_widget(lbl, 1);
  co_await content.add_widget(hbox, 1);
  co_await mdi.add_widget(content, {.title = "ScrollBar", .width = 280, .height = 200, .x = pos.x, .y = pos.y});
}

pgw::Task<> slider_demo(pgw::Widgets W, pgw::MDIWidget mdi, Position pos) {
  auto content = co_await W.VBox({.spacing = 6, .padding = 8});
  auto lbl = co_await W.Label("");
  auto sl1 = co_await W.Slider({.min = 0, .max = 100, .value = 50});
  sl1.on_activated([lbl](int val) -> pgw::Task<> { co_await lbl.set_text("Integer: " + std::to_string(val)); });
  auto sl2 = co_await W.Slider({.track = true, .dtype = pgw::Dtype::float_, .min = 0, .max = 1, .step = 0.01,
                                .value = 0.5});
  sl2.on_activated([lbl](double val) -> pgw::Task<> { co_await lbl.set_text("Float: " + py_float(val)); });
  co_await content.add_widget(co_await W.Label("Integer (0-100):"), 0);
  co_await content.add_widget(sl1, 0);
  co_await content.add_widget(co_await W.Label("Float tracking (0-1):"), 0);
  co_await content.add_widget(sl2, 0);
  co_await content.add_widget(lbl, 1);
  co_await mdi.add_widget(content, {.title = "Slider", .width = 320, .height = 180, .x = pos.x, .y = pos.y});
}

pgw::Task<> spinbox_demo(pgw::Widgets W, pgw::MDIWidget mdi, Position pos) {
  auto content = co_await W.VBox({.spacing = 6, .padding = 8});
  auto lbl = co_await W.Label("");
  co_await content.add_widget(co_await W.Label("Integer (0-100):"), 0);
  auto sp1 = co_await W.SpinBox({.min = 0, .max = 100, .step = 1, .value = 50});
  sp1.on_activated([lbl](int val) -> pgw::Task<> { co_await lbl.set_text("Int: " + std::to_string(val)); });
  co_await content.add_widget(sp1, 0);
  co_await content.add_widget(co_await W.Label("Float (0-1):"), 0);
  auto sp2 = co_await W.SpinBox({.dtype = pgw::Dtype::float_, .min = 0, .max = 1, .step = 0.05, .value = 0.5});
  sp2.on_activated([lbl](double val) -> pgw::Task<> { co_await lbl.set_text("Float: " + py_float(val)); });
  co_await content.add_widget(sp2, 0);
  co_await content.add_widget(lbl, 1);
  co_await mdi.add_widget(content, {.title = "SpinBox", .width = 280, .height = 180, .x = pos.x, .y = pos.y});
}

pgw::Task<> splitter_demo(pgw::Widgets W, pgw::MDIWidget mdi, Position pos) {
  auto content = co_await W.VBox({.spacing = 4, .padding = 2});  // pgwidgets: padding=2, spacing=4
  auto lbl = co_await W.Label("Drag the handles to resize panes.");
  auto hsplit = co_await W.Splitter({.orientation = pgw::Orientation::horizontal});
  auto p1 = co_await W.Label("Left");
  co_await p1.set_halign(pgw::HAlign::center);
  co_await p1.set_color("#e8f0fe", "#333");
  auto p2 = co_await W.Label("Center");
  co_await p2.set_halign(pgw::HAlign::center);
  co_await p2.set_color("#fef7e0", "#333");
  auto p3 = co_await W.Label("Right");
  co_await p3.set_halign(pgw::HAlign::center);
  co_await p3.set_color("#e8fee8", "#333");
  co_await hsplit.add_widget(p1);
  co_await hsplit.add_widget(p2);
  co_await hsplit.add_widget(p3);
  co_await content.add_widget(hsplit, 1);
  co_await content.add_widget(lbl, 0);
  co_await mdi.add_widget(content, {.title = "Splitter", .width = 360, .height = 180, .x = pos.x, .y = pos.y});
}

pgw::Task<> stackwidget_demo(pgw::Widgets W, pgw::MDIWidget mdi, Position pos) {
  auto content = co_await W.VBox({.spacing = 6, .padding = 8});
  auto lbl = co_await W.Label("Page 1 visible");
  auto stack = co_await W.StackWidget();
  struct Page {
    pgw::VBox page;
    std::string name;
  };
  std::vector<Page> pages;
  const std::array<const char*, 3> colors{"#e8f0fe", "#fef7e0", "#e8fee8"};
  for (int n = 1; n <= 3; ++n) {
    auto pg = co_await W.VBox({.padding = 8});
    auto pg_lbl = co_await W.Label("Stack page " + std::to_string(n));
    co_await pg_lbl.set_color(colors[n - 1], "#333");
    co_await pg_lbl.set_halign(pgw::HAlign::center);
    co_await pg.add_widget(pg_lbl, 1);
    // pgwidgets passes {"title": ...}; here the title is add_widget's argument.
    co_await stack.add_widget(pg, "Page " + std::to_string(n));
    pages.push_back({pg, "Page " + std::to_string(n)});
  }
  auto btn_row = co_await W.HBox({.spacing = 4});
  for (const auto& [pg, nm] : pages) {
    auto btn = co_await W.Button(nm);
    btn.on_activated([stack, lbl, pg = pg, nm = nm]() -> pgw::Task<> {
      co_await stack.show_widget(pg);
      co_await lbl.set_text(nm + " visible");
    });
    co_await btn_row.add_widget(btn, 0);
  }
  co_await content.add_widget(btn_row, 0);
  co_await content.add_widget(stack, 1);
  co_await content.add_widget(lbl, 0);
  co_await mdi.add_widget(content, {.title = "StackWidget", .width = 300, .height = 200, .x = pos.x, .y = pos.y});
}

pgw::Task<> tabwidget_demo(pgw::Widgets W, pgw::MDIWidget mdi, Position pos) {
  auto content = co_await W.VBox({.spacing = 6, .padding = 8});
  auto lbl = co_await W.Label("");
  auto tabs = co_await W.TabWidget({.closable = true, .reorderable = true});
  const std::array<const char*, 3> colors{"#e8f0fe", "#fef7e0", "#e8fee8"};
  for (int n = 1; n <= 3; ++n) {
    auto pg = co_await W.VBox({.padding = 8});
    auto pg_lbl = co_await W.Label("Content of tab " + std::to_string(n));
    co_await pg_lbl.set_halign(pgw::HAlign::center);
    co_await pg_lbl.set_color(colors[n - 1], "#333");
    co_await pg.add_widget(pg_lbl, 1);
    co_await tabs.add_widget(pg, "Tab " + std::to_string(n));  // the title as the StackWidget demo's
  }
  tabs.on_page_switch([lbl](pgw::Widget, int idx) -> pgw::Task<> {
    co_await lbl.set_text("Switched to tab " + std::to_string(idx));
  });
  auto add_btn = co_await W.Button("Add Tab");
  // pgwidgets' tab_counter = [3]: a counter the handler keeps.
  add_btn.on_activated([W, tabs, lbl, tab_counter = 3]() mutable -> pgw::Task<> {
    const int n = ++tab_counter;
    auto pg = co_await W.VBox({.padding = 8});
    auto pg_lbl = co_await W.Label("Content of tab " + std::to_string(n));
    co_await pg_lbl.set_halign(pgw::HAlign::center);
    co_await pg.add_widget(pg_lbl, 1);
    co_await tabs.add_widget(pg, "Tab " + std::to_string(n));
    co_await lbl.set_text("Added tab " + std::to_string(n));
  });
  co_await content.add_widget(tabs, 1);
  auto btn_row = co_await W.HBox({.spacing = 6});
  co_await btn_row.add_widget(add_btn, 0);
  co_await btn_row.add_widget(lbl, 1);
  co_await content.add_widget(btn_row, 0);
  co_await mdi.add_widget(content, {.title = "TabWidget", .width = 350, .height = 220, .x = pos.x, .y = pos.y});
}

// pgwidgets' `columns=[{...}]` option is set_columns here (an options
// struct holds no lists of messages), and a row is its cells in column order
// where pgwidgets takes a dict by column key.
pgw::Task<> table_view_demo(pgw::Widgets W, pgw::MDIWidget mdi, Position pos) {
  auto content = co_await W.VBox({.spacing = 4, .padding = 4});
  auto lbl = co_await W.Label("");
  auto table = co_await W.TableView(
      {.selection_mode = pgw::SelectionMode::multiple, .alternate_row_colors = true, .sortable = true});
  // Named vectors: g++ 12 frees a braced list of structs twice in a co_await.
  const std::vector<pgw::Column> columns{
      {.title = "Name", .key = "NAME", .type = pgw::ColumnType::string},
      {.title = "Department", .key = "DEPT", .type = pgw::ColumnType::string},
      {.title = "Salary", .key = "SALARY", .type = pgw::ColumnType::integer},
  };
  co_await table.set_columns(columns);
  const std::vector<pgw::TableRow> rows{
      {{"Alice", "Engineering", 95000}}, {{"Bob", "Marketing", 72000}},  {{"Carol", "Engineering", 102000}},
      {{"Dave", "Sales", 68000}},        {{"Eve", "Engineering", 98000}}, {{"Frank", "Marketing", 75000}},
      {{"Grace", "Sales", 71000}},       {{"Heidi", "Engineering", 110000}},
  };
  co_await table.set_data(rows);
  // pgwidgets reports each selected row's values; here its position, and
  // the server answers get_data() with the rows it keeps.
  table.on_selected([lbl, table](std::vector<pgw::RowIndex> items) -> pgw::Task<> {
    if (items.size() == 1) {
      const auto data = table.get_data();
      const auto& cells = data.at(static_cast<std::size_t>(items[0].row)).cells;
      const std::string name = cells.empty() || !cells[0].is<std::string>() ? "" : cells[0].get<std::string>();
      co_await lbl.set_text("Selected: " + name);
    } else {
      co_await lbl.set_text("Selected: " + std::to_string(items.size()) + " rows");
    }
  });
  // Fixed here: pgwidgets' example takes (values, path), but the page fires
  // activated with three arguments (values, path, col_key), so its handler
  // fails when a row is activated. This one takes all three.
  table.on_activated([lbl](std::vector<pgw::Value> values, int /*row*/, int /*col_index*/) -> pgw::Task<> {
    const std::string name = values.empty() || !values[0].is<std::string>() ? "" : values[0].get<std::string>();
    co_await lbl.set_text("Activated: " + name);
  });
  auto hbox = co_await W.HBox({.spacing = 4});
  auto btn_add = co_await W.Button("Add Row");
  btn_add.on_activated([table, row_counter = 8]() mutable -> pgw::Task<> {
    row_counter += 1;
    const std::vector<pgw::Value> row{"Person " + std::to_string(row_counter), "New", 60000};
    co_await table.append_row(row);
  });
  auto btn_sort = co_await W.Button("Sort by Name");
  // pgwidgets names the column by key ("NAME"); a TableView's is its position.
  btn_sort.on_activated([table]() -> pgw::Task<> { co_await table.sort_by_column(0); });
  co_await hbox.add_widget(btn_add, 0);
  co_await hbox.add_widget(btn_sort, 0);
  co_await hbox.add_widget(lbl, 1);
  co_await content.add_widget(hbox, 0);
  co_await content.add_widget(table, 1);
  co_await mdi.add_widget(content, {.title = "TableView", .width = 420, .height = 280, .x = pos.x, .y = pos.y});
}

pgw::Task<> textarea_demo(pgw::Widgets W, pgw::MDIWidget mdi, Position pos) {
  auto ta = co_await W.TextArea(
      "This is a multi-line text area.\n\n"
      "Edit this text freely.");
  co_await mdi.add_widget(ta, {.title = "TextArea", .width = 320, .height = 200, .x = pos.x, .y = pos.y});
}

pgw::Task<> textentry_demo(pgw::Widgets W, pgw::MDIWidget mdi, Position pos) {
  auto content = co_await W.VBox({.spacing = 6, .padding = 8});
  auto lbl = co_await W.Label("Press Enter to activate.");
  auto entry = co_await W.TextEntry({.text = "Type here", .linehistory = 10});
  entry.on_activated([lbl](std::string text) -> pgw::Task<> { co_await lbl.set_text("Entered: " + text); });
  co_await content.add_widget(entry, 0);
  co_await content.add_widget(co_await W.Label("Password:"), 0);
  auto pw = co_await W.TextEntry({.password = true});
  pw.on_activated([lbl](std::string text) -> pgw::Task<> { co_await lbl.set_text("Password: " + text); });
  co_await content.add_widget(pw, 0);
  co_await content.add_widget(lbl, 1);
  co_await mdi.add_widget(content, {.title = "TextEntry", .width = 300, .height = 160, .x = pos.x, .y = pos.y});
}

pgw::Task<> textentryset_demo(pgw::Widgets W, pgw::MDIWidget mdi, Position pos) {
  auto content = co_await W.VBox({.spacing = 6, .padding = 8});
  auto lbl = co_await W.Label("Press Enter or click Set.");
  // Fixed here: pgwidgets' example says TextEntrySet(text="Set",
  // value="Hello", ...), but pgwidgets has no `value` option (it rejects
  // it) and `text` is the entry's first text, not the button's. What the
  // example means: the text "Hello" and the button "Set" (`label`).
  auto tes = co_await W.TextEntrySet("Hello", {.label = "Set", .linehistory = 5});
  tes.on_activated([lbl](std::string text) -> pgw::Task<> { co_await lbl.set_text("Value: " + text); });
  co_await content.add_widget(tes, 0);
  co_await content.add_widget(lbl, 1);
  co_await mdi.add_widget(content, {.title = "TextEntrySet", .width = 300, .height = 120, .x = pos.x, .y = pos.y});
}

pgw::Task<> togglebutton_demo(pgw::Widgets W, pgw::MDIWidget mdi, Position pos) {
  auto content = co_await W.VBox({.spacing = 6, .padding = 8});
  auto lbl = co_await W.Label("");
  co_await content.add_widget(co_await W.Label("Independent toggles:"), 0);
  auto hbox1 = co_await W.HBox({.spacing = 4});
  auto tb1 = co_await W.ToggleButton("Bold");
  tb1.on_activated([lbl](bool st) -> pgw::Task<> {
    const std::string text = std::string("Bold: ") + (st ? "on" : "off");
    co_await lbl.set_text(text);
  });
  auto tb2 = co_await W.ToggleButton("Italic");
  tb2.on_activated([lbl](bool st) -> pgw::Task<> {
    const std::string text = std::string("Italic: ") + (st ? "on" : "off");
    co_await lbl.set_text(text);
  });
  co_await hbox1.add_widget(tb1, 0);
  co_await hbox1.add_widget(tb2, 0);
  co_await content.add_widget(hbox1, 0);
  co_await content.add_widget(co_await W.Label("Grouped (exclusive):"), 0);
  auto hbox2 = co_await W.HBox({.spacing = 4});
  auto tg1 = co_await W.ToggleButton("Left");
  auto tg2 = co_await W.ToggleButton("Center", {.group = &tg1});
  auto tg3 = co_await W.ToggleButton("Right", {.group = &tg1});
  tg1.on_activated([lbl](bool st) -> pgw::Task<> {
    if (st) co_await lbl.set_text("Align: Left");
  });
  tg2.on_activated([lbl](bool st) -> pgw::Task<> {
    if (st) co_await lbl.set_text("Align: Center");
  });
  tg3.on_activated([lbl](bool st) -> pgw::Task<> {
    if (st) co_await lbl.set_text("Align: Right");
  });
  co_await hbox2.add_widget(tg1, 0);
  co_await hbox2.add_widget(tg2, 0);
  co_await hbox2.add_widget(tg3, 0);
  co_await content.add_widget(hbox2, 0);
  co_await content.add_widget(lbl, 1);
  co_await mdi.add_widget(content, {.title = "ToggleButton", .width = 300, .height = 180, .x = pos.x, .y = pos.y});
}

pgw::Task<> toolbar_demo(pgw::Widgets W, pgw::MDIWidget mdi, Position pos) {
  auto content = co_await W.VBox();
  auto lbl = co_await W.Label("Click toolbar items.");
  co_await lbl.set_padding(8);
  auto tb = co_await W.ToolBar();
  auto act1 = co_await tb.add_action({.text = "New"});
  act1.on_activated([lbl]() -> pgw::Task<> { co_await lbl.set_text("New clicked"); });
  auto act2 = co_await tb.add_action({.text = "Open"});
  act2.on_activated([lbl]() -> pgw::Task<> { co_await lbl.set_text("Open clicked"); });
  auto act3 = co_await tb.add_action({.text = "Save"});
  act3.on_activated([lbl]() -> pgw::Task<> { co_await lbl.set_text("Save clicked"); });
  co_await tb.add_separator();
  // A toggle action's handler takes its state (README, "Callbacks that
  // depend on an option").
  auto tog1 = co_await tb.add_action({.text = "B", .toggle = true});
  tog1.on_activated([lbl](bool st) -> pgw::Task<> {
    const std::string text = std::string("Bold: ") + (st ? "on" : "off");
    co_await lbl.set_text(text);
  });
  auto tog2 = co_await tb.add_action({.text = "I", .toggle = true});
  tog2.on_activated([lbl](bool st) -> pgw::Task<> {
    const std::string text = std::string("Italic: ") + (st ? "on" : "off");
    co_await lbl.set_text(text);
  });
  co_await content.add_widget(tb, 0);
  co_await content.add_widget(lbl, 1);
  co_await mdi.add_widget(content, {.title = "ToolBar", .width = 350, .height = 120, .x = pos.x, .y = pos.y});
}

// The path as Python prints a list: ['Documents', 'notes.txt'].
std::string py_list(const std::vector<std::string>& path) {
  std::string out = "[";
  for (const auto& key : path) out += (out.size() > 1 ? ", '" : "'") + key + "'";
  return out + "]";
}

// pgwidgets' set_tree takes nested dicts; here a tree is its items in
// preorder, each with its whole path (a folder needs no values).
pgw::Task<> tree_view_demo(pgw::Widgets W, pgw::MDIWidget mdi, Position pos) {
  auto content = co_await W.VBox({.spacing = 4, .padding = 4});
  auto lbl = co_await W.Label("");
  auto tree = co_await W.TreeView(
      {.selection_mode = pgw::SelectionMode::multiple, .alternate_row_colors = true, .sortable = true});
  const std::vector<pgw::Column> columns{
      {.title = "Name", .key = "NAME", .type = pgw::ColumnType::string},
      {.title = "Type", .key = "TYPE", .type = pgw::ColumnType::string},
      {.title = "Size (KB)", .key = "SIZE", .type = pgw::ColumnType::integer},
  };
  co_await tree.set_columns(columns);
  const std::vector<pgw::TreeItem> files{
      {{"Documents"}, {}},
      {{"Documents", "report.pdf"}, {{"TYPE", "PDF"}, {"SIZE", 2400}}},
      {{"Documents", "notes.txt"}, {{"TYPE", "Text"}, {"SIZE", 12}}},
      {{"Documents", "Presentations"}, {}},
      {{"Documents", "Presentations", "slides.pptx"}, {{"TYPE", "PowerPoint"}, {"SIZE", 5100}}},
      {{"Documents", "Presentations", "demo.key"}, {{"TYPE", "Keynote"}, {"SIZE", 8300}}},
      {{"Pictures"}, {}},
      {{"Pictures", "photo1.jpg"}, {{"TYPE", "JPEG"}, {"SIZE", 3200}}},
      {{"Pictures", "photo2.png"}, {{"TYPE", "PNG"}, {"SIZE", 1800}}},
      {{"Music"}, {}},
      {{"Music", "song1.mp3"}, {{"TYPE", "MP3"}, {"SIZE", 4500}}},
      {{"Music", "song2.flac"}, {{"TYPE", "FLAC"}, {"SIZE", 32000}}},
  };
  co_await tree.set_tree(files);
  // pgwidgets reports each selected node's {path, values}; here its path.
  tree.on_selected([lbl](std::vector<pgw::TreePath> items) -> pgw::Task<> {
    if (items.size() == 1) co_await lbl.set_text("Selected: " + py_list(items[0].path));
    else co_await lbl.set_text("Selected: " + std::to_string(items.size()) + " items");
  });
  // Fixed here: pgwidgets' example takes (values, path), but the page fires
  // activated with three arguments (values, path, col_key), so its handler
  // fails when a node is activated. This one takes all three.
  tree.on_activated([lbl](std::map<std::string, pgw::Value> /*values*/, std::vector<std::string> path,
                          std::string /*col_key*/) -> pgw::Task<> {
    co_await lbl.set_text("Activated: " + py_list(path));
  });
  auto hbox = co_await W.HBox({.spacing = 4});
  auto btn_exp = co_await W.Button("Expand All");
  btn_exp.on_activated([tree]() -> pgw::Task<> { co_await tree.expand_all(); });
  auto btn_col = co_await W.Button("Collapse All");
  btn_col.on_activated([tree]() -> pgw::Task<> { co_await tree.collapse_all(); });
  co_await hbox.add_widget(btn_exp, 0);
  co_await hbox.add_widget(btn_col, 0);
  co_await hbox.add_widget(lbl, 1);
  co_await content.add_widget(hbox, 0);
  co_await content.add_widget(tree, 1);
  co_await mdi.add_widget(content, {.title = "TreeView", .width = 420, .height = 300, .x = pos.x, .y = pos.y});
}

pgw::Task<> boxes_demo(pgw::Widgets W, pgw::MDIWidget mdi, Position pos) {
  auto content = co_await W.VBox({.spacing = 6, .padding = 8});
  auto lbl = co_await W.Label("stretch=0 fixed, stretch=1 fills");
  auto hbox = co_await W.HBox({.spacing = 4});
  auto fixed1 = co_await W.Button("Fixed (0)");
  auto stretch1 = co_await W.Label("Stretch (1)");
  co_await stretch1.set_color("#e8f0fe", "#333");
  co_await stretch1.set_halign(pgw::HAlign::center);
  auto fixed2 = co_await W.Button("Fixed (0)");
  co_await hbox.add_widget(fixed1, 0);
  co_await hbox.add_widget(stretch1, 1);
  co_await hbox.add_widget(fixed2, 0);
  co_await content.add_widget(co_await W.Label("HBox - horizontal:"), 0);
  co_await content.add_widget(hbox, 0);
  auto inner = co_await W.VBox({.spacing = 4});
  auto top_l = co_await W.Label("Top (stretch=0)");
  co_await top_l.set_color("#fef7e0", "#333");
  co_await top_l.set_halign(pgw::HAlign::center);
  auto mid_l = co_await W.Label("Middle (stretch=1)");
  co_await mid_l.set_color("#e8fee8", "#333");
  co_await mid_l.set_halign(pgw::HAlign::center);
  auto bot_l = co_await W.Label("Bottom (stretch=0)");
  co_await bot_l.set_color("#fee8e8", "#333");
  co_await bot_l.set_halign(pgw::HAlign::center);
  co_await inner.add_widget(top_l, 0);
  co_await inner.add_widget(mid_l, 1);
  co_await inner.add_widget(bot_l, 0);
  co_await content.add_widget(co_await W.Label("VBox - vertical:"), 0);
  co_await content.add_widget(inner, 1);
  co_await content.add_widget(lbl, 0);
  co_await mdi.add_widget(content, {.title = "VBox / HBox", .width = 360, .height = 280, .x = pos.x, .y = pos.y});
}

// pgwidgets' widget_names, each with its demo, in the picker's order.
struct Demo {
  std::string_view name;
  pgw::Task<> (*make)(pgw::Widgets, pgw::MDIWidget, Position);
};
constexpr std::array demos{
    Demo{"Button", button_demo},
    Demo{"CheckBox", checkbox_demo},
    Demo{"ComboBox", combobox_demo},
    Demo{"Dial", dial_demo},
    Demo{"Expander", expander_demo},
    Demo{"Frame", frame_demo},
    Demo{"GridBox", gridbox_demo},
    Demo{"Label", label_demo},
    Demo{"ProgressBar", progressbar_demo},
    Demo{"RadioButton", radiobutton_demo},
    Demo{"ScrollArea", scrollarea_demo},
    Demo{"ScrollBar", scrollbar_demo},
    Demo{"Slider", slider_demo},
    Demo{"SpinBox", spinbox_demo},
    Demo{"Splitter", splitter_demo},
    Demo{"StackWidget", stackwidget_demo},
    Demo{"TabWidget", tabwidget_demo},
    Demo{"TableView", table_view_demo},
    Demo{"TextArea", textarea_demo},
    Demo{"TextEntry", textentry_demo},
    Demo{"TextEntrySet", textentryset_demo},
    Demo{"ToggleButton", togglebutton_demo},
    Demo{"ToolBar", toolbar_demo},
    Demo{"TreeView", tree_view_demo},
    Demo{"VBox/HBox", boxes_demo},
};

// pgwidgets' @app.on_connect handler; main() registers it.
pgw::Task<> on_session(pgw::Session& session) {
  auto W = session.get_widgets();

  auto top = co_await W.TopLevel({.title = "All Widgets Demo", .resizable = true});
  co_await top.resize(950, 700);

  auto vbox = co_await W.VBox();

  // -- Menu bar --
  auto menubar = co_await W.MenuBar();
  auto windows_menu = co_await W.Menu();
  auto cascade_action = co_await windows_menu.add_name("Cascade");
  auto tile_action = co_await windows_menu.add_name("Tile");
  co_await menubar.add_menu(windows_menu, "Windows");
  co_await vbox.add_widget(menubar, 0);

  // -- MDI area --
  auto mdi = co_await W.MDIWidget();
  co_await vbox.add_widget(mdi, 1);

  cascade_action.on_activated([mdi]() -> pgw::Task<> { co_await mdi.cascade_windows(); });
  tile_action.on_activated([mdi]() -> pgw::Task<> { co_await mdi.tile_windows(); });

  // -- Status bar --
  auto status = co_await W.Label("Select a widget from the picker to see a demo.");
  co_await status.set_color("#e8f0fe", "#333");
  co_await status.set_padding(4, 8, 4, 8);  // pgwidgets' list [4, 8, 4, 8]: left, top, right, bottom
  co_await vbox.add_widget(status, 0);

  // -- Picker window --
  auto picker_content = co_await W.VBox({.spacing = 6, .padding = 8});
  auto picker_label = co_await W.TextEntry({.text = "Pick a widget:", .editable = false});
  co_await picker_content.add_widget(picker_label, 0);

  auto picker = co_await W.ComboBox({.dropdown_limit = 10});
  for (const Demo& demo : demos) co_await picker.append_text(std::string(demo.name));
  co_await picker.set_index(0);
  co_await picker_content.add_widget(picker, 0);

  auto go_btn = co_await W.Button("Go!");
  co_await picker_content.add_widget(go_btn, 0);
  co_await picker_content.add_widget(co_await W.Label(""), 1);

  co_await mdi.add_widget(picker_content, {.title = "Widget Picker", .width = 220, .height = 180});

  // -- Demo creation --
  // pgwidgets' make_demo(name): the demo's function from the table, then
  // the status line; next_position()'s count is kept by the handler.
  go_btn.on_activated([W, mdi, status, picker, demo_count = 0]() mutable -> pgw::Task<> {
    const int idx = picker.get_index();
    if (idx < 0 || idx >= static_cast<int>(demos.size())) co_return;
    const Demo& demo = demos[static_cast<std::size_t>(idx)];
    demo_count += 1;
    const Position pos{40 + (demo_count % 6) * 25, 20 + (demo_count % 6) * 25};
    co_await demo.make(W, mdi, pos);
    co_await status.set_text("Opened demo: " + std::string(demo.name));
  });

  co_await top.set_widget(vbox);
  co_await top.show();

  std::printf("Session %s: all_widgets UI built.\n", session.id().c_str());
  std::fflush(stdout);
}

}  // namespace

// pgwidgets' main(): Application(max_sessions=4, logger=...) and app.run().
// example::serve also reads the examples' flags (--host, --ws-port, ...)
// and prints the URL first (the browser test reads it).
int main(int argc, char** argv) {
  return example::serve(argc, argv, on_session,
                        {.max_sessions = 4, .logger = pgw::stderr_logger(pgw::LogLevel::info)});
}
