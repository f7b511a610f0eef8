// The program behind browser/tree.test.mjs: a TreeView of 3 folders of
// 2,000 items each (6,003 nodes, only the rows on screen have DOM) and a
// TableView of 10,000 rows. Handlers write what the server holds into a
// Label: the selection (get_selected, answered by the server), edits, sort.
// "Update" calls update_tree with folder "c" gone and one value changed;
// "Expand all" calls expand_all.
#include <map>
#include <string>
#include <vector>

#include <pgwidgets/pgwidgets.hpp>

#include "example_args.hpp"

namespace {

std::string item_key(int i) {
  std::string s = std::to_string(i);
  return "item" + std::string(4 - s.size(), '0') + s;
}

std::vector<pgw::TreeItem> make_tree(bool updated) {
  std::vector<pgw::TreeItem> tree;
  for (const char* folder : {"a", "b", "c"}) {
    if (updated && std::string(folder) == "c") continue;
    tree.push_back({.path = {folder}, .values = {}});
    for (int i = 0; i < 2000; ++i) {
      // Sizes fall as i grows, so sorting by size reverses a folder.
      const int size = (updated && i == 1 && std::string(folder) == "a") ? 99999 : 10000 - i;
      tree.push_back({.path = {folder, item_key(i)}, .values = {{"size", size}}});
    }
  }
  return tree;
}

std::string spell(const std::vector<std::string>& path) {
  std::string out;
  for (const auto& k : path) out += (out.empty() ? "" : "/") + k;
  return out;
}

std::string spell(const pgw::Value& v) {
  if (v.is<std::string>()) return v.get<std::string>();
  if (v.is<std::int64_t>()) return std::to_string(v.get<std::int64_t>());
  if (v.is<bool>()) return v.get<bool>() ? "true" : "false";
  if (v.is<double>()) return std::to_string(v.get<double>());
  return "null";
}

pgw::Task<> setup(pgw::Session& session) {
  auto w = session.get_widgets();
  auto top = co_await w.TopLevel({.title = "Tree test", .resizable = true});
  co_await top.set_position(10, 10);
  co_await top.resize(860, 560);
  auto vbox = co_await w.VBox({.spacing = 6, .padding = 8});
  auto hbox = co_await w.HBox({.spacing = 6});
  auto tree = co_await w.TreeView({.selection_mode = pgw::SelectionMode::multiple, .sortable = true});
  const std::vector<pgw::Column> tree_columns{
      {.title = "Name", .width = 200, .key = "name"},
      {.title = "Size", .width = 100, .key = "size", .type = pgw::ColumnType::integer, .editable = true}};
  co_await tree.set_columns(tree_columns);
  co_await tree.set_tree(make_tree(false));
  auto table = co_await w.TableView();
  const std::vector<pgw::Column> table_columns{
      {.title = "Id", .width = 80, .type = pgw::ColumnType::integer},
      {.title = "Name", .width = 160, .editable = true},
      {.title = "Done", .width = 60, .type = pgw::ColumnType::boolean, .widget = pgw::CellWidget::checkbox}};
  co_await table.set_columns(table_columns);
  std::vector<pgw::TableRow> rows;
  for (int i = 0; i < 10000; ++i) rows.push_back({.cells = {i, "row " + std::to_string(i), i % 3 == 0}});
  co_await table.set_data(rows);
  auto status = co_await w.Label("ready");
  auto update = co_await w.Button("Update");
  auto expand = co_await w.Button("Expand all");
  auto select_all = co_await w.Button("Select all");
  auto collapsed = co_await w.Button("Collapsed");
  auto delete_b = co_await w.Button("Delete b");
  auto restore_b = co_await w.Button("Restore b");
  auto table_all = co_await w.Button("Table all");
  auto table_pick = co_await w.Button("Table pick");
  auto table_colour = co_await w.Button("Table colour");
  auto clear_colours = co_await w.Button("Clear colours");
  auto table_cells = co_await w.Button("Table cells");
  auto columns = co_await w.Button("Columns");
  auto set_colours = co_await w.Button("Set colours");
  co_await hbox.add_widget(tree, 1);
  co_await hbox.add_widget(table, 1);
  co_await vbox.add_widget(hbox, 1);
  // The test's buttons in one row: the grids keep their height.
  auto buttons = co_await w.HBox({.spacing = 4});
  const std::vector<pgw::Button> controls{update, expand, select_all, collapsed, delete_b, restore_b, table_all, table_pick, table_colour, clear_colours, table_cells, columns, set_colours};
  for (const auto& b : controls) co_await buttons.add_widget(b);
  co_await vbox.add_widget(buttons);
  co_await vbox.add_widget(status);
  co_await top.set_widget(vbox);
  co_await top.show();

  auto report = [tree, status](std::string what) -> pgw::Task<> {
    std::string sel;
    for (const auto& p : tree.get_selected()) sel += " " + spell(p.path);
    co_await status.set_text(what + "; selected" + sel);
  };
  tree.on_selected([report](std::vector<pgw::TreePath>) -> pgw::Task<> { co_await report("picked"); });
  tree.on_cell_edited([status](std::vector<std::string> path, std::string col, pgw::Value old_value,
                               pgw::Value new_value) -> pgw::Task<> {
    co_await status.set_text("tree edited " + spell(path) + " " + col + " " + spell(old_value) + " -> " +
                             spell(new_value));
  });
  tree.on_sorted([status](std::string col, bool ascending) -> pgw::Task<> {
    co_await status.set_text("sorted " + col + (ascending ? " up" : " down"));
  });
  table.on_cell_edited([status](int row, int col, pgw::Value old_value, pgw::Value new_value) -> pgw::Task<> {
    co_await status.set_text("table edited " + std::to_string(row) + " " + std::to_string(col) + " " +
                             spell(old_value) + " -> " + spell(new_value));
  });
  tree.on_activated([status](std::map<std::string, pgw::Value> values, std::vector<std::string> path,
                             std::string col) -> pgw::Task<> {
    const std::string size = values.contains("size") ? spell(values.at("size")) : "none";
    co_await status.set_text("tree activated " + spell(path) + " size " + size + " column '" + col + "'");
  });
  table.on_activated([status](std::vector<pgw::Value> cells, int row, int col) -> pgw::Task<> {
    const std::string first = cells.empty() ? "none" : spell(cells[0]);
    co_await status.set_text("table activated " + std::to_string(row) + " " + first + " column " + std::to_string(col));
  });
  update.on_activated([tree, report]() -> pgw::Task<> {
    co_await tree.update_tree(make_tree(true));
    co_await report("updated " + std::to_string(tree.get_tree().size()) + " nodes");
  });
  select_all.on_activated([tree, status]() -> pgw::Task<> {
    co_await tree.select_all();
    const std::string text =
        "selected " + std::to_string(tree.get_selected().size()) + " of " + std::to_string(tree.get_tree().size());
    co_await status.set_text(text);
  });
  // TableView's selection by position: select_all, unselect_row, select_paths.
  table_all.on_activated([table, status]() -> pgw::Task<> {
    co_await table.select_all();
    co_await table.unselect_row(9000);
    co_await table.scroll_to_row(9000);
    co_await status.set_text("table selected " + std::to_string(table.get_selected().size()));
  });
  table_pick.on_activated([table, status]() -> pgw::Task<> {
    co_await table.clear_selection();
    const std::vector<pgw::RowIndex> rows{{.row = 8999}, {.row = 9001}};
    co_await table.select_paths(rows);
    co_await table.scroll_to_row(8999);
    std::string text = "table picked";
    for (const auto& r : table.get_selected()) text += " " + std::to_string(r.row);
    co_await status.set_text(text);
  });
  // Row 8999 red and its second cell blue, then a row inserted at the
  // top: the colours and the selection (8999 and 9001, picked above) stay
  // with their rows, now one on.
  table_colour.on_activated([table, status]() -> pgw::Task<> {
    co_await table.set_row_color(8999, "", "rgb(255, 0, 0)", false);
    co_await table.set_cell_color(8999, 1, "", "rgb(0, 0, 255)", false);
    const std::vector<pgw::Value> cells{-1, "new first row", false};
    co_await table.insert_row(0, cells);
    co_await table.scroll_to_row(9000);
    std::string text = "table coloured; selected";
    for (const auto& r : table.get_selected()) text += " " + std::to_string(r.row);
    co_await status.set_text(text);
  });
  clear_colours.on_activated([table, status]() -> pgw::Task<> {
    co_await table.clear_all_colors();
    co_await status.set_text("table colours cleared");
  });
  // Cells selected by the program (in any selection mode, as pgwidgets),
  // then the row "Table colour" inserted deleted: the cells move up with
  // their rows, and a row not there selects none.
  table_cells.on_activated([table, status]() -> pgw::Task<> {
    co_await table.select_cell(9001, 2);
    const std::vector<pgw::RowCell> cells{{.row = 9002, .col_index = 0}, {.row = 500000, .col_index = 0}};
    co_await table.select_cells(cells);
    co_await table.delete_row(0);
    co_await table.scroll_to_row(9000);
    const std::vector<pgw::RowCell> selected = co_await table.get_selected_cells();
    std::string text = "table cells";
    for (const auto& c : selected) text += " " + std::to_string(c.row) + ":" + std::to_string(c.col_index);
    co_await status.set_text(text);
  });
  // A table column inserted at 1 and column 0 (Id) deleted: each row's
  // cells, widths and selected cells follow (9000:2 stays on Done, 9001:0
  // goes with Id). The tree gains a column "kind" and loses "size", with
  // its values and sort.
  columns.on_activated([table, tree, status]() -> pgw::Task<> {
    const pgw::Column extra{.title = "Extra", .width = 70};
    co_await table.insert_column(1, extra);
    co_await table.delete_column(0);
    const pgw::Column kind{.title = "Kind", .width = 90, .key = "kind"};
    co_await tree.append_column(kind);
    co_await tree.delete_column("size");
    co_await table.scroll_to_row(9000);
    const std::vector<pgw::RowCell> selected = co_await table.get_selected_cells();
    std::string text = "columns; table cells";
    for (const auto& c : selected) text += " " + std::to_string(c.row) + ":" + std::to_string(c.col_index);
    const std::vector<pgw::TableRow> data = table.get_data();
    text += "; row 9000 " + spell(data.at(9000).cells.at(0)) + "," + spell(data.at(9000).cells.at(1));
    co_await status.set_text(text);
  });
  // set_colors with clear: the column colour set first goes, row 9000
  // turns red and cell (9001, 1) blue, in one call the server records.
  set_colours.on_activated([table, status]() -> pgw::Task<> {
    co_await table.set_column_color(0, "", "rgb(0, 255, 0)", false);
    const pgw::TableColorSpec spec{.cells = {{.row = 9001, .col_index = 1, .bg = "rgb(0, 0, 255)"}},
                                   .rows = {{.row = 9000, .bg = "rgb(255, 0, 0)"}},
                                   .clear = true};
    co_await table.set_colors(spec);
    co_await status.set_text("colours set");
  });
  expand.on_activated([tree, status]() -> pgw::Task<> {
    co_await tree.expand_all();
    co_await status.set_text("expanded " + std::to_string(tree.get_expanded().size()) + ", collapsed " +
                             std::to_string(tree.get_collapsed().size()));
  });
  // delete_tree of every item of folder b and of a path not there: b,
  // left empty, goes too (prune_empty); the page fires changed.
  delete_b.on_activated([tree]() -> pgw::Task<> {
    std::vector<pgw::TreePath> paths;
    for (int i = 0; i < 2000; ++i) paths.push_back({.path = {"b", item_key(i)}});
    paths.push_back({.path = {"no such folder"}});
    co_await tree.delete_tree(paths);
  });
  // Folder b again, at the path it had: a new node, so collapsed (its
  // expansion went with it), as the page shows it and a reload brings back.
  restore_b.on_activated([tree, status]() -> pgw::Task<> {
    // (named, not braced in the co_await: g++ 12 destroys a braced temporary twice there)
    const std::vector<std::string> folder{"b"};
    co_await tree.add_item(folder, std::map<std::string, pgw::Value>{});
    for (int i = 0; i < 3; ++i) {
      const std::vector<std::string> path{"b", item_key(i)};
      const std::map<std::string, pgw::Value> values{{"size", i}};
      co_await tree.add_item(path, values);
    }
    co_await status.set_text("restored b; expanded " + std::to_string(tree.get_expanded().size()));
  });
  tree.on_changed([tree, status]() -> pgw::Task<> {
    co_await status.set_text("changed; the tree has " + std::to_string(tree.get_tree().size()) + " nodes");
  });
  // The folders not expanded, as the server works them out from the tree and the expansion.
  collapsed.on_activated([tree, status]() -> pgw::Task<> {
    std::string text = "collapsed";
    for (const auto& p : tree.get_collapsed()) text += " " + spell(p.path);
    co_await status.set_text(text);
  });
}

}  // namespace

int main(int argc, char** argv) { return example::serve(argc, argv, setup); }
