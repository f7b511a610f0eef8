// The rules of collection state (runtime/src/state_ops.*), from the one
// table both ends run (tests/cases/state_ops.json; web/ runs its combo
// cases against the ComboBox): the combo cases through the server's store
// with the schema's own ComboBox tables, the generic list, tree and set
// cases against the reducer with tables made here (a test schema of one
// field per kind), so trees and sets are checked before a widget uses them.
#include <catch2/catch.hpp>

#include <fstream>
#include <map>
#include <sstream>

#include <boost/json.hpp>

#include "pgwidgets/schema_info.hpp"
#include "pgwidgets/widgets/containers.pb.h"
#include "pgwidgets/widgets/controls.pb.h"
#include "state_ops.hpp"
#include "widget_store.hpp"
#include "wire_writer.hpp"

namespace json = boost::json;
namespace d = pgw::detail;

namespace {

json::value load_cases() {
  std::ifstream in(PGW_STATE_OPS_CASES);
  REQUIRE(in);
  std::stringstream text;
  text << in.rdbuf();
  return json::parse(text.str());
}

// --- wire helpers: the messages of the test schema -------------------------------
// message Op { int32 index = 1; int32 to = 2; string value = 3; repeated string path = 4; string key = 5; }

using pgw::test::int_field;
using pgw::test::string_field;
using pgw::test::varint;

std::string value_of(std::string_view message) {
  // The element's field 3 (value), as the snapshot sends it.
  const d::StatePath v = d::state_key(message, 3);
  return v.empty() ? "" : v.back();
}

std::string str(const json::value& v) { return std::string(v.as_string()); }

// The test schema's tables: one state field per kind, and a method per op.
constexpr std::uint32_t kField = 77;
constexpr d::StateInfo kList{kField, d::StateKind::list, 1, 0, 0, false, false};
constexpr d::StateInfo kTree{kField, d::StateKind::tree, 1, 0, 0, false, false};
constexpr d::StateInfo kSet{kField, d::StateKind::set, 1, 0, 0, false, false};

d::MethodInfo method(d::StateOp op, std::uint16_t index_field) {
  return d::MethodInfo{1, 1, "T", "op", d::MethodKind::setter, kField, false, false, false, index_field, op, 2};
}

std::string element(std::string_view value) {
  std::string out;
  string_field(out, 3, value);
  return out;
}

std::string path_message(const json::array& path, std::string_view value = {}) {
  std::string out;
  for (const auto& k : path) string_field(out, 4, k.as_string(), true);
  string_field(out, 3, value);
  return out;
}

std::vector<std::string> list_values(const d::StateValue& v) {
  std::vector<std::string> out;
  d::for_each_element(v, [&](std::string_view e) { out.push_back(value_of(e)); });
  return out;
}

std::vector<std::pair<d::StatePath, std::string>> tree_nodes(const d::StateValue& v) {
  std::vector<std::pair<d::StatePath, std::string>> out;
  d::for_each_element(v, [&](std::string_view e) { out.emplace_back(d::state_key(e, 4), value_of(e)); });
  return out;
}

std::vector<std::string> set_keys(const d::StateValue& v) {
  std::vector<std::string> out;
  d::for_each_element(v, [&](std::string_view e) {
    const auto k = d::state_key(e, 5);
    out.push_back(k.empty() ? "" : k.front());
  });
  return out;
}

// Runs `apply`; checks the error a case names (the value unchanged), or none.
template <class Apply, class Read>
void check_case(const json::object& c, d::StateValue& v, Apply apply, Read read) {
  const auto before = read(v);
  if (c.contains("error")) {
    try {
      apply();
      FAIL("no error; expected one with \"" << str(c.at("error")) << "\"");
    } catch (const std::invalid_argument& e) {
      CHECK_THAT(e.what(), Catch::Contains(str(c.at("error"))));
    }
    CHECK(read(v) == before);
  } else {
    apply();
  }
}

std::vector<std::string> combo_items(const d::WidgetStore& store, pgw::WidgetId id) {
  std::vector<std::string> out;
  const d::StateValue* v = store.collection(id, d::fields::items);
  REQUIRE(v != nullptr);
  d::for_each_element(*v, [&](std::string_view e) {
    pgwidgets::widgets::Text t;
    REQUIRE(t.ParseFromString(std::string(e)));
    out.push_back(t.text());
  });
  return out;
}

}  // namespace

TEST_CASE("state ops: every combo case of the shared table, through the server's store") {
  const auto cases = load_cases();
  for (const auto& entry : cases.at("combo").as_array()) {
    const auto& c = entry.as_object();
    SECTION(str(c.at("name"))) {
      pgwidgets::widgets::ComboBoxArgs args;
      for (const auto& item : c.at("items").as_array()) args.add_items(str(item));
      d::WidgetStore store;
      const pgw::WidgetId combo = store.add(d::classes::ComboBox, args.SerializeAsString());
      for (const auto& op : c.at("ops").as_array()) {
        const auto& call = op.as_array();
        const std::string name = str(call.at(0));
        const d::MethodInfo& m = name == "append_text"    ? d::methods::ComboBox_append_text
                                 : name == "insert_alpha" ? d::methods::ComboBox_insert_alpha
                                 : name == "delete_alpha" ? d::methods::ComboBox_delete_alpha
                                                          : d::methods::ComboBox_clear;
        pgwidgets::widgets::Text text;
        if (call.size() > 1) text.set_text(str(call.at(1)));
        store.record(combo, m.field, m.id, text.SerializeAsString());
      }
      std::vector<std::string> expect;
      for (const auto& e : c.at("expect").as_array()) expect.push_back(str(e));
      CHECK(combo_items(store, combo) == expect);
      CHECK(store.holds_items(combo, d::fields::items) == !expect.empty());
    }
  }
}

TEST_CASE("state ops: every list case of the shared table, against the reducer") {
  const auto cases = load_cases();
  for (const auto& entry : cases.at("list").as_array()) {
    const auto& c = entry.as_object();
    SECTION(str(c.at("name"))) {
      d::StateValue v{&kList};
      for (const auto& e : c.at("start").as_array()) v.list.push_back(element(e.as_string()));
      const auto& op = c.at("op").as_object();
      const std::string kind = str(op.at("op"));
      std::string args;
      int_field(args, 1, op.contains("index") ? op.at("index").as_int64() : 0);
      int_field(args, 2, op.contains("to") ? op.at("to").as_int64() : 0);
      if (op.contains("value")) string_field(args, 3, op.at("value").as_string());
      const d::StateOp code = kind == "insert"   ? d::StateOp::list_insert
                              : kind == "remove" ? d::StateOp::list_remove
                              : kind == "move"   ? d::StateOp::list_move
                              : kind == "append" ? d::StateOp::list_append
                                                 : d::StateOp::clear;
      const d::MethodInfo m = method(code, code == d::StateOp::list_append ? 0 : 1);
      check_case(c, v, [&] { d::apply_state_op(v, m, args); }, list_values);
      if (c.contains("expect")) {
        std::vector<std::string> expect;
        for (const auto& e : c.at("expect").as_array()) expect.push_back(str(e));
        CHECK(list_values(v) == expect);
      }
    }
  }
}

TEST_CASE("state ops: every tree case of the shared table, against the reducer") {
  const auto cases = load_cases();
  for (const auto& entry : cases.at("tree").as_array()) {
    const auto& c = entry.as_object();
    SECTION(str(c.at("name"))) {
      d::StateValue v{&kTree};
      const d::MethodInfo put = method(d::StateOp::tree_put, 4);
      for (const auto& n : c.at("start").as_array()) {
        d::apply_state_op(v, put, path_message(n.as_array().at(0).as_array(), n.as_array().at(1).as_string()));
      }
      const auto& op = c.at("op").as_object();
      const std::string kind = str(op.at("op"));
      const d::StateOp code = kind == "add"      ? d::StateOp::tree_add
                              : kind == "update" ? d::StateOp::tree_update
                              : kind == "put"    ? d::StateOp::tree_put
                              : kind == "remove" ? d::StateOp::tree_remove
                                                 : d::StateOp::clear;
      const std::string args = op.contains("path")
                                   ? path_message(op.at("path").as_array(),
                                                  op.contains("value") ? op.at("value").as_string() : "")
                                   : std::string();
      const d::MethodInfo m = method(code, code == d::StateOp::clear ? 0 : 4);
      check_case(c, v, [&] { d::apply_state_op(v, m, args); }, tree_nodes);
      if (c.contains("expect")) {
        std::vector<std::pair<d::StatePath, std::string>> expect;
        for (const auto& n : c.at("expect").as_array()) {
          d::StatePath path;
          for (const auto& k : n.as_array().at(0).as_array()) path.push_back(str(k));
          expect.emplace_back(path, str(n.as_array().at(1)));
        }
        CHECK(tree_nodes(v) == expect);
      }
    }
  }
}

TEST_CASE("state ops: every set case of the shared table, against the reducer") {
  const auto cases = load_cases();
  for (const auto& entry : cases.at("set").as_array()) {
    const auto& c = entry.as_object();
    SECTION(str(c.at("name"))) {
      d::StateValue v{&kSet};
      const d::MethodInfo add = method(d::StateOp::set_add, 5);
      auto key_message = [](std::string_view key) {
        std::string out;
        string_field(out, 5, key);
        return out;
      };
      for (const auto& k : c.at("start").as_array()) d::apply_state_op(v, add, key_message(k.as_string()));
      const auto& op = c.at("op").as_object();
      const std::string kind = str(op.at("op"));
      const d::StateOp code = kind == "add" ? d::StateOp::set_add
                              : kind == "remove" ? d::StateOp::set_remove
                                                 : d::StateOp::clear;
      const std::string args = op.contains("key") ? key_message(op.at("key").as_string()) : std::string();
      const d::MethodInfo m = method(code, code == d::StateOp::clear ? 0 : 5);
      check_case(c, v, [&] { d::apply_state_op(v, m, args); }, set_keys);
      if (c.contains("expect")) {
        std::vector<std::string> expect;
        for (const auto& e : c.at("expect").as_array()) expect.push_back(str(e));
        CHECK(set_keys(v) == expect);
      }
    }
  }
}

TEST_CASE("state ops: bytes that are no message are refused and change nothing") {
  d::StateValue v{&kList};
  v.list.push_back(element("a"));
  const d::MethodInfo append = method(d::StateOp::list_append, 0);
  CHECK_THROWS_AS(d::apply_state_op(v, append, "\x0a\x05" "ab"), std::invalid_argument);  // cut short
  CHECK_THROWS_AS(d::apply_state_op(v, append, "\x0b"), std::invalid_argument);           // a group
  CHECK(list_values(v) == std::vector<std::string>{"a"});
}

TEST_CASE("state ops: a list's constructor items start it, and a rebuild leaves them out of the constructor") {
  pgwidgets::widgets::ComboBoxArgs args;
  args.set_editable(true);
  args.add_items("x");
  args.add_items("y");
  const d::StateInfo& items = d::classes::ComboBox.states[0];
  const d::StateValue v = d::initial_state(items, args.SerializeAsString());
  std::vector<std::string> texts;
  d::for_each_element(v, [&](std::string_view e) {
    pgwidgets::widgets::Text t;
    REQUIRE(t.ParseFromString(std::string(e)));
    texts.push_back(t.text());
  });
  CHECK(texts == std::vector<std::string>{"x", "y"});
  pgwidgets::widgets::ComboBoxArgs stripped;
  REQUIRE(stripped.ParseFromString(d::without_field(args.SerializeAsString(), items.init_field)));
  CHECK(stripped.items_size() == 0);
  CHECK(stripped.editable());
}

TEST_CASE("state ops: the schema's collection states are found through the class chain") {
  CHECK(d::find_state(d::classes::ComboBox, d::fields::items) != nullptr);
  CHECK(d::find_state(d::classes::TabWidget, d::fields::highlights) != nullptr);
  CHECK(d::find_state(d::classes::StackWidget, d::fields::highlights) == nullptr);
  CHECK(d::find_state(d::classes::Splitter, d::fields::minimum_sizes)->per_child);
  CHECK(d::initial_states(d::classes::Label, "").empty());
}

namespace {

// A GridBox case's grid as the server's store holds it: the extent its
// constructor arguments say, and each child's cell from its attaching call,
// in child-list order, with the table's ids.
json::value grid_state(const d::WidgetStore& store, pgw::WidgetId grid, const std::map<pgw::WidgetId, std::int64_t>& table_id) {
  const d::WidgetRecord* g = store.find(grid);
  const d::StateInfo* extent = d::find_extent(*g->cls);
  REQUIRE(extent != nullptr);
  const std::vector<int> counts = d::extent_counts(*extent, g->ctor_args);
  json::array children;
  for (pgw::WidgetId k : g->children) {
    pgwidgets::widgets::GridChild cell;
    REQUIRE(cell.ParseFromString(store.find(k)->attach_args));
    CHECK(cell.child() == k);
    children.push_back(json::array{table_id.at(k), cell.row(), cell.col()});
  }
  return json::object{{"rows", counts.at(0)}, {"columns", counts.at(1)}, {"children", std::move(children)}};
}

}  // namespace

TEST_CASE("state ops: every grid case of the shared table, through the server's store") {
  const auto cases = load_cases();
  for (const auto& entry : cases.at("grid").as_array()) {
    const auto& c = entry.as_object();
    SECTION(str(c.at("name"))) {
      d::WidgetStore store;
      pgwidgets::widgets::GridBoxArgs args;
      args.set_rows(static_cast<int>(c.at("rows").as_int64()));
      args.set_columns(static_cast<int>(c.at("columns").as_int64()));
      const pgw::WidgetId grid = store.add(d::classes::GridBox, args.SerializeAsString());
      std::map<std::int64_t, pgw::WidgetId> id{{100, grid}};  // the table's 100 is the grid
      std::map<pgw::WidgetId, std::int64_t> table_id{{grid, 100}};
      auto widget = [&](std::int64_t t) {
        if (!id.contains(t)) {
          id[t] = store.add(d::classes::VBox, "");
          table_id[id[t]] = t;
        }
        return id[t];
      };
      for (const auto& child : c.at("children").as_array()) widget(child.as_array().at(0).as_int64());
      for (std::int64_t t = 20; t < 30; ++t) widget(t);
      const auto& add = d::methods::GridBox_add_widget;
      auto add_widget = [&](std::int64_t t, std::int64_t row, std::int64_t col) {
        pgwidgets::widgets::GridChild m;
        m.set_child(widget(t));
        m.set_row(static_cast<int>(row));
        m.set_col(static_cast<int>(col));
        store.attach(grid, widget(t), std::nullopt, false, add.id, m.SerializeAsString());
      };
      for (const auto& child : c.at("children").as_array()) {
        const auto& a = child.as_array();
        add_widget(a.at(0).as_int64(), a.at(1).as_int64(), a.at(2).as_int64());
      }
      const json::value before = grid_state(store, grid, table_id);
      const auto& op = c.at("op").as_array();
      const std::string name = str(op.at(0));
      auto widgets = [&](const json::value& list, auto& message) {
        for (const auto& w : list.as_array()) message.add_widgets(widget(w.as_int64()));
      };
      auto run = [&] {
        if (name == "add_widget") return add_widget(op.at(1).as_int64(), op.at(2).as_int64(), op.at(3).as_int64());
        const d::MethodInfo* m = nullptr;
        std::string bytes;
        if (name == "insert_row" || name == "insert_column") {
          m = name == "insert_row" ? &d::methods::GridBox_insert_row : &d::methods::GridBox_insert_column;
          pgwidgets::widgets::LineInsert r;
          r.set_index(static_cast<int>(op.at(1).as_int64()));
          widgets(op.at(2), r);
          bytes = r.SerializeAsString();
        } else if (name == "append_row" || name == "append_column") {
          m = name == "append_row" ? &d::methods::GridBox_append_row : &d::methods::GridBox_append_column;
          pgwidgets::widgets::LineAppend r;
          widgets(op.at(1), r);
          bytes = r.SerializeAsString();
        } else {
          REQUIRE((name == "delete_row" || name == "delete_column"));
          m = name == "delete_row" ? &d::methods::GridBox_delete_row : &d::methods::GridBox_delete_column;
          pgwidgets::widgets::LineIndex r;
          r.set_index(static_cast<int>(op.at(1).as_int64()));
          bytes = r.SerializeAsString();
        }
        store.record(grid, m->field, m->id, bytes);
      };
      if (c.contains("error")) {
        CHECK_THROWS_WITH(run(), Catch::Contains(str(c.at("error"))));
        CHECK(grid_state(store, grid, table_id) == before);
      } else {
        run();
        CHECK(grid_state(store, grid, table_id) == c.at("expect"));
        // A deleted line's children are alive and in no parent.
        for (const auto& [t, w] : id) {
          const d::WidgetRecord* r = store.find(w);
          REQUIRE(r != nullptr);
          if (r->parent == 0) CHECK(r->attach_args.empty());
        }
      }
    }
  }
}
