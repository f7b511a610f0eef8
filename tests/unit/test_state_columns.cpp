// Columns inserted and deleted (options.proto COLUMN_INSERT, COLUMN_DELETE):
// the shared cases of tests/cases/state_columns.json through the server's
// WidgetStore, so the states that name a column (State.column_of) and the
// sort's record follow as the page's grid does (web/test/tree_columns.test.ts
// runs the same cases), and a reload shows what the live page showed.
#include <catch2/catch.hpp>

#include <algorithm>
#include <fstream>
#include <optional>
#include <sstream>

#include <boost/json.hpp>

#include "pgwidgets/schema_info.hpp"
#include "pgwidgets/widgets/tree.pb.h"
#include "state_ops.hpp"
#include "widget_store.hpp"

namespace d = pgw::detail;
namespace m = pgw::detail::methods;
namespace pb = ::pgwidgets::widgets;
namespace json = boost::json;

namespace {

json::value load_cases() {
  std::ifstream in(PGW_STATE_COLUMNS_CASES);
  std::stringstream text;
  text << in.rdbuf();
  return json::parse(text.str());
}

// Sorted, as the cases list them.
json::array sorted(json::array a) {
  std::sort(a.begin(), a.end(), [](const json::value& x, const json::value& y) {
    return json::serialize(x) < json::serialize(y);
  });
  return a;
}

json::value value_of(const pgwidgets::Value& v) {
  if (v.kind_case() == pgwidgets::Value::kIntValue) return v.int_value();
  return nullptr;
}

json::array path_of(const google::protobuf::RepeatedPtrField<std::string>& path) {
  json::array out;
  for (const std::string& k : path) out.emplace_back(k);
  return out;
}

pb::Column column(const std::string& title, const std::string& key) {
  pb::Column c;
  c.set_title(title);
  c.set_key(key);
  return c;
}

std::string str(const json::value& v) { return std::string(v.as_string()); }
int num(const json::value& v) { return static_cast<int>(v.to_number<std::int64_t>()); }

// A widget in a WidgetStore and its calls, as a session records them.
struct View {
  d::WidgetStore store;
  pgw::WidgetId id = 0;

  explicit View(const d::ClassInfo& cls) : id(store.add(cls, "")) {}

  void call(const d::MethodInfo& method, const google::protobuf::Message& request) {
    store.record(id, method.field, method.id, request.SerializeAsString());
  }
  const d::StateValue& state(const d::MethodInfo& any_setter) const {
    const d::StateValue* v = store.collection(id, any_setter.field);
    REQUIRE(v != nullptr);
    return *v;
  }
  // Each entry's message of the state `any_setter` changes, parsed as T.
  template <class T>
  std::vector<T> entries(const d::MethodInfo& any_setter) const {
    std::vector<T> out;
    for (const auto& [key, e] : state(any_setter).entries) {
      T t;
      REQUIRE(t.ParseFromString(e.message));
      out.push_back(t);
    }
    return out;
  }
  template <class T>
  std::optional<T> record(const d::MethodInfo& setter) const {
    const std::string* r = store.recorded(id, setter.field);
    if (r == nullptr) return std::nullopt;
    T t;
    REQUIRE(t.ParseFromString(*r));
    return t;
  }
};

void table_call(View& v, const json::array& c) {
  const std::string name = str(c.at(0));
  if (name == "insert_column") {
    pb::ColumnInsertAt r;
    r.set_index(num(c.at(1)));
    *r.mutable_column() = column(str(c.at(2)), "");
    v.call(m::TableView_insert_column, r);
  } else if (name == "append_column") {
    pb::ColumnAppend r;
    *r.mutable_column() = column(str(c.at(1)), "");
    v.call(m::TableView_append_column, r);
  } else if (name == "delete_column") {
    pb::ColumnPosition r;
    r.set_index(num(c.at(1)));
    v.call(m::TableView_delete_column, r);
  } else if (name == "set_column_width") {
    pb::ColumnIndexWidth r;
    r.set_col_index(num(c.at(1)));
    r.set_width(num(c.at(2)));
    v.call(m::TableView_set_column_width, r);
  } else if (name == "set_column_editable") {
    pb::ColumnIndexEditable r;
    r.set_col_index(num(c.at(1)));
    r.set_tf(c.at(2).as_bool());
    v.call(m::TableView_set_column_editable, r);
  } else if (name == "set_column_color") {
    pb::ColumnIndexColor r;
    r.set_col_index(num(c.at(1)));
    r.set_bg(str(c.at(2)));
    v.call(m::TableView_set_column_color, r);
  } else if (name == "set_cell_color") {
    pb::RowCellColor r;
    r.set_row(num(c.at(1)));
    r.set_col_index(num(c.at(2)));
    r.set_bg(str(c.at(3)));
    v.call(m::TableView_set_cell_color, r);
  } else if (name == "select_cell") {
    pb::RowCell r;
    r.set_row(num(c.at(1)));
    r.set_col_index(num(c.at(2)));
    v.call(m::TableView_select_cell, r);
  } else if (name == "sort_by_column") {
    pb::SortIndex r;
    r.set_col_index(num(c.at(1)));
    r.set_ascending(true);
    v.call(m::TableView_sort_by_column, r);
  } else if (name == "insert_row") {
    pb::RowInsert r;
    r.set_index(num(c.at(1)));
    v.call(m::TableView_insert_row, r);
  } else {
    FAIL("the table is wrong: no TableView call " << name);
  }
}

void tree_call(View& v, const json::array& c) {
  const std::string name = str(c.at(0));
  auto path = [](const json::value& p, google::protobuf::RepeatedPtrField<std::string>* out) {
    for (const json::value& k : p.as_array()) out->Add(std::string(k.as_string()));
  };
  auto new_column = [](const json::value& key) {
    const std::string k = str(key);
    return column(k.empty() ? "(none)" : k, k);
  };
  if (name == "insert_column") {
    pb::ColumnInsertBefore r;
    *r.mutable_column() = new_column(c.at(1));
    r.set_before(str(c.at(2)));
    v.call(m::TreeView_insert_column, r);
  } else if (name == "append_column") {
    pb::ColumnAppend r;
    *r.mutable_column() = new_column(c.at(1));
    v.call(m::TreeView_append_column, r);
  } else if (name == "delete_column") {
    pb::ColumnKey r;
    r.set_col_key(str(c.at(1)));
    v.call(m::TreeView_delete_column, r);
  } else if (name == "set_column_width") {
    pb::ColumnWidth r;
    r.set_col_key(str(c.at(1)));
    r.set_width(num(c.at(2)));
    v.call(m::TreeView_set_column_width, r);
  } else if (name == "set_column_editable") {
    pb::ColumnEditable r;
    r.set_col_key(str(c.at(1)));
    r.set_tf(c.at(2).as_bool());
    v.call(m::TreeView_set_column_editable, r);
  } else if (name == "set_column_color") {
    pb::ColumnColor r;
    r.set_col_key(str(c.at(1)));
    r.set_bg(str(c.at(2)));
    v.call(m::TreeView_set_column_color, r);
  } else if (name == "set_cell_color") {
    pb::CellColor r;
    path(c.at(1), r.mutable_path());
    r.set_col_key(str(c.at(2)));
    r.set_bg(str(c.at(3)));
    v.call(m::TreeView_set_cell_color, r);
  } else if (name == "select_cell") {
    pb::TreeCell r;
    path(c.at(1), r.mutable_path());
    r.set_col_key(str(c.at(2)));
    v.call(m::TreeView_select_cell, r);
  } else if (name == "sort_by_column") {
    pb::SortOrder r;
    r.set_col_key(str(c.at(1)));
    r.set_ascending(true);
    v.call(m::TreeView_sort_by_column, r);
  } else {
    FAIL("the table is wrong: no TreeView call " << name);
  }
}

void check(const json::object& want, const char* what, const json::value& got) {
  if (!want.contains(what)) return;
  const json::value& w = want.at(what);
  INFO(what);
  CHECK(json::serialize(w.is_array() ? json::value(sorted(w.as_array())) : w) ==
        json::serialize(got.is_array() ? json::value(sorted(got.as_array())) : got));
}

}  // namespace

TEST_CASE("state columns: every table case of the shared table, through the WidgetStore") {
  const json::value cases = load_cases();
  for (const json::value& tc : cases.at("table").as_array()) {
    const json::object& c = tc.as_object();
    INFO(str(c.at("name")));
    View v(d::classes::TableView);
    pb::Columns columns;
    for (const json::value& t : c.at("columns").as_array()) *columns.add_columns() = column(str(t), "");
    v.call(m::TableView_set_columns, columns);
    pb::TableRowsData data;
    for (const json::value& r : c.at("rows").as_array()) {
      auto* row = data.add_data();
      for (const json::value& x : r.as_array()) {
        auto* cell = row->add_cells();
        if (!x.is_null()) cell->set_int_value(x.to_number<std::int64_t>());
      }
    }
    v.call(m::TableView_set_data, data);
    for (const json::value& call : c.at("calls").as_array()) table_call(v, call.as_array());

    const json::object& want = c.at("expect").as_object();
    json::array titles;
    for (std::string_view e : v.state(m::TableView_set_columns).list) {
      pb::Column col;
      REQUIRE(col.ParseFromString(std::string(e)));
      titles.emplace_back(col.title());
    }
    CHECK(json::serialize(titles) == json::serialize(want.at("columns")));
    json::array rows;
    for (std::string_view e : v.state(m::TableView_set_data).list) {
      pb::TableRow row;
      REQUIRE(row.ParseFromString(std::string(e)));
      json::array cells;
      for (const auto& x : row.cells()) cells.push_back(value_of(x));
      rows.emplace_back(std::move(cells));
    }
    CHECK(json::serialize(rows) == json::serialize(want.at("rows")));
    json::array widths, editable, column_colors, cell_colors, cell_selection;
    for (const auto& w : v.entries<pb::ColumnIndexWidth>(m::TableView_set_column_width))
      widths.emplace_back(json::array{w.col_index(), w.width()});
    for (const auto& e : v.entries<pb::ColumnIndexEditable>(m::TableView_set_column_editable))
      editable.emplace_back(json::array{e.col_index(), e.tf()});
    for (const auto& e : v.entries<pb::ColumnIndexColor>(m::TableView_set_column_color))
      column_colors.emplace_back(e.col_index());
    for (const auto& e : v.entries<pb::RowCellColor>(m::TableView_set_cell_color))
      cell_colors.emplace_back(json::array{e.row(), e.col_index()});
    for (const auto& e : v.entries<pb::RowCell>(m::TableView_select_cell))
      cell_selection.emplace_back(json::array{e.row(), e.col_index()});
    check(want, "widths", widths);
    check(want, "editable", editable);
    check(want, "column_colors", column_colors);
    check(want, "cell_colors", cell_colors);
    check(want, "cell_selection", cell_selection);
    const auto sort = v.record<pb::SortIndex>(m::TableView_sort_by_column);
    check(want, "sort", sort ? json::value(sort->col_index()) : json::value(nullptr));
  }
}

TEST_CASE("state columns: every tree case of the shared table, through the WidgetStore") {
  const json::value cases = load_cases();
  for (const json::value& tc : cases.at("tree").as_array()) {
    const json::object& c = tc.as_object();
    INFO(str(c.at("name")));
    View v(d::classes::TreeView);
    pb::Columns columns;
    for (const json::value& k : c.at("columns").as_array()) {
      *columns.add_columns() = column(str(k).empty() ? "(none)" : str(k), str(k));
    }
    v.call(m::TreeView_set_columns, columns);
    pb::TreeItems tree;
    for (const json::value& n : c.at("tree").as_array()) {
      auto* item = tree.add_tree();
      for (const json::value& k : n.as_array().at(0).as_array()) item->add_path(std::string(k.as_string()));
      for (const auto& [key, x] : n.as_array().at(1).as_object()) {
        (*item->mutable_values())[std::string(key)].set_int_value(x.to_number<std::int64_t>());
      }
    }
    v.call(m::TreeView_set_tree, tree);
    for (const json::value& call : c.at("calls").as_array()) tree_call(v, call.as_array());

    const json::object& want = c.at("expect").as_object();
    json::array keys;
    int i = 0;
    for (std::string_view e : v.state(m::TreeView_set_columns).list) {
      pb::Column col;
      REQUIRE(col.ParseFromString(std::string(e)));
      keys.emplace_back(col.key().empty() ? "_col" + std::to_string(i) : col.key());
      ++i;
    }
    CHECK(json::serialize(keys) == json::serialize(want.at("columns")));
    json::array values;
    for (const auto& item : v.entries<pb::TreeItem>(m::TreeView_set_tree)) {
      json::object vals;
      for (const auto& [key, x] : item.values()) vals[key] = value_of(x);
      values.emplace_back(json::array{path_of(item.path()), vals});
    }
    // (json::value compares objects whatever their keys' order: a map's order is protobuf's)
    INFO("values " << json::serialize(values));
    CHECK(json::value(values) == want.at("values"));
    json::array widths, editable, column_colors, cell_colors, cell_selection;
    for (const auto& w : v.entries<pb::ColumnWidth>(m::TreeView_set_column_width))
      widths.emplace_back(json::array{json::value(w.col_key()), w.width()});
    for (const auto& e : v.entries<pb::ColumnEditable>(m::TreeView_set_column_editable))
      editable.emplace_back(json::array{json::value(e.col_key()), e.tf()});
    for (const auto& e : v.entries<pb::ColumnColor>(m::TreeView_set_column_color)) column_colors.emplace_back(e.col_key());
    for (const auto& e : v.entries<pb::CellColor>(m::TreeView_set_cell_color))
      cell_colors.emplace_back(json::array{path_of(e.path()), json::value(e.col_key())});
    for (const auto& e : v.entries<pb::TreeCell>(m::TreeView_select_cell))
      cell_selection.emplace_back(json::array{path_of(e.path()), json::value(e.col_key())});
    check(want, "widths", widths);
    check(want, "editable", editable);
    check(want, "column_colors", column_colors);
    check(want, "cell_colors", cell_colors);
    check(want, "cell_selection", cell_selection);
    const auto sort = v.record<pb::SortOrder>(m::TreeView_sort_by_column);
    check(want, "sort", sort ? json::value(sort->col_key()) : json::value(nullptr));
  }
}

TEST_CASE("state columns: a refused column op changes nothing") {
  View table(d::classes::TableView);
  pb::Columns columns;
  *columns.add_columns() = column("a", "");
  table.call(m::TableView_set_columns, columns);
  pb::ColumnInsertAt far;
  far.set_index(2);
  CHECK_THROWS_WITH(table.call(m::TableView_insert_column, far), Catch::Contains("out of range"));
  pb::ColumnPosition gone;
  gone.set_index(1);
  CHECK_THROWS_WITH(table.call(m::TableView_delete_column, gone), Catch::Contains("out of range"));
  CHECK(table.state(m::TableView_set_columns).list.size() == 1);

  View tree(d::classes::TreeView);
  *columns.add_columns() = column("b", "");  // no keys: "_col0", "_col1"
  tree.call(m::TreeView_set_columns, columns);
  pb::ColumnKey nope;
  nope.set_col_key("nope");
  CHECK_THROWS_WITH(tree.call(m::TreeView_delete_column, nope), Catch::Contains("column \"nope\" is not there"));
  // Refused: the keys were not written in either.
  for (std::string_view e : tree.state(m::TreeView_set_columns).list) {
    pb::Column col;
    REQUIRE(col.ParseFromString(std::string(e)));
    CHECK(col.key().empty());
  }
}
