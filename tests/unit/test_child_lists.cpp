// The child-list rules of the widget store, from the one table both ends
// run (tests/cases/child_lists.json; web/ runs it against its containers).
#include <catch2/catch.hpp>

#include <fstream>
#include <map>
#include <sstream>

#include <boost/json.hpp>

#include "widget_store.hpp"

namespace json = boost::json;
using pgw::WidgetId;
using pgw::detail::ClassInfo;
using pgw::detail::WidgetStore;

namespace {

// Stand-ins for a container and a window class; the rules only look at `window`.
constexpr ClassInfo kBox{1, "Box", 0, false, false};
constexpr ClassInfo kWindow{2, "Window", 0, false, true};

json::value load_cases() {
  std::ifstream in(PGW_CHILD_LIST_CASES);
  REQUIRE(in);
  std::stringstream text;
  text << in.rdbuf();
  return json::parse(text.str());
}

// Builds the store a case describes; ids in the case map to store ids.
struct CaseStore {
  WidgetStore store;
  std::map<std::int64_t, WidgetId> ids;     // case id -> store id
  std::map<WidgetId, std::int64_t> names;   // store id -> case id

  explicit CaseStore(const json::array& tree) {
    for (const auto& w : tree) {
      const auto& o = w.as_object();
      const bool window = o.contains("window") && o.at("window").as_bool();
      const WidgetId id = store.add(window ? kWindow : kBox, "");
      ids[o.at("id").as_int64()] = id;
      names[id] = o.at("id").as_int64();
    }
    for (const auto& w : tree) {
      const auto& o = w.as_object();
      if (!o.contains("children")) continue;
      for (const auto& c : o.at("children").as_array()) {
        store.attach(ids.at(o.at("id").as_int64()), ids.at(c.as_int64()), std::nullopt, false);
      }
    }
  }

  // The tree in the case's own notation: id -> children.
  std::map<std::int64_t, std::vector<std::int64_t>> tree() const {
    std::map<std::int64_t, std::vector<std::int64_t>> out;
    for (const auto& [case_id, id] : ids) {
      auto& kids = out[case_id];
      for (WidgetId c : store.find(id)->children) kids.push_back(names.at(c));
    }
    return out;
  }

  void run(const json::object& op) {
    const std::string method(op.at("method").as_string());
    const WidgetId parent = ids.at(op.at("parent").as_int64());
    const auto child = [&] { return ids.at(op.at("child").as_int64()); };
    if (method == "add_widget") {
      store.attach(parent, child(), std::nullopt, false);
    } else if (method == "insert_widget") {
      store.attach(parent, child(), static_cast<int>(op.at("index").as_int64()), false);
    } else if (method == "set_widget") {
      store.attach(parent, child(), std::nullopt, true);
    } else if (method == "remove") {
      store.detach(parent, child(), false);
    } else if (method == "remove_all") {
      store.detach_all(parent, false);
    } else {
      FAIL("unknown method in the table: " << method);
    }
  }
};

std::map<std::int64_t, std::vector<std::int64_t>> tree_of(const json::array& tree) {
  std::map<std::int64_t, std::vector<std::int64_t>> out;
  for (const auto& w : tree) {
    const auto& o = w.as_object();
    auto& kids = out[o.at("id").as_int64()];
    if (o.contains("children")) {
      for (const auto& c : o.at("children").as_array()) kids.push_back(c.as_int64());
    }
  }
  return out;
}

}  // namespace

TEST_CASE("store: every case of the child-list table") {
  const auto cases = load_cases().at("cases").as_array();
  REQUIRE(cases.size() >= 20);
  for (const auto& entry : cases) {
    const auto& c = entry.as_object();
    SECTION(std::string(c.at("name").as_string())) {
      CaseStore s(c.at("tree").as_array());
      const auto before = s.tree();
      if (c.contains("error")) {
        const std::string word(c.at("error").as_string());
        CHECK_THROWS_WITH(s.run(c.at("op").as_object()), Catch::Contains(word));
        CHECK_THROWS_AS(s.run(c.at("op").as_object()), std::invalid_argument);
        CHECK(s.tree() == before);  // refused: nothing changed
      } else {
        s.run(c.at("op").as_object());
        CHECK(s.tree() == tree_of(c.at("expect").as_array()));
      }
    }
  }
}
