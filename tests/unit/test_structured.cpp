// Structured values: the generated value types (data.proto), pgw::Value,
// their wire round trip, and the argument types that keep braced lists safe
// under g++ 12 inside co_await (structured.hpp). scripts/sanitize.sh runs
// these under ASan: a double free there fails the run.
#include <catch2/catch.hpp>

#include <array>

#include <boost/asio/io_context.hpp>

#include "pgwidgets/handler.hpp"
#include "pgwidgets/value.pb.h"
#include "pgwidgets/widgets.hpp"
#include "pgwidgets/widgets/containers.pb.h"
#include "pgwidgets/widgets/controls.pb.h"
#include "pgwidgets/widgets/data.pb.h"
#include "recording_fixture.hpp"
#include "recording_link.hpp"
#include "support/run_coro.hpp"

using pgw::test::RecordingLink;
using pgw::test::run_coro;

namespace {

using Fixture = pgw::test::RecordingFixture;

// Through the wire and back, as a method argument travels.
template <class T, class Pb>
T round_trip(T value) {
  Pb message;
  pgw::detail::wire::encode(std::move(value), message);
  Pb parsed;
  REQUIRE(parsed.ParseFromString(message.SerializeAsString()));
  return pgw::detail::wire::decode(parsed);
}

pgw::TreeNode sample_tree() {
  pgw::TreeNode leaf{.text = "leaf", .values = {{"size", 42}, {"ratio", 0.5}}};
  pgw::TreeNode branch{.text = "branch", .values = {{"name", "b"}, {"none", nullptr}}, .children = {leaf, leaf}};
  return pgw::TreeNode{.text = "root", .values = {{"open", true}}, .children = {branch, leaf}};
}

// Functions taking the argument types, awaited with braces below.
pgw::Task<std::size_t> count_names(pgw::List<std::string> names) {
  std::size_t total = 0;
  for (const std::string& n : names) total += n.size();
  co_return total;
}

pgw::Task<std::size_t> count_cells(pgw::List<pgw::Value> cells) { co_return cells.size(); }

pgw::Task<std::string> tree_text(pgw::Named<pgw::TreeNode> tree) { co_return (*tree).children.at(0).text; }

}  // namespace

TEST_CASE("pgw::Value holds null, bool, int64, double or string, and compares") {
  CHECK(pgw::Value().is_null());
  CHECK(pgw::Value(nullptr).is_null());
  CHECK(pgw::Value(true).get<bool>());
  CHECK(pgw::Value(7).get<std::int64_t>() == 7);
  CHECK(pgw::Value(std::int64_t{1} << 40).get<std::int64_t>() == std::int64_t{1} << 40);
  CHECK(pgw::Value(2.5).get<double>() == 2.5);
  CHECK(pgw::Value("x").get<std::string>() == "x");
  CHECK(pgw::Value(1) != pgw::Value(1.0));  // an integer is not a double
  CHECK(pgw::Value("1") != pgw::Value(1));
  CHECK(pgw::Value() == pgw::Value(nullptr));
  CHECK_THROWS_AS(pgw::Value(1).get<std::string>(), std::bad_variant_access);
}

TEST_CASE("pgw::Value keeps its type through the wire") {
  for (const pgw::Value& v : {pgw::Value(), pgw::Value(false), pgw::Value(-3), pgw::Value(0.0), pgw::Value(""),
                              pgw::Value(std::string(300, 'v'))}) {
    ::pgwidgets::Value message;
    pgw::detail::value_to_wire(v, message);
    ::pgwidgets::Value parsed;
    REQUIRE(parsed.ParseFromString(message.SerializeAsString()));
    CHECK(pgw::detail::value_from_wire(parsed) == v);
  }
  // false and 0 are set members, not null: they travel.
  ::pgwidgets::Value message;
  pgw::detail::value_to_wire(pgw::Value(false), message);
  CHECK(message.kind_case() == ::pgwidgets::Value::kBoolValue);
}

TEST_CASE("value types compare member by member") {
  CHECK(pgw::Column{.title = "a", .width = 10} == pgw::Column{.title = "a", .width = 10});
  CHECK(pgw::Column{.title = "a"} != pgw::Column{.title = "a", .width = 0});  // unset differs from 0
  CHECK(sample_tree() == sample_tree());
  pgw::TreeNode other = sample_tree();
  other.children[0].children[1].values["size"] = 43;
  CHECK(other != sample_tree());
}

TEST_CASE("value types survive the wire: nested, repeated, map, recursive, Value") {
  CHECK(round_trip<pgw::Column, ::pgwidgets::widgets::Column>({.title = "t", .width = 0}) ==
        pgw::Column{.title = "t", .width = 0});
  CHECK(round_trip<pgw::Column, ::pgwidgets::widgets::Column>({.title = "t"}).width == std::nullopt);
  CHECK(round_trip<pgw::TreeNode, ::pgwidgets::widgets::TreeNode>(sample_tree()) == sample_tree());
  pgw::TableData table{.columns = {{.title = "id"}, {.title = "name", .width = 120}},
                       .rows = {{.cells = {1, "a"}}, {.cells = {2, nullptr}}}};
  CHECK(round_trip<pgw::TableData, ::pgwidgets::widgets::TableData>(table) == table);
  CHECK(round_trip<pgw::TableData, ::pgwidgets::widgets::TableData>({}) == pgw::TableData{});
}

TEST_CASE("a value type's encoder moves what it is given") {
  pgw::TableRow row{.cells = {std::string(1000, 'x')}};
  ::pgwidgets::widgets::TableRow message;
  pgw::detail::wire::encode(std::move(row), message);
  CHECK(message.cells(0).string_value().size() == 1000);
}

TEST_CASE("handlers of value types are checked like any other") {
  auto exact = [](pgw::TreeNode, std::vector<pgw::Column>) {};
  auto by_ref = [](const pgw::TreeNode&, const std::vector<pgw::Column>&) {};
  auto wrong = [](pgw::Column, std::vector<pgw::Column>) {};
  auto narrowing = [](pgw::TreeNode, std::vector<pgw::TableRow>) {};
  STATIC_REQUIRE(pgw::detail::handler_for<decltype(exact), pgw::TreeNode, std::vector<pgw::Column>>);
  STATIC_REQUIRE(pgw::detail::handler_for<decltype(by_ref), pgw::TreeNode, std::vector<pgw::Column>>);
  STATIC_REQUIRE_FALSE(pgw::detail::handler_for<decltype(wrong), pgw::TreeNode, std::vector<pgw::Column>>);
  STATIC_REQUIRE_FALSE(pgw::detail::handler_for<decltype(narrowing), pgw::TreeNode, std::vector<pgw::Column>>);
}

TEST_CASE("argument types take what is safe and refuse what is not") {
  STATIC_REQUIRE(std::is_constructible_v<pgw::List<int>, std::vector<int>>);
  STATIC_REQUIRE(std::is_constructible_v<pgw::List<pgw::Column>, std::vector<pgw::Column>>);
  STATIC_REQUIRE_FALSE(std::is_constructible_v<pgw::List<pgw::Column>, std::initializer_list<pgw::Column>>);
  STATIC_REQUIRE(std::is_constructible_v<pgw::Named<pgw::Column>, pgw::Column&>);
  STATIC_REQUIRE(std::is_constructible_v<pgw::Named<pgw::Column>, pgw::Column&&>);
  STATIC_REQUIRE(std::is_constructible_v<pgw::Named<pgw::Column>, const pgw::Column&>);
  STATIC_REQUIRE(std::is_trivially_destructible_v<pgw::ListView<std::string>>);
  STATIC_REQUIRE(std::is_trivially_destructible_v<pgw::ComboBoxOptions>);
  STATIC_REQUIRE_FALSE(std::is_constructible_v<pgw::ListView<std::string>, std::initializer_list<std::string_view>>);
}

// The ASan proof (scripts/sanitize.sh): braced lists written inside
// co_await, the g++ 12 case, with heap-owning elements.
TEST_CASE_METHOD(Fixture, "braced lists inside co_await are safe: set_sizes, strings, Values") {
  auto split = run_coro(io, w.Splitter());
  auto body = [](pgw::Splitter split) -> pgw::Task<std::size_t> {
    co_await split.set_sizes({140, 560});
    co_await split.set_sizes({});
    co_await split.set_sizes({7});
    const std::size_t names = co_await count_names({"a", std::string(100, 'b'), std::string_view("cc")});
    const std::size_t cells = co_await count_cells({1, "x", std::string(64, 'y'), 2.5, nullptr, true});
    co_return names + cells;
  };
  CHECK(run_coro(io, body(split)) == 103 + 6);
  REQUIRE(link->calls.size() == 3);
  ::pgwidgets::widgets::Sizes sizes;
  REQUIRE(sizes.ParseFromString(link->calls[0].args));
  CHECK(std::vector<int>(sizes.sizes().begin(), sizes.sizes().end()) == std::vector<int>{140, 560});
  REQUIRE(sizes.ParseFromString(link->calls[1].args));
  CHECK(sizes.sizes_size() == 0);
  REQUIRE(sizes.ParseFromString(link->calls[2].args));
  CHECK(sizes.sizes_size() == 1);
  CHECK(split.get_sizes() == std::vector<int>{7});
}

TEST_CASE_METHOD(Fixture, "named lists and structs inside co_await are safe, and moved in") {
  auto body = [](pgw::Widgets w) -> pgw::Task<std::string> {
    std::vector<std::string> themes{"Light", std::string(80, 'D')};
    auto box = co_await w.ComboBox({.editable = true, .items = themes});
    (void)box;
    pgw::TreeNode tree = sample_tree();
    std::string first = co_await tree_text(tree);
    first += co_await tree_text(std::move(tree));
    std::vector<int> sizes{1, 2, 3};
    auto split = co_await w.Splitter();
    co_await split.set_sizes(std::move(sizes));
    co_return first;
  };
  CHECK(run_coro(io, body(w)) == "branchbranch");
  REQUIRE(link->created.size() == 2);
  ::pgwidgets::widgets::ComboBoxArgs args;
  REQUIRE(args.ParseFromString(link->created[0].args));
  CHECK(args.editable());
  REQUIRE(args.items_size() == 2);
  CHECK(args.items(0) == "Light");
  CHECK(args.items(1) == std::string(80, 'D'));
}

TEST_CASE_METHOD(Fixture, "ComboBox items: a list in the options, not one string, and none sends nothing") {
  const std::array<std::string_view, 3> words{"a", "b", "c"};
  run_coro(io, w.ComboBox({.items = words}));
  run_coro(io, w.ComboBox());
  ::pgwidgets::widgets::ComboBoxArgs args;
  REQUIRE(args.ParseFromString(link->created[0].args));
  CHECK(std::vector<std::string>(args.items().begin(), args.items().end()) ==
        std::vector<std::string>{"a", "b", "c"});
  CHECK(link->created[1].args.empty());
  CHECK(link->calls.empty());  // the items travel in the creation, not as append_text calls
}
