// State.within: TreeView's expansion and selection are sets of the tree's
// nodes, TableView's selection a set of row positions. The page keeps them
// on its rows, so when rows go or move the sets follow; the server (and the
// test kit's page model) must do the same through apply_to_states, or a
// reload shows a node expanded or selected that the live page did not.
#include <catch2/catch.hpp>

#include <algorithm>
#include <fstream>
#include <map>
#include <sstream>

#include <boost/json.hpp>

#include "pgwidgets/schema_info.hpp"
#include "pgwidgets/widgets/tree.pb.h"
#include "state_ops.hpp"
#include "widget_store.hpp"

namespace d = pgw::detail;
namespace pb = ::pgwidgets::widgets;

namespace {

std::string tree_of(std::initializer_list<std::initializer_list<const char*>> paths) {
  pb::TreeItems items;
  for (auto p : paths) {
    auto* it = items.add_tree();
    for (const char* k : p) it->add_path(k);
  }
  return items.SerializeAsString();
}

std::string path_of(std::initializer_list<const char*> path) {
  pb::TreePath p;
  for (const char* k : path) p.add_path(k);
  return p.SerializeAsString();
}

std::string paths_of(std::initializer_list<std::initializer_list<const char*>> paths) {
  pb::TreePaths out;
  for (auto p : paths) {
    auto* it = out.add_paths();
    for (const char* k : p) it->add_path(k);
  }
  return out.SerializeAsString();
}

std::vector<d::StatePath> members(const std::vector<d::StateValue>& states, std::uint32_t field) {
  std::vector<d::StatePath> out;
  for (const d::StateValue& v : states) {
    if (v.info->field != field) continue;
    for (const auto& [p, e] : v.entries) out.push_back(p);
  }
  return out;
}

void apply(std::vector<d::StateValue>& states, const d::MethodInfo& m, const std::string& args) {
  REQUIRE(d::apply_to_states(states, m, args));
}

const std::uint32_t expanded = d::methods::TreeView_expand_item.field;
const std::uint32_t selected = d::methods::TreeView_select_path.field;
const std::uint32_t table_selected = d::methods::TableView_select_row.field;

using Paths = std::vector<d::StatePath>;

std::vector<d::StateValue> tree_view() {
  auto states = d::initial_states(d::classes::TreeView, "");
  apply(states, d::methods::TreeView_set_tree, tree_of({{"a"}, {"a", "x"}, {"a", "x", "deep"}, {"b"}, {"b", "y"}}));
  return states;
}

std::string rows(int n) {
  pb::TableRowsData data;
  for (int r = 0; r < n; ++r) data.add_data()->add_cells()->set_int_value(r);
  return data.SerializeAsString();
}

std::string row(int r) {
  pb::RowIndex i;
  i.set_row(r);
  return i.SerializeAsString();
}

// The table's selection: each member's key and the row its message says.
std::vector<std::pair<std::string, int>> table_selection(const std::vector<d::StateValue>& states) {
  std::vector<std::pair<std::string, int>> out;
  for (const d::StateValue& v : states) {
    if (v.info->field != table_selected) continue;
    for (const auto& [p, e] : v.entries) {
      pb::RowIndex m;
      REQUIRE(m.ParseFromString(e.message));
      out.emplace_back(p.front(), m.row());
    }
  }
  return out;
}

}  // namespace

TEST_CASE("state within: a path not in the tree is neither expanded nor selected (the page shows none)") {
  auto s = tree_view();
  apply(s, d::methods::TreeView_expand_item, path_of({"a"}));
  apply(s, d::methods::TreeView_expand_item, path_of({"zzz"}));
  CHECK(members(s, expanded) == Paths{{"a"}});
  apply(s, d::methods::TreeView_set_expanded, paths_of({{"b"}, {"nope"}, {"a", "x"}}));
  CHECK(members(s, expanded) == Paths{{"a", "x"}, {"b"}});
  apply(s, d::methods::TreeView_select_paths, paths_of({{"b", "y"}, {"b", "gone"}}));
  apply(s, d::methods::TreeView_select_path, path_of({"c"}));
  CHECK(members(s, selected) == Paths{{"b", "y"}});
}

TEST_CASE("state within: removing nodes takes their expansion and selection, descendants' too") {
  auto s = tree_view();
  apply(s, d::methods::TreeView_expand_all, "");
  apply(s, d::methods::TreeView_select_all, "");
  apply(s, d::methods::TreeView_remove_item, path_of({"a", "x"}));
  CHECK(members(s, expanded) == Paths{{"a"}, {"b"}});
  CHECK(members(s, selected) == Paths{{"a"}, {"b"}, {"b", "y"}});
  // Added again at the same path, it comes back collapsed and unselected, as on the page.
  apply(s, d::methods::TreeView_add_item, path_of({"a", "x"}));
  CHECK(members(s, expanded) == Paths{{"a"}, {"b"}});
  apply(s, d::methods::TreeView_remove_items, paths_of({{"b"}}));
  CHECK(members(s, expanded) == Paths{{"a"}});
  CHECK(members(s, selected) == Paths{{"a"}});
}

TEST_CASE("state within: delete_tree's pruned ancestors lose their expansion too") {
  auto s = tree_view();
  apply(s, d::methods::TreeView_expand_all, "");
  pb::TreeDelete del;
  auto* p = del.add_paths();
  p->add_path("b");
  p->add_path("y");
  del.set_prune_empty(true);
  apply(s, d::methods::TreeView_delete_tree, del.SerializeAsString());
  CHECK(members(s, expanded) == Paths{{"a"}, {"a", "x"}});
}

TEST_CASE("state within: update_tree keeps the nodes still there, set_tree and clear start over") {
  auto s = tree_view();
  apply(s, d::methods::TreeView_expand_all, "");
  apply(s, d::methods::TreeView_select_path, path_of({"b", "y"}));
  apply(s, d::methods::TreeView_update_tree, tree_of({{"a"}, {"a", "x"}, {"b"}, {"b", "y"}, {"c"}}));
  CHECK(members(s, expanded) == Paths{{"a"}, {"a", "x"}, {"b"}});
  CHECK(members(s, selected) == Paths{{"b", "y"}});
  apply(s, d::methods::TreeView_update_data, tree_of({{"a"}, {"c"}}));
  CHECK(members(s, expanded) == Paths{{"a"}});
  CHECK(members(s, selected).empty());

  apply(s, d::methods::TreeView_select_path, path_of({"c"}));
  apply(s, d::methods::TreeView_set_tree, tree_of({{"a"}, {"c"}}));
  CHECK(members(s, expanded).empty());
  CHECK(members(s, selected).empty());

  apply(s, d::methods::TreeView_expand_item, path_of({"a"}));
  apply(s, d::methods::TreeView_select_path, path_of({"c"}));
  apply(s, d::methods::TreeView_clear, "");
  CHECK(members(s, expanded).empty());
  CHECK(members(s, selected).empty());
}

TEST_CASE("state within: a table's selected rows move with inserted and deleted rows, messages rewritten") {
  auto s = d::initial_states(d::classes::TableView, "");
  apply(s, d::methods::TableView_set_data, rows(6));
  for (int r : {0, 2, 4}) apply(s, d::methods::TableView_select_row, row(r));
  apply(s, d::methods::TableView_select_row, row(6));  // past the end: none
  CHECK(table_selection(s) == std::vector<std::pair<std::string, int>>{{"0", 0}, {"2", 2}, {"4", 4}});

  pb::RowInsert ins;
  ins.set_index(1);
  apply(s, d::methods::TableView_insert_row, ins.SerializeAsString());
  CHECK(table_selection(s) == std::vector<std::pair<std::string, int>>{{"0", 0}, {"3", 3}, {"5", 5}});

  pb::RowPosition del;
  del.set_index(3);
  apply(s, d::methods::TableView_delete_row, del.SerializeAsString());
  CHECK(table_selection(s) == std::vector<std::pair<std::string, int>>{{"0", 0}, {"4", 4}});
  del.set_index(0);  // 0: the index left off the wire
  apply(s, d::methods::TableView_delete_row, del.SerializeAsString());
  CHECK(table_selection(s) == std::vector<std::pair<std::string, int>>{{"3", 3}});

  // A rebuild replays the selection in the order it came: a moved member keeps its place.
  apply(s, d::methods::TableView_select_row, row(0));
  apply(s, d::methods::TableView_insert_row, ins.SerializeAsString());
  std::vector<int> replayed;
  for (const d::StateValue& v : s) {
    if (v.info->field != table_selected) continue;
    d::for_each_element(v, [&](std::string_view m) {
      pb::RowIndex i;
      REQUIRE(i.ParseFromString(std::string(m)));
      replayed.push_back(i.row());
    });
  }
  CHECK(replayed == std::vector<int>{4, 0});
}

TEST_CASE("state within: update_data keeps the rows still there, set_data and set_rows start over") {
  auto s = d::initial_states(d::classes::TableView, "");
  apply(s, d::methods::TableView_set_data, rows(6));
  apply(s, d::methods::TableView_select_all, "");
  apply(s, d::methods::TableView_update_data, rows(3));
  CHECK(table_selection(s) == std::vector<std::pair<std::string, int>>{{"0", 0}, {"1", 1}, {"2", 2}});
  apply(s, d::methods::TableView_append_row, "");
  CHECK(table_selection(s).size() == 3);
  apply(s, d::methods::TableView_set_data, rows(3));
  CHECK(table_selection(s).empty());
  apply(s, d::methods::TableView_select_all, "");
  apply(s, d::methods::TableView_set_rows, rows(3));
  CHECK(table_selection(s).empty());
}

TEST_CASE("state within: a refused change of the rows leaves the selection as it was") {
  auto s = d::initial_states(d::classes::TableView, "");
  apply(s, d::methods::TableView_set_data, rows(2));
  apply(s, d::methods::TableView_select_row, row(1));
  pb::RowPosition del;
  del.set_index(5);
  CHECK_THROWS_AS(d::apply_to_states(s, d::methods::TableView_delete_row, del.SerializeAsString()),
                  std::invalid_argument);
  CHECK(table_selection(s) == std::vector<std::pair<std::string, int>>{{"1", 1}});
}

TEST_CASE("state within: a tree's row colours belong to its nodes, column colours to their keys") {
  auto s = tree_view();
  const std::uint32_t row_colors = d::methods::TreeView_set_row_color.field;
  const std::uint32_t column_colors = d::methods::TreeView_set_column_color.field;
  pb::RowColor red;
  red.add_path("b");
  red.set_bg("red");
  apply(s, d::methods::TreeView_set_row_color, red.SerializeAsString());
  red.set_path(0, "gone");
  apply(s, d::methods::TreeView_set_row_color, red.SerializeAsString());  // not there: none
  CHECK(members(s, row_colors) == Paths{{"b"}});
  apply(s, d::methods::TreeView_remove_item, path_of({"b"}));
  CHECK(members(s, row_colors).empty());

  pb::ColumnColor col;
  col.set_col_key("size");
  col.set_fg("blue");
  apply(s, d::methods::TreeView_set_column_color, col.SerializeAsString());
  CHECK(members(s, column_colors) == Paths{{"size"}});
  apply(s, d::methods::TreeView_set_tree, tree_of({{"a"}}));  // columns keep theirs
  CHECK(members(s, column_colors) == Paths{{"size"}});
  pb::ColumnKey key;
  key.set_col_key("other");  // never coloured: clearing it is no error
  apply(s, d::methods::TreeView_clear_column_color, key.SerializeAsString());
  key.set_col_key("size");
  apply(s, d::methods::TreeView_clear_column_color, key.SerializeAsString());
  CHECK(members(s, column_colors).empty());
}

TEST_CASE("state within: a table row's colours move with it and go with it, set_data starts over") {
  auto s = d::initial_states(d::classes::TableView, "");
  const std::uint32_t row_colors = d::methods::TableView_set_row_color.field;
  apply(s, d::methods::TableView_set_data, rows(4));
  pb::RowIndexColor c;
  c.set_row(2);
  c.set_bg("yellow");
  apply(s, d::methods::TableView_set_row_color, c.SerializeAsString());
  c.set_row(9);  // past the end: none
  apply(s, d::methods::TableView_set_row_color, c.SerializeAsString());
  CHECK(members(s, row_colors) == Paths{{"2"}});

  pb::RowInsert ins;  // at 0: every row moves on
  apply(s, d::methods::TableView_insert_row, ins.SerializeAsString());
  REQUIRE(members(s, row_colors) == Paths{{"3"}});
  for (const d::StateValue& v : s) {
    if (v.info->field != row_colors) continue;
    pb::RowIndexColor kept;  // the message a rebuild replays: the new row, the same colour
    REQUIRE(kept.ParseFromString(v.entries.begin()->second.message));
    CHECK(kept.row() == 3);
    CHECK(kept.bg() == "yellow");
  }
  pb::RowPosition del;
  del.set_index(3);
  apply(s, d::methods::TableView_delete_row, del.SerializeAsString());
  CHECK(members(s, row_colors).empty());

  c.set_row(1);
  apply(s, d::methods::TableView_set_row_color, c.SerializeAsString());
  pb::ColumnIndexColor col;
  col.set_col_index(1);
  col.set_fg("blue");
  apply(s, d::methods::TableView_set_column_color, col.SerializeAsString());
  apply(s, d::methods::TableView_set_data, rows(4));
  CHECK(members(s, row_colors).empty());
  CHECK(members(s, d::methods::TableView_set_column_color.field) == Paths{{"1"}});
}

// ---- the shared table (tests/cases/state_within.json), which the page's widgets run too ----

namespace {

namespace json = boost::json;

json::value load_within_cases() {
  std::ifstream in(PGW_STATE_WITHIN_CASES);
  REQUIRE(in);
  std::stringstream text;
  text << in.rdbuf();
  return json::parse(text.str());
}

std::vector<std::string> keys(const json::value& path) {
  std::vector<std::string> out;
  for (const auto& k : path.as_array()) out.emplace_back(k.as_string());
  return out;
}

void put_path(google::protobuf::RepeatedPtrField<std::string>* into, const json::value& path) {
  for (const std::string& k : keys(path)) *into->Add() = k;
}

std::string tree_paths(const json::value& paths) {
  pb::TreePaths out;
  for (const auto& p : paths.as_array()) put_path(out.add_paths()->mutable_path(), p);
  return out.SerializeAsString();
}

std::string tree_items(const json::value& paths) {
  pb::TreeItems out;
  for (const auto& p : paths.as_array()) put_path(out.add_tree()->mutable_path(), p);
  return out.SerializeAsString();
}

int num(const json::value& v) { return static_cast<int>(v.as_int64()); }

// One call of a case on a TreeView's states: its method and request.
// Columns keyed `keys`, as the web test gives its widgets (a cell of a
// column not there selects nothing).
std::string columns_of(const std::vector<std::string>& keys) {
  pb::Columns cols;
  for (const std::string& k : keys) {
    auto* c = cols.add_columns();
    c->set_title(k);
    c->set_key(k);
  }
  return cols.SerializeAsString();
}

// A table's `n` columns, c0 to c<n-1>.
std::string table_columns(int n) {
  std::vector<std::string> keys;
  for (int i = 0; i < n; ++i) keys.push_back("c" + std::to_string(i));
  return columns_of(keys);
}

std::pair<const d::MethodInfo*, std::string> tree_call(const json::array& call) {
  namespace m = d::methods;
  const std::string name(call.at(0).as_string());
  if (name == "expand_all") return {&m::TreeView_expand_all, ""};
  if (name == "select_all") return {&m::TreeView_select_all, ""};
  if (name == "clear") return {&m::TreeView_clear, ""};
  if (name == "set_tree") return {&m::TreeView_set_tree, tree_items(call.at(1))};
  if (name == "set_columns") {
    std::vector<std::string> keys;
    for (const auto& k : call.at(1).as_array()) keys.emplace_back(k.as_string());
    return {&m::TreeView_set_columns, columns_of(keys)};
  }
  if (name == "update_tree") return {&m::TreeView_update_tree, tree_items(call.at(1))};
  if (name == "remove_items") return {&m::TreeView_remove_items, tree_paths(call.at(1))};
  if (name == "set_expanded") return {&m::TreeView_set_expanded, tree_paths(call.at(1))};
  if (name == "select_paths") return {&m::TreeView_select_paths, tree_paths(call.at(1))};
  if (name == "delete_tree") {
    pb::TreeDelete del;
    for (const auto& p : call.at(1).as_array()) put_path(del.add_paths()->mutable_path(), p);
    del.set_prune_empty(call.at(2).as_bool());
    return {&m::TreeView_delete_tree, del.SerializeAsString()};
  }
  if (name == "set_row_color") {
    pb::RowColor c;
    put_path(c.mutable_path(), call.at(1));
    c.set_bg(std::string(call.at(2).as_string()));
    return {&m::TreeView_set_row_color, c.SerializeAsString()};
  }
  if (name == "set_cell_color") {
    pb::CellColor c;
    put_path(c.mutable_path(), call.at(1));
    c.set_col_key(std::string(call.at(2).as_string()));
    c.set_bg(std::string(call.at(3).as_string()));
    return {&m::TreeView_set_cell_color, c.SerializeAsString()};
  }
  if (name == "clear_cell_color") {
    pb::TreeCell c;
    put_path(c.mutable_path(), call.at(1));
    c.set_col_key(std::string(call.at(2).as_string()));
    return {&m::TreeView_clear_cell_color, c.SerializeAsString()};
  }
  if (name == "select_cell" || name == "unselect_cell") {
    pb::TreeCell c;
    put_path(c.mutable_path(), call.at(1));
    c.set_col_key(std::string(call.at(2).as_string()));
    return {name == "select_cell" ? &m::TreeView_select_cell : &m::TreeView_unselect_cell, c.SerializeAsString()};
  }
  if (name == "select_cells" || name == "set_selected_cells") {
    pb::TreeCells cells;
    for (const auto& cell : call.at(1).as_array()) {
      auto* c = cells.add_cells();
      put_path(c->mutable_path(), cell.as_array().at(0));
      c->set_col_key(std::string(cell.as_array().at(1).as_string()));
    }
    return {name == "select_cells" ? &m::TreeView_select_cells : &m::TreeView_set_selected_cells, cells.SerializeAsString()};
  }
  if (name == "clear_cell_selection") return {&m::TreeView_clear_cell_selection, ""};
  pb::TreePath one;  // the calls taking one path
  put_path(one.mutable_path(), call.at(1));
  const d::MethodInfo* method = name == "add_item"        ? &m::TreeView_add_item
                                : name == "remove_item"   ? &m::TreeView_remove_item
                                : name == "expand_item"   ? &m::TreeView_expand_item
                                : name == "collapse_item" ? &m::TreeView_collapse_item
                                : name == "select_path"   ? &m::TreeView_select_path
                                                          : nullptr;
  if (method == nullptr) FAIL("the table is wrong: no TreeView call " << name);
  return {method, one.SerializeAsString()};
}

std::pair<const d::MethodInfo*, std::string> table_call(const json::array& call) {
  namespace m = d::methods;
  const std::string name(call.at(0).as_string());
  if (name == "select_all") return {&m::TableView_select_all, ""};
  if (name == "clear") return {&m::TableView_clear, ""};
  if (name == "append_row") return {&m::TableView_append_row, ""};
  if (name == "set_columns") return {&m::TableView_set_columns, table_columns(num(call.at(1)))};
  if (name == "set_data") return {&m::TableView_set_data, rows(num(call.at(1)))};
  if (name == "update_data") return {&m::TableView_update_data, rows(num(call.at(1)))};
  if (name == "select_row") return {&m::TableView_select_row, row(num(call.at(1)))};
  if (name == "unselect_row") return {&m::TableView_unselect_row, row(num(call.at(1)))};
  if (name == "select_paths") {
    pb::RowIndexes some;
    for (const auto& r : call.at(1).as_array()) some.add_items()->set_row(num(r));
    return {&m::TableView_select_paths, some.SerializeAsString()};
  }
  if (name == "insert_row") {
    pb::RowInsert ins;
    ins.set_index(num(call.at(1)));
    return {&m::TableView_insert_row, ins.SerializeAsString()};
  }
  if (name == "delete_row") {
    pb::RowPosition del;
    del.set_index(num(call.at(1)));
    return {&m::TableView_delete_row, del.SerializeAsString()};
  }
  if (name == "set_row_color") {
    pb::RowIndexColor c;
    c.set_row(num(call.at(1)));
    c.set_bg(std::string(call.at(2).as_string()));
    return {&m::TableView_set_row_color, c.SerializeAsString()};
  }
  if (name == "set_cell_color") {
    pb::RowCellColor c;
    c.set_row(num(call.at(1)));
    c.set_col_index(num(call.at(2)));
    c.set_bg(std::string(call.at(3).as_string()));
    return {&m::TableView_set_cell_color, c.SerializeAsString()};
  }
  if (name == "clear_cell_color") {
    pb::RowCell c;
    c.set_row(num(call.at(1)));
    c.set_col_index(num(call.at(2)));
    return {&m::TableView_clear_cell_color, c.SerializeAsString()};
  }
  if (name == "select_cell" || name == "unselect_cell") {
    pb::RowCell c;
    c.set_row(num(call.at(1)));
    c.set_col_index(num(call.at(2)));
    return {name == "select_cell" ? &m::TableView_select_cell : &m::TableView_unselect_cell, c.SerializeAsString()};
  }
  if (name == "select_cells" || name == "set_selected_cells") {
    pb::RowCells cells;
    for (const auto& cell : call.at(1).as_array()) {
      auto* c = cells.add_cells();
      c->set_row(num(cell.as_array().at(0)));
      c->set_col_index(num(cell.as_array().at(1)));
    }
    return {name == "select_cells" ? &m::TableView_select_cells : &m::TableView_set_selected_cells, cells.SerializeAsString()};
  }
  if (name == "clear_cell_selection") return {&m::TableView_clear_cell_selection, ""};
  FAIL("the table is wrong: no TableView call " << name);
  return {};
}

}  // namespace

TEST_CASE("state within: every tree case of the shared table, against the server's rules") {
  const auto cases = load_within_cases();
  for (const auto& entry : cases.at("tree").as_array()) {
    const auto& c = entry.as_object();
    SECTION(std::string(c.at("name").as_string())) {
      auto s = d::initial_states(d::classes::TreeView, "");
      apply(s, d::methods::TreeView_set_columns, columns_of({"name", "size"}));
      apply(s, d::methods::TreeView_set_tree, tree_items(c.at("start")));
      for (const auto& call : c.at("calls").as_array()) {
        const auto [method, args] = tree_call(call.as_array());
        apply(s, *method, args);
      }
      const std::map<std::string, std::uint32_t> fields{
          {"expanded", expanded}, {"selection", selected},
          {"row_colors", d::methods::TreeView_set_row_color.field},
          {"cell_colors", d::methods::TreeView_set_cell_color.field},
          {"cell_selection", d::methods::TreeView_select_cell.field}};
      for (const auto& [set, want_json] : c.at("expect").as_object()) {
        Paths want;
        for (const auto& p : want_json.as_array()) {
          if (set != "cell_colors" && set != "cell_selection") {
            const auto node = keys(p);
            want.emplace_back(node.begin(), node.end());
            continue;
          }
          // A cell: its node's path, then its column.
          const auto node = keys(p.as_array().at(0));
          d::StatePath cell(node.begin(), node.end());
          cell.emplace_back(p.as_array().at(1).as_string());
          want.push_back(std::move(cell));
        }
        std::sort(want.begin(), want.end());
        INFO(std::string(set));
        CHECK(members(s, fields.at(std::string(set))) == want);
      }
    }
  }
}

TEST_CASE("state within: every table case of the shared table, against the server's rules") {
  const auto cases = load_within_cases();
  for (const auto& entry : cases.at("table").as_array()) {
    const auto& c = entry.as_object();
    SECTION(std::string(c.at("name").as_string())) {
      auto s = d::initial_states(d::classes::TableView, "");
      apply(s, d::methods::TableView_set_columns, table_columns(4));
      apply(s, d::methods::TableView_set_data, rows(num(c.at("start"))));
      for (const auto& call : c.at("calls").as_array()) {
        const auto [method, args] = table_call(call.as_array());
        apply(s, *method, args);
      }
      const std::map<std::string, std::uint32_t> fields{
          {"selection", table_selected}, {"row_colors", d::methods::TableView_set_row_color.field},
          {"cell_colors", d::methods::TableView_set_cell_color.field},
          {"cell_selection", d::methods::TableView_select_cell.field}};
      for (const auto& [set, want_json] : c.at("expect").as_object()) {
        // Each member as numbers: a row, or a cell's row and column.
        std::vector<std::vector<int>> want, have;
        for (const auto& r : want_json.as_array()) {
          if (r.is_array()) want.push_back({num(r.as_array().at(0)), num(r.as_array().at(1))});
          else want.push_back({num(r)});
        }
        for (const auto& p : members(s, fields.at(std::string(set)))) {
          std::vector<int> key;
          for (const auto& k : p) key.push_back(std::stoi(k));
          have.push_back(std::move(key));
        }
        std::sort(have.begin(), have.end());
        std::sort(want.begin(), want.end());
        INFO(std::string(set));
        CHECK(have == want);
      }
    }
  }
}

TEST_CASE("state within: clear_all_colors empties every colour state and drops the table's colour, nothing else") {
  d::WidgetStore store;
  const auto id = store.add(d::classes::TreeView, "");
  namespace m = d::methods;
  const auto record = [&](const d::MethodInfo& method, const std::string& args) {
    store.record(id, method.field, method.id, args);
  };
  record(m::TreeView_set_tree, tree_of({{"a"}, {"a", "x"}}));
  record(m::TreeView_expand_item, path_of({"a"}));
  pb::RowColor row;
  row.add_path("a");
  row.set_bg("red");
  record(m::TreeView_set_row_color, row.SerializeAsString());
  pb::CellColor cell;
  cell.add_path("a");
  cell.set_col_key("size");
  cell.set_bg("blue");
  record(m::TreeView_set_cell_color, cell.SerializeAsString());
  pb::ColumnColor col;
  col.set_col_key("size");
  col.set_fg("green");
  record(m::TreeView_set_column_color, col.SerializeAsString());
  pb::TableColor table;
  table.set_bg("gray");
  record(m::TreeView_set_table_color, table.SerializeAsString());
  const pb::Flag grid;
  record(m::TreeView_set_show_grid, grid.SerializeAsString());
  REQUIRE(store.recorded(id, m::TreeView_set_table_color.field) != nullptr);

  record(m::TreeView_clear_all_colors, "");
  for (const auto* colours : {&m::TreeView_set_row_color, &m::TreeView_set_cell_color, &m::TreeView_set_column_color}) {
    INFO(colours->name);
    CHECK(store.collection(id, colours->field)->entries.empty());
  }
  CHECK(store.recorded(id, m::TreeView_set_table_color.field) == nullptr);
  // The rest stays: the tree, its expansion, another plain field.
  CHECK(store.collection(id, m::TreeView_set_tree.field)->entries.size() == 2);
  CHECK(store.collection(id, expanded)->entries.size() == 1);
  CHECK(store.recorded(id, m::TreeView_set_show_grid.field) != nullptr);
}

TEST_CASE("state within: set_colors clears first when asked, then records each colour as its setter, and a refused one changes nothing") {
  d::WidgetStore store;
  const auto id = store.add(d::classes::TreeView, "");
  namespace m = d::methods;
  store.record(id, m::TreeView_set_tree.field, m::TreeView_set_tree.id, tree_of({{"a"}, {"b"}}));
  pb::RowColor old_row;
  old_row.add_path("b");
  old_row.set_bg("red");
  store.record(id, m::TreeView_set_row_color.field, m::TreeView_set_row_color.id, old_row.SerializeAsString());
  const auto keys = [&](const d::MethodInfo& setter) {
    std::vector<d::StatePath> out;
    for (const auto& [key, e] : store.collection(id, setter.field)->entries) out.push_back(key);
    return out;
  };

  pb::ColorSpecArg call;
  auto* spec = call.mutable_spec();
  auto* cell = spec->add_cells();
  cell->add_path("a");
  cell->set_col_key("size");
  cell->set_bg("blue");
  auto* nowhere = spec->add_cells();  // a node not there: left out, as set_cell_color leaves it
  nowhere->add_path("zz");
  nowhere->set_col_key("size");
  auto* row = spec->add_rows();
  row->add_path("a");
  row->set_fg("white");
  spec->add_columns()->set_col_key("size");
  spec->add_table()->set_bg("gray");
  store.record_calls(id, m::TreeView_set_colors, call.SerializeAsString());
  // Without `clear` the row colour set before stays.
  CHECK(keys(m::TreeView_set_row_color) == Paths{{"a"}, {"b"}});
  CHECK(keys(m::TreeView_set_cell_color) == Paths{{"a", "size"}});
  CHECK(keys(m::TreeView_set_column_color) == Paths{{"size"}});
  REQUIRE(store.recorded(id, m::TreeView_set_table_color.field) != nullptr);

  // With `clear`, the spec is the whole colour state; no table colour given: none.
  spec->clear_cells();
  spec->clear_columns();
  spec->clear_table();
  spec->set_clear(true);
  store.record_calls(id, m::TreeView_set_colors, call.SerializeAsString());
  CHECK(keys(m::TreeView_set_row_color) == Paths{{"a"}});
  CHECK(keys(m::TreeView_set_cell_color).empty());
  CHECK(keys(m::TreeView_set_column_color).empty());
  CHECK(store.recorded(id, m::TreeView_set_table_color.field) == nullptr);

  // A row colour with an empty path is refused: the clear before it is
  // undone too, the table's colour (a plain record) included.
  pb::TableColor gray;
  gray.set_bg("gray");
  store.record(id, m::TreeView_set_table_color.field, m::TreeView_set_table_color.id, gray.SerializeAsString());
  spec->add_rows();
  CHECK_THROWS_WITH(store.record_calls(id, m::TreeView_set_colors, call.SerializeAsString()),
                    Catch::Contains("empty"));
  CHECK(keys(m::TreeView_set_row_color) == Paths{{"a"}});
  CHECK(store.recorded(id, m::TreeView_set_table_color.field) != nullptr);
}
