// The rules of collection state, in one place. A class declares its
// collection state fields in the schema (options.proto `State`: a list, a
// keyed tree or a set) and each method that changes one names its
// operation (`Method.op`); the generator writes those declarations as
// StateInfo and MethodInfo tables, and the functions here interpret them
// for every class alike. The server's WidgetStore keeps each widget's
// current value with them (getters answer from it, a rebuild sends it),
// the test kit's page model applies the same functions to what it
// receives, and tests/cases/state_ops.json checks them against the
// browser's widgets. No widget class has state code of its own.
#pragma once

#include <cstdint>
#include <functional>
#include <map>
#include <string>
#include <string_view>
#include <vector>

#include "list_element.hpp"
#include "state_path.hpp"
#include "pgwidgets/session_link.hpp"

namespace pgw::detail {

// A tree node's path, a set member's key (state_path.hpp): the request's
// `index` field's values (a repeated string as it is, a number or widget id
// in decimal).

// The current value of one collection state field.
struct StateValue {
  struct Entry {
    std::uint64_t order = 0;  // when it was added: a rebuild sends entries in this order
    std::string message;      // the request that added or last changed it
  };
  const StateInfo* info = nullptr;
  std::vector<ListElement> list;           // LIST: each element's message, in order
  std::map<StatePath, Entry> entries;      // TREE: nodes by path; SET: members by key
  std::uint64_t next_order = 0;
  // LIST: the request the last ASSIGN took its elements from (they are
  // slices of it), and how many it gave.
  SharedBytes assigned;
  std::size_t assigned_elements = 0;

  std::size_t size() const { return info && info->kind == StateKind::list ? list.size() : entries.size(); }
  // Once fewer than half of `assigned`'s elements are left in the list,
  // gives them bytes of their own and lets the request go (call after a
  // change that removes or replaces elements).
  void settle_list();
};

// The value a new widget starts with: a LIST's `init` items, taken from its
// constructor arguments (each becomes the snapshot request's one field).
StateValue initial_state(const StateInfo& info, std::string_view ctor_args);

// Applies `method`'s operation (method.op) with request `args` to `v`.
// When the rules refuse it (a position out of range, a tree node whose
// parent is missing, a path that is not there, bytes that do not parse)
// it throws std::invalid_argument saying why, and `v` is unchanged. When
// `owner` holds `args`, an ASSIGN's list keeps slices of it, not a copy.
void apply_state_op(StateValue& v, const MethodInfo& method, std::string_view args, const SharedBytes& owner = {});

// Applies setter `m` (an op of its state m.field) with request `args` to
// a widget's collection states `states` (its class's and its bases'): the
// op (ALL_PARENTS and ALL_NODES reading the state their `of` names), then
// the SETs within that state (State.within) brought along: a member is
// only ever a node or position that is there, a removed node's members
// go, a position moved by an insert or remove moves, a CLEAR or a `fresh`
// ASSIGN empties them (state_within.cpp); a CLEAR's `also_clears`
// collections are cleared too (their plain fields are the caller's: a
// record to drop). A COLUMN_INSERT or COLUMN_DELETE brings the states
// `column_of` the list along and says what it did in `*column` (the plain
// records following it are the caller's: follow_column_record). False when the widget has no such state. Throws std::invalid_argument as apply_state_op does, and
// then nothing changed.
struct ColumnChange;
bool apply_to_states(std::vector<StateValue>& states, const MethodInfo& m, std::string_view args,
                     ColumnChange* column = nullptr, const SharedBytes& owner = {});

// ---- A LIST of columns (state_columns.cpp; options.proto COLUMN_INSERT) ----

// What a COLUMN_INSERT or COLUMN_DELETE did: the column's position, and,
// for columns named by key (StateInfo::column_key), its name.
struct ColumnChange {
  bool insert = false;
  std::size_t at = 0;
  bool by_name = false;
  std::string name;
};

// Applies a COLUMN_INSERT or COLUMN_DELETE to the LIST of columns. A
// position out of range, or a column to delete whose name is not there,
// throws std::invalid_argument, and nothing changed.
ColumnChange apply_column_op(StateValue& columns, const MethodInfo& m, std::string_view args);

// The names of a LIST of columns named by key (StateInfo::column_key): each
// element's key, or "_col<i>" when it leaves it empty.
std::vector<std::string> column_names(const StateValue& columns);

// Brings state `v` (its StateInfo::column_of the list changed) along.
void follow_columns(StateValue& v, const ColumnChange& c);

// A plain field's record whose setter names a column in request field
// `field` (Method.column), brought along: false when it goes with its column.
bool follow_column_record(std::string& args, std::uint16_t field, const ColumnChange& c);

// Whether path `q` is strictly under `p` (a descendant's).
bool is_under(const StatePath& q, const StatePath& p);

// A path as messages spell it: "[a/b]".
std::string spell(const StatePath& path);

// Calls `f` with the path of every node of `tree` that has a child, in
// path order.
void for_each_parent(const StateValue& tree, const std::function<void(const StatePath&)>& f);

// A PARENTS_NOT_IN getter's answer: the path of every node of `tree` that
// has a child and is not in `set`, in path order, each as the set's
// element message (the path in field `key_field`) in g.answer_field.
std::string answer_parents_not_in(const StateValue& set, const StateValue& tree, const MethodInfo& g,
                                  std::uint16_t key_field);

// A SUBTREE getter's answer (state_subtree.cpp): the nodes of `tree`
// picked by the request's path (g.index_field) or status (g.pick_field,
// one of g.picks, whose SETs `state_of` finds, or "all"), each with its
// descendants and ancestors, in the order a rebuild sends them, each in
// g.answer_field. A path not in the tree or an unknown status throws
// std::invalid_argument saying so.
std::string answer_subtree(const StateValue& tree, const MethodInfo& g, std::string_view request,
                           const std::function<const StateValue*(std::uint32_t)>& state_of);

// ALL_PARENTS: `set` becomes the path of every node of `tree` that has a
// child (ALL_NODES: of every node; of a LIST, every position), each
// member's message holding it in field m.index_field.
void apply_all_parents(StateValue& set, const StateValue& tree, const MethodInfo& m);

// The key or path named by request field `field` of `args` (empty when
// the field is absent).
StatePath state_key(std::string_view args, std::uint16_t field);

// The key or path of method `m`'s request (or of one of its elements) in
// its field m.index_field, read as m.index_zero says: a singular scalar key
// is its last occurrence, and absent it is the zero protobuf left out ("0"
// or ""), never an empty path.
StatePath state_key(std::string_view args, const MethodInfo& m);

// Calls `emit` with each element's message, in the order a rebuild sends
// them (a list in order; tree nodes and set members in the order they were
// added, so a node always follows its parent).
void for_each_element(const StateValue& v, const std::function<void(std::string_view)>& emit);

// Removes the tree node whose path starts with `key` (a per-child entry:
// the child left) and its descendants; true when there was one.
bool erase_subtree(StateValue& v, const StatePath& path);

// The key a SET_ADD or SET_REMOVE request `args` names: state_key's, and
// for a cell (a by_cell set, MethodInfo::to_zero) then its column.
StatePath member_key(std::string_view args, const MethodInfo& m);

// `bytes` without any occurrence of field `number` (a rebuild leaves a
// list's `init` constructor field out, and sends the list instead).
std::string without_field(std::string_view bytes, std::uint32_t number);

// The encoded response of `getter`, a getter of the collection state `v`
// (MethodInfo's answer_field, element_field, element_wire), to `request`:
// every element in the order a rebuild sends them, or with an index_field
// the one at that position or key (none there: the empty message, the
// response's zero). Each is the whole element or its element_field (absent
// in it: that field's zero). Throws std::invalid_argument on bytes that do
// not parse.
std::string answer_state(const StateValue& v, const MethodInfo& getter, std::string_view request);

// The collection state `field` of class `cls` (declared by it or a base),
// or nullptr.
const StateInfo* find_state(const ClassInfo& cls, std::uint32_t field);

// A new widget's collection states, every one its class and its bases
// declare (root first), each started from the constructor arguments.
std::vector<StateValue> initial_states(const ClassInfo& cls, std::string_view ctor_args);

// ---- A grid's extent (StateInfo::axes, schema option State.counts) ----
//
// Its value is one line count per axis, kept in the widget's constructor
// arguments (so a rebuild creates it at its current extent), and the
// children's cells, kept in their attaching calls' arguments.

// The extent of class `cls` or a base (a State with axes), or nullptr.
const StateInfo* find_extent(const ClassInfo& cls);
// The counts the constructor arguments say: each field as given, else its
// default, and never less than 1 (the page draws at least one line).
std::vector<int> extent_counts(const StateInfo& info, std::string_view ctor_args);
// `ctor_args` with its count fields set to `counts`.
std::string with_extent_counts(const StateInfo& info, std::string ctor_args, const std::vector<int>& counts);
// Grows `counts` to cover the cell in attaching arguments `attach_args`;
// a negative cell throws std::invalid_argument (and changes nothing).
void cover_cell(const StateInfo& info, std::vector<int>& counts, std::string_view attach_args);
// `bytes` with int32 field `number` set to `value` (fields stay in number
// order; a 0 is left out, as protobuf writes it).
std::string with_int_field(std::string_view bytes, std::uint32_t number, int value);

// A child of the grid with the arguments of the call that put it in a cell.
struct CellChild {
  WidgetId id = 0;
  std::string_view attach_args;
};

// What a LINE_INSERT or LINE_DELETE does, decided before anything changes.
struct LinePlan {
  std::vector<int> counts;                                  // the counts after it
  std::vector<std::pair<WidgetId, std::string>> moved;      // children whose cell moves: their new arguments
  std::vector<WidgetId> removed;                            // children leaving (LINE_DELETE)
  std::vector<std::pair<WidgetId, std::string>> placed;     // widgets put in the new line, in order, with
                                                            // their attaching arguments (LINE_INSERT)
};

// The rules of LINE_INSERT and LINE_DELETE (see options.proto) for `method`
// with request `args` on a grid whose counts are `counts` and children
// `children`. An index out of range or a widget 0 throws
// std::invalid_argument saying why. A widget named twice is placed twice,
// as add_widget would: it ends in the last cell named.
LinePlan plan_line_op(const StateInfo& info, const MethodInfo& method, std::string_view args,
                      std::vector<int> counts, const std::vector<CellChild>& children);

}  // namespace pgw::detail
