// Collection state the page changes (a callback with `updates` and `op`),
// and getters answered from the kept value, on a test-only class: a shelf
// with a LIST of books, a SET of picked paths and a TREE of sections. Its
// tables are written here as the generator writes a package's, and
// registered as a user's package is: this test is its own program, so no
// other test sees the package. What is checked: a report changes the kept
// value by its setter's rules before any handler runs, the other browsers
// get that setter's call, getters and a rebuild follow; a report the
// rules refuse is a protocol error that changes nothing and runs no
// handler.
#include <catch2/catch.hpp>

#include <algorithm>
#include <array>
#include <string>
#include <vector>

#include "pgwidgets/protocol.pb.h"
#include "pgwidgets/schema_info.hpp"
#include "pgwidgets/schema_registry.hpp"
#include "session_fixture.hpp"
#include "state_ops.hpp"
#include "wire_writer.hpp"

using namespace pgw::test;
namespace d = pgw::detail;

namespace {

// --- the test schema's messages, encoded by hand ---------------------------------
// message Book { string title = 1; int32 at = 2; int32 to = 3; int32 stars = 4; }
// message Node { repeated string path = 1; string label = 2; }

using pgw::test::int_field;
using pgw::test::string_field;
using pgw::test::varint;

std::string book(std::string_view title, int stars = 0) {
  std::string out;
  string_field(out, 1, title);
  int_field(out, 4, stars);
  return out;
}

std::string at(int index, std::string_view title = {}, int to = -1) {
  std::string out;
  string_field(out, 1, title);
  int_field(out, 2, index);
  if (to >= 0) int_field(out, 3, to);
  return out;
}

std::string node(const std::vector<std::string>& path, std::string_view label = {}) {
  std::string out;
  for (const auto& k : path) string_field(out, 1, k, true);
  string_field(out, 2, label);
  return out;
}

// The payloads of every occurrence of field `number` (a repeated string,
// or repeated messages), in order.
std::vector<std::string> repeated(std::string_view bytes, int number) {
  const d::StatePath all = d::state_key(bytes, number);
  return {all.begin(), all.end()};
}

// --- the test schema's tables ------------------------------------------------------
constexpr std::uint32_t kShelf = 0x7e570001;
constexpr std::uint32_t kBooks = 0x7e571001, kPicked = 0x7e571002, kSections = 0x7e571003;
constexpr std::uint32_t kAdd = 0x7e572001, kInsert = 0x7e572002, kRemove = 0x7e572003, kMove = 0x7e572004,
                        kPick = 0x7e572005, kUnpick = 0x7e572006, kSection = 0x7e572007, kRename = 0x7e572008;

constexpr d::MethodInfo setter(std::uint32_t id, std::string_view name, std::uint32_t field, d::StateOp op,
                               std::uint16_t index = 0, std::uint16_t to = 0) {
  return d::MethodInfo{id, kShelf, "Shelf", name, d::MethodKind::setter, field, false, false, false, index, op, to};
}
constexpr d::MethodInfo getter(std::uint32_t id, std::string_view name, std::uint32_t field, std::uint16_t index,
                               std::uint16_t element, std::uint8_t wire) {
  return d::MethodInfo{id,    kShelf, "Shelf", name, d::MethodKind::getter, field, true, false, false, index,
                       d::StateOp::none, 0, d::KeyZero::none, 1, element, wire};
}

constexpr d::MethodInfo add_book = setter(kAdd, "add_book", kBooks, d::StateOp::list_append);
constexpr d::MethodInfo insert_book = setter(kInsert, "insert_book", kBooks, d::StateOp::list_insert, 2);
constexpr d::MethodInfo remove_book = setter(kRemove, "remove_book", kBooks, d::StateOp::list_remove, 2);
constexpr d::MethodInfo move_book = setter(kMove, "move_book", kBooks, d::StateOp::list_move, 2, 3);
constexpr d::MethodInfo pick = setter(kPick, "pick", kPicked, d::StateOp::set_add, 1);
constexpr d::MethodInfo unpick = setter(kUnpick, "unpick", kPicked, d::StateOp::set_remove, 1);
constexpr d::MethodInfo add_section = setter(kSection, "add_section", kSections, d::StateOp::tree_add, 1);
constexpr d::MethodInfo rename = setter(kRename, "rename", kSections, d::StateOp::tree_update, 1);
// get_titles() -> repeated string (each book's title); get_title(at) -> string;
// get_stars() -> repeated int32; get_picked() -> repeated Node; get_label(path) -> string.
constexpr d::MethodInfo get_titles = getter(0x7e573001, "get_titles", kBooks, 0, 1, 2);
constexpr d::MethodInfo get_title = getter(0x7e573002, "get_title", kBooks, 2, 1, 2);
constexpr d::MethodInfo get_stars = getter(0x7e573003, "get_stars", kBooks, 0, 4, 0);
constexpr d::MethodInfo get_picked = getter(0x7e573004, "get_picked", kPicked, 0, 0, 2);
constexpr d::MethodInfo get_label = getter(0x7e573005, "get_label", kSections, 1, 2, 2);

constexpr std::array<d::StateInfo, 3> kStates{{
    {kBooks, d::StateKind::list, kAdd, 0, 0, false, false},
    {kPicked, d::StateKind::set, kPick, 0, 0, false, false},
    {kSections, d::StateKind::tree, kSection, 0, 0, false, false},
}};
constexpr d::ClassInfo shelf{kShelf, "Shelf", d::classes::Widget.id, false, false, 0, 0, kStates};

constexpr d::CallbackInfo reported(std::uint32_t id, std::string_view name, std::uint32_t field,
                                   std::uint32_t method) {
  return d::CallbackInfo{id, kShelf, "Shelf", name, field, method, nullptr, false};
}
constexpr d::CallbackInfo on_inserted = reported(0x7e574001, "inserted", kBooks, kInsert);
constexpr d::CallbackInfo on_removed = reported(0x7e574002, "removed", kBooks, kRemove);
constexpr d::CallbackInfo on_moved = reported(0x7e574003, "moved", kBooks, kMove);
constexpr d::CallbackInfo on_picked = reported(0x7e574004, "picked", kPicked, kPick);
constexpr d::CallbackInfo on_unpicked = reported(0x7e574005, "unpicked", kPicked, kUnpick);
constexpr d::CallbackInfo on_renamed = reported(0x7e574006, "renamed", kSections, kRename);

constexpr std::array<const d::ClassInfo*, 1> kClasses{&shelf};
constexpr std::array<const d::MethodInfo*, 13> kMethods{&add_book,    &insert_book, &remove_book, &move_book, &pick,
                                                        &unpick,      &add_section, &rename,      &get_titles,
                                                        &get_title,   &get_stars,   &get_picked,  &get_label};
constexpr std::array<const d::CallbackInfo*, 6> kCallbacks{&on_inserted, &on_removed, &on_moved,
                                                           &on_picked,   &on_unpicked, &on_renamed};
const bool registered = d::register_package(d::PackageInfo{"test.shelf", 0x5e1f, kClasses, kMethods, kCallbacks});

struct Shelf : SessionFixture {
  Shelf() {
    REQUIRE(registered);
    REQUIRE(d::registry_error().empty());
    id = run_coro(io, core->create(shelf, {}));
  }
  void call(const d::MethodInfo& m, std::string args) { run_coro(io, core->call(id, m, std::move(args), {})); }
  std::string answer(const d::MethodInfo& g, const std::string& request = {}) const {
    return core->collection_answer(id, g, request);
  }
  std::vector<std::string> titles() const { return repeated(answer(get_titles), 1); }
  // The page reports `cb` with `args`; handlers run.
  void report(const d::CallbackInfo& cb, std::string args) {
    receive({callback(id, cb.id, std::move(args))});
    io.restart();
    io.poll();
  }
  std::vector<pgwidgets::ServerMessage> rebuild() {
    std::vector<std::string> got;
    std::vector<std::pair<int, std::string>> closed;
    core->attach(9, sink_into(got, closed), 2, 0, 800, 600, true);
    core->detach(9, "done");
    return flatten(got);
  }
  // The calls a rebuild sends of method `m`, their arguments in order.
  std::vector<std::string> rebuilt(const d::MethodInfo& m) {
    std::vector<std::string> out;
    for (const auto& msg : rebuild()) {
      if (msg.has_call() && msg.call().method_id() == m.id) out.push_back(msg.call().args());
    }
    return out;
  }
  pgw::WidgetId id = 0;
};

}  // namespace

TEST_CASE_METHOD(Shelf, "collection updates: a page's insert is kept before the handler runs, and getters and a rebuild follow") {
  call(add_book, book("Emma"));
  call(add_book, book("Ulysses", 5));
  std::vector<std::vector<std::string>> seen;  // what the getter answered when the handler ran
  core->listen(id, on_inserted, [this, &seen](std::string_view args) -> pgw::Task<> {
    CHECK(args == at(1, "Beloved"));
    seen.push_back(titles());
    co_return;
  });
  report(on_inserted, at(1, "Beloved"));
  REQUIRE(seen.size() == 1);
  CHECK(seen[0] == std::vector<std::string>{"Emma", "Beloved", "Ulysses"});
  CHECK(titles() == std::vector<std::string>{"Emma", "Beloved", "Ulysses"});
  CHECK(repeated(answer(get_title, at(1)), 1) == std::vector<std::string>{"Beloved"});
  // The rebuild sends the list as it is: the inserted book without its position.
  CHECK(rebuilt(add_book) == std::vector<std::string>{book("Emma"), book("Beloved"), book("Ulysses", 5)});
  CHECK(errors.empty());
}

TEST_CASE_METHOD(Shelf, "collection updates: removes and moves reported by the page follow the list's rules") {
  for (const char* t : {"a", "b", "c", "d"}) call(add_book, book(t));
  report(on_moved, at(0, {}, 3));
  CHECK(titles() == std::vector<std::string>{"b", "c", "d", "a"});
  report(on_removed, at(1));
  CHECK(titles() == std::vector<std::string>{"b", "d", "a"});
  CHECK(rebuilt(add_book) == std::vector<std::string>{book("b"), book("d"), book("a")});
}

TEST_CASE_METHOD(Shelf, "collection updates: the other browsers get the setter's call, quietly") {
  std::vector<std::string> other;
  std::vector<std::pair<int, std::string>> closed;
  core->attach(2, sink_into(other, closed), 2, 0, 800, 600, false);
  other.clear();
  call(add_book, book("x"));
  other.clear();
  report(on_inserted, at(0, "y"));
  const auto msgs = flatten(other);
  REQUIRE(msgs.size() == 1);
  CHECK(msgs[0].call().method_id() == insert_book.id);
  CHECK(msgs[0].call().args() == at(0, "y"));
  CHECK(msgs[0].call().quiet());
}

TEST_CASE_METHOD(Shelf, "collection updates: a report the rules refuse is a protocol error: nothing kept, no handler") {
  call(add_book, book("only"));
  int handled = 0;
  core->listen(id, on_inserted, [&handled](std::string_view) -> pgw::Task<> {
    ++handled;
    co_return;
  });
  core->listen(id, on_renamed, [&handled](std::string_view) -> pgw::Task<> {
    ++handled;
    co_return;
  });
  frames.clear();
  report(on_inserted, at(5, "far"));
  report(on_removed, at(-1));
  report(on_moved, at(0, {}, 1));
  report(on_renamed, node({"nowhere"}, "x"));
  report(on_inserted, std::string("\xff\xff", 2));  // no message
  CHECK(handled == 0);
  CHECK(titles() == std::vector<std::string>{"only"});
  std::vector<std::string> errors_logged;
  for (const auto& line : logs) {
    if (line.find("protocol error: ") != std::string::npos) errors_logged.push_back(line);
  }
  logs = errors_logged;
  REQUIRE(logs.size() == 5);
  CHECK(logs[0].ends_with(".inserted: index 5 is out of range: the list takes 0..1 here"));
  CHECK(logs[1].ends_with(".removed: index -1 is out of range: the list takes 0..0 here"));
  CHECK(logs[2].ends_with(".moved: index 1 is out of range: the list takes 0..0 here"));
  CHECK(logs[3].find(".renamed: node [nowhere] is not in the tree") != std::string::npos);
  CHECK(logs[4].find(".inserted: the arguments do not parse") != std::string::npos);
  // The browser is told; the session goes on.
  const auto msgs = messages();
  CHECK(std::count_if(msgs.begin(), msgs.end(), [](const auto& m) { return m.has_error(); }) == 5);
  CHECK(closes.empty());
  report(on_inserted, at(1, "next"));
  CHECK(titles() == std::vector<std::string>{"only", "next"});
  CHECK(handled == 1);
}

TEST_CASE_METHOD(Shelf, "collection updates: a selection reported as adds and removes is a set, and its getter answers paths") {
  report(on_picked, node({"fiction", "Emma"}));
  report(on_picked, node({"poetry"}));
  report(on_picked, node({"fiction", "Emma"}));  // already there: still one
  std::vector<std::string> picked = repeated(answer(get_picked), 1);
  CHECK(picked == std::vector<std::string>{node({"fiction", "Emma"}), node({"poetry"})});
  report(on_unpicked, node({"fiction", "Emma"}));
  report(on_unpicked, node({"absent"}));  // not there: nothing
  CHECK(repeated(answer(get_picked), 1) == std::vector<std::string>{node({"poetry"})});
  CHECK(rebuilt(pick) == std::vector<std::string>{node({"poetry"})});
}

TEST_CASE_METHOD(Shelf, "collection updates: a tree node the user renamed is kept, and an element getter answers by path") {
  call(add_section, node({"a"}, "A"));
  call(add_section, node({"a", "b"}, "B"));
  report(on_renamed, node({"a", "b"}, "Bee"));
  CHECK(repeated(answer(get_label, node({"a", "b"})), 1) == std::vector<std::string>{"Bee"});
  CHECK(answer(get_label, node({"zz"})).empty());  // not there: the response's zero
  CHECK(rebuilt(add_section) == std::vector<std::string>{node({"a"}, "A"), node({"a", "b"}, "Bee")});
}

TEST_CASE_METHOD(Shelf, "collection getters: each element's field, its zero when absent, nothing out of range") {
  call(add_book, book("", 3));  // an empty title is left out of the element: the getter answers ""
  call(add_book, book("z"));    // no stars: 0
  std::string want;
  string_field(want, 1, "", true);
  string_field(want, 1, "z");
  CHECK(answer(get_titles) == want);
  std::string stars;
  varint(stars, 1 << 3);
  varint(stars, 3);
  varint(stars, 1 << 3);
  varint(stars, 0);
  CHECK(answer(get_stars) == stars);
  CHECK(answer(get_title, at(2)).empty());
  CHECK(answer(get_title, at(-1)).empty());
  std::string first;
  string_field(first, 1, "", true);
  CHECK(answer(get_title, at(0)) == first);  // there, and empty: present as ""
}

TEST_CASE_METHOD(Shelf, "collection getters: the answer is the current value, not a copy from before a change") {
  call(add_book, book("a"));
  CHECK(titles() == std::vector<std::string>{"a"});
  call(add_book, book("b"));
  CHECK(titles() == std::vector<std::string>{"a", "b"});
  report(on_removed, at(0));
  CHECK(titles() == std::vector<std::string>{"b"});
}
