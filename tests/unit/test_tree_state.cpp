// The bulk collection ops TreeView and TableView use (options.proto ASSIGN,
// PUT_ALL, REMOVE_ALL, SET_CELL, ALL_PARENTS, ALL_NODES), through the schema's own
// method tables: what each keeps, and that a refused call changes nothing.
#include <catch2/catch.hpp>

#include <algorithm>
#include <stdexcept>

#include "pgwidgets/schema_info.hpp"
#include "pgwidgets/widgets/tree.pb.h"
#include "state_ops.hpp"

namespace d = pgw::detail;
namespace pb = ::pgwidgets::widgets;

namespace {

void item(pb::TreeItems& items, std::initializer_list<const char*> path, const char* col = nullptr, int value = 0) {
  auto* it = items.add_tree();
  for (const char* k : path) it->add_path(k);
  if (col) (*it->mutable_values())[col].set_int_value(value);
}

std::string tree_of(std::initializer_list<std::initializer_list<const char*>> paths) {
  pb::TreeItems items;
  for (auto p : paths) item(items, p);
  return items.SerializeAsString();
}

d::StateValue tree_state() {
  d::StateValue v;
  v.info = d::find_state(d::classes::TreeView, d::methods::TreeView_set_tree.field);
  return v;
}

std::vector<d::StatePath> paths(const d::StateValue& v) {
  std::vector<d::StatePath> out;
  for (const auto& [p, e] : v.entries) out.push_back(p);
  return out;
}

pb::TreeItem node(const d::StateValue& v, const d::StatePath& p) {
  pb::TreeItem out;
  REQUIRE(out.ParseFromString(v.entries.at(p).message));
  return out;
}

}  // namespace

TEST_CASE("tree state: ASSIGN makes the whole tree, parents first, and a refused one changes nothing") {
  auto v = tree_state();
  d::apply_state_op(v, d::methods::TreeView_set_tree, tree_of({{"a"}, {"a", "x"}, {"b"}}));
  CHECK(paths(v) == std::vector<d::StatePath>{{"a"}, {"a", "x"}, {"b"}});
  d::apply_state_op(v, d::methods::TreeView_update_tree, tree_of({{"b"}, {"b", "y"}}));
  CHECK(paths(v) == std::vector<d::StatePath>{{"b"}, {"b", "y"}});
  CHECK_THROWS_WITH(d::apply_state_op(v, d::methods::TreeView_set_tree, tree_of({{"c", "z"}, {"c"}})),
                    Catch::Contains("no parent"));
  CHECK_THROWS_WITH(d::apply_state_op(v, d::methods::TreeView_set_tree, tree_of({{"c"}, {"c"}})),
                    Catch::Contains("given twice"));
  CHECK(paths(v) == std::vector<d::StatePath>{{"b"}, {"b", "y"}});
}

TEST_CASE("tree state: PUT_ALL adds or replaces each node, REMOVE_ALL takes subtrees and refuses one not there") {
  auto v = tree_state();
  d::apply_state_op(v, d::methods::TreeView_set_tree, tree_of({{"a"}, {"a", "x"}, {"b"}}));
  pb::TreeItems more;
  item(more, {"a", "x"}, "size", 5);
  item(more, {"c"});
  item(more, {"c", "z"});
  d::apply_state_op(v, d::methods::TreeView_add_tree, more.SerializeAsString());
  CHECK(paths(v) == std::vector<d::StatePath>{{"a"}, {"a", "x"}, {"b"}, {"c"}, {"c", "z"}});
  CHECK(node(v, {"a", "x"}).values().at("size").int_value() == 5);
  pb::TreePaths gone;
  gone.add_paths()->add_path("c");
  auto* under = gone.add_paths();  // a descendant of one removed in the same call
  under->add_path("c");
  under->add_path("z");
  gone.add_paths()->add_path("b");
  d::apply_state_op(v, d::methods::TreeView_remove_items, gone.SerializeAsString());
  CHECK(paths(v) == std::vector<d::StatePath>{{"a"}, {"a", "x"}});
  pb::TreePaths missing;
  missing.add_paths()->add_path("a");
  missing.add_paths()->add_path("nope");
  CHECK_THROWS_WITH(d::apply_state_op(v, d::methods::TreeView_remove_items, missing.SerializeAsString()),
                    Catch::Contains("not there"));
  CHECK(paths(v) == std::vector<d::StatePath>{{"a"}, {"a", "x"}});
}

TEST_CASE("tree state: PUT_ALL changes the tree in place, and a refused one changes nothing") {
  auto v = tree_state();
  d::apply_state_op(v, d::methods::TreeView_set_tree, tree_of({{"a"}, {"a", "x"}, {"b"}}));
  const d::StateValue::Entry* untouched = &v.entries.at({"a", "x"});
  pb::TreeItems more;
  item(more, {"b"}, "size", 7);
  item(more, {"c"});
  item(more, {"c", "z"});  // its parent comes earlier in the same call
  d::apply_state_op(v, d::methods::TreeView_add_tree, more.SerializeAsString());
  // The same node, not a copy: adding to a large tree must not copy it.
  CHECK(&v.entries.at({"a", "x"}) == untouched);
  CHECK(paths(v) == std::vector<d::StatePath>{{"a"}, {"a", "x"}, {"b"}, {"c"}, {"c", "z"}});
  CHECK(node(v, {"b"}).values().at("size").int_value() == 7);
  // Refused by its last item: neither the replacement nor the addition before it is made.
  pb::TreeItems bad;
  item(bad, {"a"}, "size", 9);
  item(bad, {"d"});
  item(bad, {"e", "q"});
  CHECK_THROWS_WITH(d::apply_state_op(v, d::methods::TreeView_add_tree, bad.SerializeAsString()),
                    Catch::Contains("node [e/q] has no parent [e]"));
  // A parent given after its child does not count.
  CHECK_THROWS_WITH(d::apply_state_op(v, d::methods::TreeView_add_tree, tree_of({{"f", "r"}, {"f"}})),
                    Catch::Contains("no parent"));
  CHECK(paths(v) == std::vector<d::StatePath>{{"a"}, {"a", "x"}, {"b"}, {"c"}, {"c", "z"}});
  CHECK(node(v, {"a"}).values().empty());
  CHECK(&v.entries.at({"a", "x"}) == untouched);
}

TEST_CASE("tree state: SET_CELL changes one value of a node, the others stay") {
  auto v = tree_state();
  pb::TreeItems items;
  item(items, {"a"}, "size", 1);
  (*items.mutable_tree(0)->mutable_values())["name"].set_string_value("first");
  d::apply_state_op(v, d::methods::TreeView_set_tree, items.SerializeAsString());
  pb::CellValue cell;
  cell.add_path("a");
  cell.set_col_key("size");
  cell.mutable_value()->set_int_value(42);
  d::apply_state_op(v, d::methods::TreeView_set_cell, cell.SerializeAsString());
  d::apply_state_op(v, d::methods::TreeView_set_cell, cell.SerializeAsString());
  const auto a = node(v, {"a"});
  CHECK(a.values().size() == 2);
  CHECK(a.values().at("size").int_value() == 42);
  CHECK(a.values().at("name").string_value() == "first");
  cell.set_path(0, "nope");
  CHECK_THROWS_WITH(d::apply_state_op(v, d::methods::TreeView_set_cell, cell.SerializeAsString()),
                    Catch::Contains("not in the tree"));
}

TEST_CASE("table state: ASSIGN sets the rows, SET_CELL replaces one cell and refuses one out of range") {
  d::StateValue v;
  v.info = d::find_state(d::classes::TableView, d::methods::TableView_set_data.field);
  pb::TableRowsData data;
  for (int r = 0; r < 3; ++r) {
    auto* row = data.add_data();
    for (int c = 0; c < 2; ++c) row->add_cells()->set_int_value(r * 10 + c);
  }
  d::apply_state_op(v, d::methods::TableView_set_data, data.SerializeAsString());
  REQUIRE(v.list.size() == 3);
  pb::RowCellValue cell;
  cell.set_row(1);
  cell.set_col_index(1);
  cell.mutable_value()->set_string_value("x");
  d::apply_state_op(v, d::methods::TableView_set_cell, cell.SerializeAsString());
  pb::TableRow row;
  REQUIRE(row.ParseFromString(std::string(v.list[1].bytes())));
  REQUIRE(row.cells_size() == 2);
  CHECK(row.cells(0).int_value() == 10);
  CHECK(row.cells(1).string_value() == "x");
  cell.set_col_index(2);
  CHECK_THROWS_WITH(d::apply_state_op(v, d::methods::TableView_set_cell, cell.SerializeAsString()),
                    Catch::Contains("out of range"));
  cell.set_col_index(0);
  cell.set_row(3);
  CHECK_THROWS_WITH(d::apply_state_op(v, d::methods::TableView_set_cell, cell.SerializeAsString()),
                    Catch::Contains("out of range"));
}

TEST_CASE("table state: an ASSIGN's rows share one copy of its request until fewer than half of them are left") {
  d::StateValue v;
  v.info = d::find_state(d::classes::TableView, d::methods::TableView_set_data.field);
  pb::TableRowsData data;
  for (int r = 0; r < 6; ++r) data.add_data()->add_cells()->set_string_value("row " + std::to_string(r) + " of six");
  const std::string request = data.SerializeAsString();
  d::apply_state_op(v, d::methods::TableView_set_data, request);
  REQUIRE(v.assigned != nullptr);
  CHECK(*v.assigned == request);
  auto shared = [&] {
    return std::count_if(v.list.begin(), v.list.end(), [&](const d::ListElement& e) { return e.slices(v.assigned); });
  };
  auto texts = [&] {
    std::vector<std::string> out;
    for (std::string_view e : v.list) {
      pb::TableRow row;
      REQUIRE(row.ParseFromString(std::string(e)));
      out.push_back(row.cells(0).string_value());
    }
    return out;
  };
  CHECK(shared() == 6);
  // A changed row has bytes of its own; the others still share.
  pb::RowCellValue cell;
  cell.set_row(2);
  cell.mutable_value()->set_string_value("changed");
  d::apply_state_op(v, d::methods::TableView_set_cell, cell.SerializeAsString());
  CHECK(shared() == 5);
  pb::RowPosition first;
  d::apply_state_op(v, d::methods::TableView_delete_row, first.SerializeAsString());
  d::apply_state_op(v, d::methods::TableView_delete_row, first.SerializeAsString());
  // 3 of the 6 are left sharing: half, so the request stays.
  REQUIRE(v.assigned != nullptr);
  CHECK(shared() == 3);
  CHECK(texts() == std::vector<std::string>{"changed", "row 3 of six", "row 4 of six", "row 5 of six"});
  d::apply_state_op(v, d::methods::TableView_delete_row, first.SerializeAsString());  // the changed row
  CHECK(v.assigned != nullptr);
  d::apply_state_op(v, d::methods::TableView_delete_row, first.SerializeAsString());
  // Fewer than half: the rows left get their own bytes and the request goes.
  CHECK(v.assigned == nullptr);
  CHECK(texts() == std::vector<std::string>{"row 4 of six", "row 5 of six"});
  // A new ASSIGN shares its own request.
  d::apply_state_op(v, d::methods::TableView_update_data, request);
  REQUIRE(v.assigned != nullptr);
  CHECK(shared() == 6);
  d::apply_state_op(v, d::methods::TableView_clear, "");
  CHECK(v.assigned == nullptr);
}

TEST_CASE("tree state: ALL_PARENTS expands exactly the nodes with children") {
  auto tree = tree_state();
  d::apply_state_op(tree, d::methods::TreeView_set_tree, tree_of({{"a"}, {"a", "x"}, {"a", "x", "1"}, {"b"}, {"c"}, {"c", "z"}}));
  d::StateValue expanded;
  expanded.info = d::find_state(d::classes::TreeView, d::methods::TreeView_expand_item.field);
  d::apply_all_parents(expanded, tree, d::methods::TreeView_expand_all);
  CHECK(paths(expanded) == std::vector<d::StatePath>{{"a"}, {"a", "x"}, {"c"}});
  pb::TreePath member;
  REQUIRE(member.ParseFromString(expanded.entries.at({"a", "x"}).message));
  CHECK(member.path_size() == 2);
}

TEST_CASE("tree state: ALL_NODES selects every node, and PUT_ALL adds keys to a set, each once") {
  auto tree = tree_state();
  d::apply_state_op(tree, d::methods::TreeView_set_tree, tree_of({{"a"}, {"a", "x"}, {"a", "x", "1"}, {"b"}, {"c"}, {"c", "z"}}));
  d::StateValue selection;
  selection.info = d::find_state(d::classes::TreeView, d::methods::TreeView_select_path.field);
  REQUIRE(selection.info->field == d::methods::TreeView_select_all.field);
  d::apply_all_parents(selection, tree, d::methods::TreeView_select_all);
  CHECK(paths(selection) == paths(tree));
  pb::TreePath member;
  REQUIRE(member.ParseFromString(selection.entries.at({"a", "x", "1"}).message));
  CHECK(member.path_size() == 3);

  d::apply_state_op(selection, d::methods::TreeView_clear_selection, "");
  pb::TreePaths some;
  some.add_paths()->add_path("b");
  auto* ax = some.add_paths();
  ax->add_path("a");
  ax->add_path("x");
  some.add_paths()->add_path("b");
  d::apply_state_op(selection, d::methods::TreeView_select_paths, some.SerializeAsString());
  CHECK(paths(selection) == std::vector<d::StatePath>{{"a", "x"}, {"b"}});
  pb::TreePaths more;
  more.add_paths()->add_path("c");
  d::apply_state_op(selection, d::methods::TreeView_select_paths, more.SerializeAsString());
  CHECK(paths(selection) == std::vector<d::StatePath>{{"a", "x"}, {"b"}, {"c"}});
  // A set's PUT_ALL is no tree's: no parent is needed.
  pb::TreePaths orphan;
  auto* o = orphan.add_paths();
  o->add_path("q");
  o->add_path("r");
  d::apply_state_op(selection, d::methods::TreeView_select_paths, orphan.SerializeAsString());
  CHECK(selection.entries.contains({"q", "r"}));
}

TEST_CASE("tree state: PARENTS_NOT_IN answers the parents not in the set (get_collapsed)") {
  auto tree = tree_state();
  d::apply_state_op(tree, d::methods::TreeView_set_tree, tree_of({{"a"}, {"a", "x"}, {"a", "x", "1"}, {"b"}, {"c"}, {"c", "z"}}));
  d::StateValue expanded;
  expanded.info = d::find_state(d::classes::TreeView, d::methods::TreeView_expand_item.field);
  REQUIRE(expanded.info->field == d::methods::TreeView_get_collapsed.field);
  const auto& key = d::methods::TreeView_expand_item;  // the set's snapshot: its key field
  REQUIRE(expanded.info->snapshot_method == key.id);
  auto collapsed = [&] {
    pb::TreePaths out;
    REQUIRE(out.ParseFromString(d::answer_parents_not_in(expanded, tree, d::methods::TreeView_get_collapsed, key.index_field)));
    std::vector<d::StatePath> paths;
    for (const auto& p : out.paths()) paths.emplace_back(p.path().begin(), p.path().end());
    return paths;
  };
  // Nothing expanded: every node with a child (b has none).
  CHECK(collapsed() == std::vector<d::StatePath>{{"a"}, {"a", "x"}, {"c"}});
  pb::TreePath a;
  a.add_path("a");
  d::apply_state_op(expanded, key, a.SerializeAsString());
  CHECK(collapsed() == std::vector<d::StatePath>{{"a", "x"}, {"c"}});
  d::apply_all_parents(expanded, tree, d::methods::TreeView_expand_all);
  CHECK(collapsed().empty());
}

TEST_CASE("tree state: SUBTREE answers the nodes picked with their descendants and ancestors, in the tree's order (get_subtree)") {
  auto tree = tree_state();
  // Added out of path order: the answer keeps the tree's (insertion) order.
  d::apply_state_op(tree, d::methods::TreeView_set_tree,
                    tree_of({{"b"}, {"b", "m"}, {"a"}, {"a", "y"}, {"a", "x"}, {"a", "x", "1"}, {"c"}, {"c", "z"}, {"d"}}));
  d::StateValue selection;
  selection.info = d::find_state(d::classes::TreeView, d::methods::TreeView_select_path.field);
  d::StateValue expanded;
  expanded.info = d::find_state(d::classes::TreeView, d::methods::TreeView_expand_item.field);
  REQUIRE(selection.info->field == d::methods::TreeView_select_path.field);
  REQUIRE(expanded.info->field == d::methods::TreeView_expand_item.field);
  auto state_of = [&](std::uint32_t id) -> const d::StateValue* {
    if (id == selection.info->field) return &selection;
    if (id == expanded.info->field) return &expanded;
    return nullptr;
  };
  auto answer = [&](const d::MethodInfo& g, const std::string& request) {
    const std::string bytes = d::answer_subtree(tree, g, request, state_of);
    pb::TreeItems out;
    REQUIRE(out.ParseFromString(bytes));
    std::vector<d::StatePath> paths;
    for (const auto& item : out.tree()) paths.emplace_back(item.path().begin(), item.path().end());
    return paths;
  };
  auto status = [&](const char* s) {
    pb::SubtreeStatus req;
    req.set_status(s);
    return answer(d::methods::TreeView_get_subtree, req.SerializeAsString());
  };
  auto at = [&](std::initializer_list<const char*> path) {
    pb::TreePath req;
    for (const char* k : path) req.add_path(k);
    return answer(d::methods::TreeView_get_subtree_at, req.SerializeAsString());
  };
  auto add = [&](d::StateValue& set, const d::MethodInfo& m, std::initializer_list<const char*> path) {
    pb::TreePath req;
    for (const char* k : path) req.add_path(k);
    d::apply_state_op(set, m, req.SerializeAsString());
  };
  CHECK(status("all") == std::vector<d::StatePath>{{"b"}, {"b", "m"}, {"a"}, {"a", "y"}, {"a", "x"}, {"a", "x", "1"}, {"c"}, {"c", "z"}, {"d"}});
  // Nothing selected, nothing expanded: every parent is collapsed (d, a leaf, is not).
  CHECK(status("selected").empty());
  CHECK(status("expanded").empty());
  CHECK(status("collapsed") == std::vector<d::StatePath>{{"b"}, {"b", "m"}, {"a"}, {"a", "y"}, {"a", "x"}, {"a", "x", "1"}, {"c"}, {"c", "z"}});
  // A selected leaf brings its ancestors; a selected parent its descendants.
  add(selection, d::methods::TreeView_select_path, {"a", "x", "1"});
  CHECK(status("selected") == std::vector<d::StatePath>{{"a"}, {"a", "x"}, {"a", "x", "1"}});
  add(selection, d::methods::TreeView_select_path, {"c"});
  add(selection, d::methods::TreeView_select_path, {"a", "x"});
  CHECK(status("selected") == std::vector<d::StatePath>{{"a"}, {"a", "x"}, {"a", "x", "1"}, {"c"}, {"c", "z"}});
  // Expanded: a; collapsed: the parents not expanded (b, a/x, c) and what is under them.
  add(expanded, d::methods::TreeView_expand_item, {"a"});
  CHECK(status("expanded") == std::vector<d::StatePath>{{"a"}, {"a", "y"}, {"a", "x"}, {"a", "x", "1"}});
  CHECK(status("collapsed") == std::vector<d::StatePath>{{"b"}, {"b", "m"}, {"a"}, {"a", "x"}, {"a", "x", "1"}, {"c"}, {"c", "z"}});
  // By path: the node, its descendants, its ancestors; a leaf at the top alone.
  CHECK(at({"a", "x"}) == std::vector<d::StatePath>{{"a"}, {"a", "x"}, {"a", "x", "1"}});
  CHECK(at({"d"}) == std::vector<d::StatePath>{{"d"}});
  // A path not there and a status not known are errors that say so.
  CHECK_THROWS_WITH(at({"a", "q"}), Catch::Contains("TreeView.get_subtree_at: node [a/q] is not in the tree"));
  CHECK_THROWS_WITH(status("chosen"), Catch::Contains("unknown status \"chosen\""));
  CHECK_THROWS_WITH(status(""), Catch::Contains("\"all\", \"selected\", \"expanded\", \"collapsed\""));
}

TEST_CASE("tree state: DELETE_ALL removes subtrees, skips a path not there, and prunes emptied ancestors when asked") {
  auto tree = tree_state();
  d::apply_state_op(tree, d::methods::TreeView_set_tree,
                    tree_of({{"a"}, {"a", "x"}, {"a", "x", "1"}, {"a", "y"}, {"b"}, {"c"}, {"c", "z"}, {"d"}, {"d", "w"}, {"d", "w", "2"}}));
  auto del = [&](std::initializer_list<std::initializer_list<const char*>> ps, bool prune) {
    pb::TreeDelete req;
    for (auto p : ps) {
      auto* tp = req.add_paths();
      for (const char* k : p) tp->add_path(k);
    }
    req.set_prune_empty(prune);
    d::apply_state_op(tree, d::methods::TreeView_delete_tree, req.SerializeAsString());
  };
  // Without pruning, c stays though empty; the missing path is skipped.
  del({{"c", "z"}, {"q"}, {"a", "x", "9"}}, false);
  CHECK(paths(tree) == std::vector<d::StatePath>{{"a"}, {"a", "x"}, {"a", "x", "1"}, {"a", "y"}, {"b"}, {"c"}, {"d"}, {"d", "w"}, {"d", "w", "2"}});
  // Pruning: a/x goes with its last child, but a keeps a/y.
  del({{"a", "x", "1"}}, true);
  CHECK(paths(tree) == std::vector<d::StatePath>{{"a"}, {"a", "y"}, {"b"}, {"c"}, {"d"}, {"d", "w"}, {"d", "w", "2"}});
  // Pruning climbs: d/w/2 takes d/w and d.
  del({{"d", "w", "2"}}, true);
  CHECK(paths(tree) == std::vector<d::StatePath>{{"a"}, {"a", "y"}, {"b"}, {"c"}});
  // A top-level node has no ancestor to prune.
  del({{"b"}}, true);
  CHECK(paths(tree) == std::vector<d::StatePath>{{"a"}, {"a", "y"}, {"c"}});
}

TEST_CASE("table state: ALL_NODES of the rows selects every position, select_paths adds rows, unselect_row takes one out") {
  d::StateValue rows;
  rows.info = d::find_state(d::classes::TableView, d::methods::TableView_set_data.field);
  pb::TableRowsData data;
  for (int r = 0; r < 12; ++r) data.add_data()->add_cells()->set_int_value(r);
  d::apply_state_op(rows, d::methods::TableView_set_data, data.SerializeAsString());
  d::StateValue selection;
  selection.info = d::find_state(d::classes::TableView, d::methods::TableView_select_row.field);
  REQUIRE(selection.info->field == d::methods::TableView_select_all.field);
  d::apply_all_parents(selection, rows, d::methods::TableView_select_all);
  REQUIRE(selection.entries.size() == 12);
  for (int r = 0; r < 12; ++r) {
    // Each member is the message select_row would have kept: its row as the key.
    const auto& e = selection.entries.at({std::to_string(r)});
    pb::RowIndex member;
    REQUIRE(member.ParseFromString(e.message));
    CHECK(member.row() == r);
  }
  // A rebuild replays the members as select_row calls, in the order they came.
  std::vector<std::uint64_t> order;
  for (int r = 0; r < 12; ++r) order.push_back(selection.entries.at({std::to_string(r)}).order);
  CHECK(std::is_sorted(order.begin(), order.end()));

  pb::RowIndex one;
  one.set_row(10);
  d::apply_state_op(selection, d::methods::TableView_unselect_row, one.SerializeAsString());
  CHECK(selection.entries.size() == 11);
  CHECK_FALSE(selection.entries.contains({"10"}));

  d::apply_state_op(selection, d::methods::TableView_clear_selection, "");
  pb::RowIndexes some;
  some.add_items()->set_row(0);  // row 0: the key left off the wire
  some.add_items()->set_row(7);
  d::apply_state_op(selection, d::methods::TableView_select_paths, some.SerializeAsString());
  CHECK(paths(selection) == std::vector<d::StatePath>{{"0"}, {"7"}});
  pb::RowIndexes more;
  more.add_items()->set_row(7);
  more.add_items()->set_row(3);
  d::apply_state_op(selection, d::methods::TableView_select_paths, more.SerializeAsString());
  CHECK(paths(selection) == std::vector<d::StatePath>{{"0"}, {"3"}, {"7"}});

  // An empty table: select_all selects nothing.
  d::apply_state_op(rows, d::methods::TableView_clear, "");
  d::apply_all_parents(selection, rows, d::methods::TableView_select_all);
  CHECK(selection.entries.empty());
}

// protobuf leaves a singular key's zero (0, "") off the wire: the server must
// read that absence as the key 0 or "", while an empty path stays refused.
TEST_CASE("table state: column 0 is a key (col_index 0 is left off the wire)") {
  d::StateValue widths;
  widths.info = d::find_state(d::classes::TableView, d::methods::TableView_set_column_width.field);
  REQUIRE(widths.info->field == d::methods::TableView_set_column_width.field);
  pb::ColumnIndexWidth w;
  w.set_col_index(0);
  w.set_width(80);
  REQUIRE(w.SerializeAsString().find('\x08') == std::string::npos);  // no col_index field at all
  d::apply_state_op(widths, d::methods::TableView_set_column_width, w.SerializeAsString());
  w.set_col_index(1);
  w.set_width(50);
  d::apply_state_op(widths, d::methods::TableView_set_column_width, w.SerializeAsString());
  w.set_col_index(0);
  w.set_width(90);
  d::apply_state_op(widths, d::methods::TableView_set_column_width, w.SerializeAsString());
  CHECK(paths(widths) == std::vector<d::StatePath>{{"0"}, {"1"}});
  pb::ColumnIndexWidth kept;
  REQUIRE(kept.ParseFromString(widths.entries.at({"0"}).message));
  CHECK(kept.width() == 90);

  d::StateValue editable;
  editable.info = d::find_state(d::classes::TableView, d::methods::TableView_set_column_editable.field);
  REQUIRE(editable.info->field == d::methods::TableView_set_column_editable.field);
  pb::ColumnIndexEditable e;
  e.set_col_index(0);
  e.set_tf(true);
  d::apply_state_op(editable, d::methods::TableView_set_column_editable, e.SerializeAsString());
  CHECK(paths(editable) == std::vector<d::StatePath>{{"0"}});

  // A scalar key given twice: protobuf reads the last one.
  std::string twice = e.SerializeAsString();
  e.set_col_index(3);
  twice += e.SerializeAsString();
  d::apply_state_op(editable, d::methods::TableView_set_column_editable, twice);
  CHECK(paths(editable) == std::vector<d::StatePath>{{"0"}, {"3"}});
}

TEST_CASE("tree state: column key \"\" is a key, an empty path is still refused") {
  d::StateValue widths;
  widths.info = d::find_state(d::classes::TreeView, d::methods::TreeView_set_column_width.field);
  REQUIRE(widths.info->field == d::methods::TreeView_set_column_width.field);
  pb::ColumnWidth w;
  w.set_width(70);
  d::apply_state_op(widths, d::methods::TreeView_set_column_width, w.SerializeAsString());
  CHECK(paths(widths) == std::vector<d::StatePath>{{""}});
  auto v = tree_state();
  CHECK_THROWS_WITH(d::apply_state_op(v, d::methods::TreeView_add_item, pb::TreeItem().SerializeAsString()),
                    Catch::Contains("the path is empty"));
  CHECK(paths(v).empty());

  // A cell of column "": set, then replaced (the map entry's "" key is left off too).
  pb::TreeItems items;
  item(items, {"a"}, "size", 1);
  d::apply_state_op(v, d::methods::TreeView_set_tree, items.SerializeAsString());
  pb::CellValue cell;
  cell.add_path("a");
  cell.mutable_value()->set_int_value(5);
  d::apply_state_op(v, d::methods::TreeView_set_cell, cell.SerializeAsString());
  cell.mutable_value()->set_int_value(6);
  d::apply_state_op(v, d::methods::TreeView_set_cell, cell.SerializeAsString());
  const auto a = node(v, {"a"});
  CHECK(a.values().size() == 2);
  CHECK(a.values().at("").int_value() == 6);
  CHECK(a.values().at("size").int_value() == 1);
}
