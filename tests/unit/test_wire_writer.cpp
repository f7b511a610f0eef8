// The proxies that write their request straight to the wire (codegen
// cpp._Writers, runtime wire_writer.hpp) send what protobuf's serializer
// gives for the same values: byte for byte where the message has no map,
// the same message where it has one (a map's entries are in no set order).
// Random rows and items, then the edges: zeros proto3 leaves out, negative
// numbers, -0.0 and NaN, empty strings, null Values, "__proto__" keys.
#include <catch2/catch.hpp>

#include <cmath>
#include <limits>
#include <random>

#include <boost/asio/io_context.hpp>
#include <google/protobuf/util/field_comparator.h>
#include <google/protobuf/util/message_differencer.h>

#include "pgwidgets/widgets.hpp"
#include "pgwidgets/widgets/tree.pb.h"
#include "pgwidgets/wire_writer.hpp"
#include "recording_fixture.hpp"
#include "recording_link.hpp"
#include "support/run_coro.hpp"

using pgw::test::RecordingLink;
using pgw::test::run_coro;

namespace {

using Fixture = pgw::test::RecordingFixture;

pgw::Value random_value(std::mt19937& g) {
  const double odd[] = {0.0, -0.0, 1.5, -1e300, std::numeric_limits<double>::infinity(),
                        std::numeric_limits<double>::quiet_NaN()};
  const char* words[] = {"", "a", "r12c3", "ünïcödé", "日本語", "😀", "__proto__"};
  switch (g() % 6) {
    case 0:
      return {};
    case 1:
      return g() % 2 == 0;
    case 2:
      return static_cast<std::int64_t>(g()) - (std::int64_t{1} << 31) * static_cast<std::int64_t>(g() % 3);
    case 3:
      return odd[g() % 6];
    case 4:
      return std::numeric_limits<std::int64_t>::min() + static_cast<std::int64_t>(g() % 2);
    default:
      return words[g() % 7];
  }
}

std::vector<pgw::TableRow> random_rows(std::mt19937& g) {
  std::vector<pgw::TableRow> rows(g() % 6);
  for (auto& r : rows) {
    for (std::size_t c = g() % 7; c > 0; --c) r.cells.push_back(random_value(g));
  }
  return rows;
}

std::vector<pgw::TreeItem> random_items(std::mt19937& g) {
  const char* keys[] = {"", "name", "__proto__", "size", "日本"};
  std::vector<pgw::TreeItem> items(g() % 5);
  for (auto& it : items) {
    for (std::size_t n = g() % 4; n > 0; --n) it.path.push_back(keys[g() % 5]);
    for (std::size_t n = g() % 4; n > 0; --n) it.values[keys[g() % 5]] = random_value(g);
  }
  return items;
}

// What protobuf's serializer gives for the same rows (the generated encoders).
template <class Message, class Item, class Add>
std::string serialized(const std::vector<Item>& items, Add add) {
  Message m;
  for (const auto& item : items) pgw::detail::wire::encode(item, *add(m));
  return m.SerializeAsString();
}

template <class Message>
bool same_message(const std::string& a, const std::string& b) {
  Message ma, mb;
  REQUIRE(ma.ParseFromString(a));
  REQUIRE(mb.ParseFromString(b));
  // A NaN cell equals itself here: the bytes are the same.
  google::protobuf::util::DefaultFieldComparator nan_equal;
  nan_equal.set_treat_nan_as_equal(true);
  google::protobuf::util::MessageDifferencer d;
  d.set_field_comparator(&nan_equal);
  return d.Compare(ma, mb);
}

}  // namespace

TEST_CASE_METHOD(Fixture, "direct writing: TableView set_data and set_rows send protobuf's bytes") {
  auto table = run_coro(io, w.TableView());
  std::mt19937 g(7);
  for (int i = 0; i < 300; ++i) {
    const auto rows = random_rows(g);
    auto copy = rows;
    run_coro(io, table.set_data(std::move(copy)));
    CHECK(link->calls.back().args ==
          serialized<::pgwidgets::widgets::TableRowsData>(rows, [](auto& m) { return m.add_data(); }));
    copy = rows;
    run_coro(io, table.set_rows(std::move(copy)));
    CHECK(link->calls.back().args ==
          serialized<::pgwidgets::widgets::TableRows>(rows, [](auto& m) { return m.add_rows(); }));
  }
}

TEST_CASE_METHOD(Fixture, "direct writing: TreeView set_tree sends the message protobuf would") {
  auto tree = run_coro(io, w.TreeView());
  std::mt19937 g(11);
  for (int i = 0; i < 300; ++i) {
    const auto items = random_items(g);
    auto copy = items;
    run_coro(io, tree.set_tree(std::move(copy)));
    const std::string want = serialized<::pgwidgets::widgets::TreeItems>(items, [](auto& m) { return m.add_tree(); });
    CHECK(same_message<::pgwidgets::widgets::TreeItems>(link->calls.back().args, want));
  }
}

TEST_CASE_METHOD(Fixture, "direct writing: single fields leave out proto3's zeros and keep a null Value") {
  auto table = run_coro(io, w.TableView());
  auto tree = run_coro(io, w.TreeView());
  std::mt19937 g(3);
  for (int i = 0; i < 200; ++i) {
    const int row = static_cast<int>(g() % 3) - 1;  // -1, 0 or 1: zero is left out, -1 is ten bytes
    const int col = static_cast<int>(g() % 2);
    const pgw::Value v = random_value(g);
    run_coro(io, table.set_cell(row, col, v));
    ::pgwidgets::widgets::RowCellValue want;
    want.set_row(row);
    want.set_col_index(col);
    pgw::detail::value_to_wire(v, *want.mutable_value());
    CHECK(link->calls.back().args == want.SerializeAsString());

    const auto items = random_items(g);
    const pgw::TreeItem item = items.empty() ? pgw::TreeItem{} : items.front();
    std::map<std::string, pgw::Value> values = item.values;
    run_coro(io, tree.add_item(item.path, values));
    ::pgwidgets::widgets::TreeItem item_want;
    pgw::detail::wire::encode(item, item_want);
    CHECK(same_message<::pgwidgets::widgets::TreeItem>(link->calls.back().args, item_want.SerializeAsString()));
  }
}

TEST_CASE("direct writing: a message whose writes and size disagree is a logic error, never a short or long buffer") {
  using pgw::detail::wire::Writer;
  CHECK_THROWS_AS(pgw::detail::wire::write_message(3, [](Writer& w) { w.string_field(1, "four"); }), std::logic_error);
  CHECK_THROWS_AS(pgw::detail::wire::write_message(8, [](Writer& w) { w.string_field(1, "four"); }), std::logic_error);
  CHECK(pgw::detail::wire::write_message(pgw::detail::wire::size::string_field(1, "four"),
                                         [](Writer& w) { w.string_field(1, "four"); }) == std::string("\x0a\x04" "four"));
}
