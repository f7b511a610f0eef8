// The program behind browser/state.test.mjs: collection state that a
// reload must bring back as it is now. A ComboBox edited by 1,000
// append/delete cycles (its list is state, not a log of calls), a
// TabWidget with a highlighted tab, a Splitter with a pane minimum; the
// "Edit" button's handler changes all three while the page is open and
// writes the combo box's get_index() into a Label. A GridBox whose rows and
// columns were inserted (an empty column and row among them) and, by the
// handler, deleted: a reload must put every cell back where it is now.
#include <string>
#include <vector>

#include <pgwidgets/pgwidgets.hpp>

#include "example_args.hpp"

namespace {

pgw::Task<> setup(pgw::Session& session) {
  auto w = session.get_widgets();
  auto top = co_await w.TopLevel({.title = "State test", .resizable = true});
  co_await top.set_position(10, 10);
  co_await top.resize(600, 520);
  auto vbox = co_await w.VBox({.spacing = 6, .padding = 8});
  std::vector<std::string> themes{"Light", "Dark"};
  auto combo = co_await w.ComboBox({.items = themes});
  for (int i = 0; i < 1000; ++i) {
    co_await combo.append_text("temp " + std::to_string(i));
    co_await combo.delete_alpha("temp " + std::to_string(i));
  }
  co_await combo.insert_alpha("Blue");   // before "Light"
  co_await combo.append_text("Sepia");
  co_await combo.delete_alpha("Dark");   // Blue, Light, Sepia
  auto tabs = co_await w.TabWidget();
  auto one = co_await w.Label("Page one");
  auto two = co_await w.Label("Page two");
  co_await tabs.add_widget(one, "One");
  co_await tabs.add_widget(two, "Two");
  co_await tabs.highlight_tab(one, "rgb(255, 0, 0)");
  auto split = co_await w.Splitter();
  auto left = co_await w.Label("left");
  auto right = co_await w.Label("right");
  co_await split.add_widget(left);
  co_await split.add_widget(right);
  co_await split.set_minimum_size(left, 120);
  // 2 x 2: A (0,0), B (1,1); a row at 1 holding C, D moves B to (2,1); an
  // empty column 0 moves A, B, C, D right; an empty row 3 at the end.
  auto grid = co_await w.GridBox({.rows = 2, .columns = 2});
  std::vector<pgw::Label> cell;
  for (const char* name : {"cell A", "cell B", "cell C", "cell D", "cell E"}) cell.push_back(co_await w.Label(name));
  co_await grid.set_spacing(4);
  co_await grid.add_widget(cell[0], 0, 0);
  co_await grid.add_widget(cell[1], 1, 1);
  co_await grid.insert_row(1, {cell[2], cell[3]});
  co_await grid.insert_column(0, {});
  co_await grid.append_row({});
  const auto extent = grid.get_row_column_count();
  auto grid_label = co_await w.Label("grid " + std::to_string(extent.rows) + "x" + std::to_string(extent.columns));
  auto edit = co_await w.Button("Edit");
  auto index = co_await w.Label("index " + std::to_string(combo.get_index()));
  co_await vbox.add_widget(combo);
  co_await vbox.add_widget(tabs, 1);
  co_await vbox.add_widget(split, 1);
  co_await vbox.add_widget(edit);
  co_await vbox.add_widget(index);
  co_await vbox.add_widget(grid);
  co_await vbox.add_widget(grid_label);
  co_await top.set_widget(vbox);
  co_await top.show();

  edit.on_activated([combo, tabs, two, split, right, index, grid, cell, grid_label]() -> pgw::Task<> {
    co_await grid.delete_row(1);             // C and D leave; B moves up to (1,2)
    co_await grid.append_column({cell[4]});  // E in (0,3)
    const auto now = grid.get_row_column_count();
    co_await grid_label.set_text("grid " + std::to_string(now.rows) + "x" + std::to_string(now.columns));
    co_await combo.append_text("Zeta");
    co_await combo.delete_alpha("Blue");            // Light, Sepia, Zeta
    co_await tabs.highlight_tab(two, "rgb(0, 0, 255)");
    co_await split.set_minimum_size(right, 150);
    co_await index.set_text("edited, index " + std::to_string(combo.get_index()));
  });
}

}  // namespace

int main(int argc, char** argv) { return example::serve(argc, argv, setup); }
