// A widget's collection states taken together: a setter's op on its state,
// then the SETs whose members are that state's nodes or positions
// (State.within) brought along, as the page's widget carries its selection
// and expansion with its rows. The server's WidgetStore and the test kit's
// page model both apply setters through apply_to_states.
#include <charconv>
#include <optional>
#include <set>
#include <stdexcept>
#include <string_view>

#include "state_ops.hpp"
#include "state_wire.hpp"

namespace pgw::detail {

namespace {

// A LIST position as a SET member's key spells it; nullopt for any other key.
std::optional<std::size_t> position_of(const StatePath& key) {
  std::size_t out = 0;
  if (key.size() != 1) return std::nullopt;
  const std::string k = key.front();
  const auto [end, ec] = std::from_chars(k.data(), k.data() + k.size(), out);
  if (ec != std::errc() || end != k.data() + k.size()) return std::nullopt;
  return out;
}

// The node (or row) part of member key `key` of `set`: a cell's key
// without its column, else all of it.
StatePath node_of(const StatePath& key, const StateValue& set) {
  if (!set.info->by_cell || key.empty()) return key;
  return key.parent();
}

bool is_there(const StatePath& node, const StateValue& of) {
  if (of.info->kind == StateKind::list) {
    const auto at = position_of(node);
    return at && *at < of.list.size();
  }
  return of.entries.contains(node);
}

// Erases the members for which `gone(key)` holds: every member, or when
// `only` is given, only those keys (the members a call just put: the others
// were checked when they came, and checking them all again would make a
// call that selects one row cost the whole selection).
template <class Gone>
void erase_members(StateValue& set, const std::vector<StatePath>* only, Gone gone) {
  if (only == nullptr) {
    std::erase_if(set.entries, [&](const auto& member) { return gone(member.first); });
    return;
  }
  for (const StatePath& key : *only) {
    if (gone(key)) set.entries.erase(key);
  }
}

// Keeps only the members whose node or position is there.
void keep_those_there(StateValue& set, const StateValue& of, const std::vector<StatePath>* only = nullptr) {
  erase_members(set, only, [&](const StatePath& key) { return !is_there(node_of(key, set), of); });
}

// Keeps only the cells whose column is one of `columns` (StateInfo::columns_there).
void keep_cells_of_columns(StateValue& set, const StateValue& columns, const std::vector<StatePath>* only = nullptr) {
  if (columns.info->column_key == 0) {
    erase_members(set, only, [&](const StatePath& key) {
      const auto at = key.empty() ? std::nullopt : position_of(StatePath{key.back()});
      return !at || *at >= columns.list.size();
    });
    return;
  }
  const std::vector<std::string> names = column_names(columns);
  const std::set<std::string_view> there(names.begin(), names.end());
  erase_members(set, only, [&](const StatePath& key) { return key.empty() || !there.contains(key.back()); });
}

// The member keys a SET's PUT_ALL or SET_ADD request puts, as apply_state_op reads them.
std::vector<StatePath> put_keys(std::string_view args, const MethodInfo& m) {
  if (m.op == StateOp::set_add) return {member_key(args, m)};
  std::vector<StatePath> out;
  WireField f;
  while (next_field(args, f)) {
    if (f.number == m.items_field && f.type == 2) out.push_back(member_key(f.bytes, m));
  }
  return out;
}

// Removes the members of the node at `path` and its descendants.
void erase_under(StateValue& set, const StatePath& path) {
  if (!set.info->by_cell) {
    erase_subtree(set, path);
    return;
  }
  // A cell's key is longer than its node's path: one of exactly `path`'s
  // length is a cell of the parent (its column named as the node is).
  auto it = set.entries.lower_bound(path);
  while (it != set.entries.end() && it->first.starts_with(path)) {
    it = it->first.size() > path.size() ? set.entries.erase(it) : std::next(it);
  }
}

// The positions at or after `at` move by `by` (+1: a row inserted there;
// -1: the row at `at` removed, its member with it). Each moved member's
// message says its new position.
void move_positions(StateValue& set, std::size_t at, int by) {
  std::map<StatePath, StateValue::Entry> moved;
  for (auto& [key, entry] : set.entries) {
    const std::size_t p = position_of({key.front()}).value_or(0);
    if (p < at) {
      moved.emplace(key, std::move(entry));
      continue;
    }
    if (by < 0 && p == at) continue;
    const std::size_t q = by < 0 ? p - 1 : p + 1;
    entry.message = with_int_field(entry.message, set.info->key_field, static_cast<int>(q));
    moved.emplace(key.with_front(std::to_string(q)), std::move(entry));  // a cell keeps its column
  }
  set.entries = std::move(moved);
}

// `set`, within `of`, after setter `m` changed `of` with request `args`.
void follow(StateValue& set, const StateValue& of, const MethodInfo& m, std::string_view args) {
  if (m.op == StateOp::clear || (m.op == StateOp::assign && m.fresh)) {
    set.entries.clear();
    return;
  }
  switch (m.op) {
    case StateOp::list_insert:
    case StateOp::list_remove: {
      // The op took this position (absent: 0), so it reads as one; protobuf
      // reads a scalar's last occurrence.
      const StatePath given = state_key(args, m.index_field);
      const std::size_t at = given.empty() ? 0 : position_of({given.back()}).value_or(0);
      move_positions(set, at, m.op == StateOp::list_insert ? 1 : -1);
      return;
    }
    case StateOp::tree_remove:
      erase_under(set, state_key(args, m));
      return;
    case StateOp::remove_all:
    case StateOp::delete_all:
    case StateOp::assign:
      keep_those_there(set, of);
      return;
    default:
      // Nothing went or moved (an append, an add, a cell's new value); the
      // schema refuses a LIST op that moves positions unsaid.
      return;
  }
}

}  // namespace

bool apply_to_states(std::vector<StateValue>& states, const MethodInfo& m, std::string_view args,
                     ColumnChange* column, const SharedBytes& owner) {
  StateValue* target = nullptr;
  const StateValue* of = nullptr;
  for (StateValue& v : states) {
    if (v.info->field == m.field) target = &v;
    if (m.of_state != 0 && v.info->field == m.of_state) of = &v;
  }
  if (target == nullptr) return false;
  if (m.op == StateOp::all_parents || m.op == StateOp::all_nodes) {
    if (of == nullptr) return false;
    apply_all_parents(*target, *of, m);
  } else if (m.op == StateOp::column_insert || m.op == StateOp::column_delete) {
    const ColumnChange change = apply_column_op(*target, m, args);
    for (StateValue& v : states) {
      if (v.info->column_of == m.field) follow_columns(v, change);
    }
    if (column != nullptr) *column = change;
  } else {
    apply_state_op(*target, m, args, owner);
  }
  // A SET's SET_ADD or PUT_ALL checks what it put; an ASSIGN's members are all new.
  const bool is_set = target->info->kind == StateKind::set;
  const bool puts = is_set && (m.op == StateOp::set_add || m.op == StateOp::put_all);
  const bool adds = puts || m.op == StateOp::assign;
  const bool checked = adds && (target->info->within != 0 || target->info->columns_there);
  const std::vector<StatePath> put = checked && puts ? put_keys(args, m) : std::vector<StatePath>{};
  const std::vector<StatePath>* only = puts ? &put : nullptr;
  if (target->info->within != 0 && adds) {
    // Members are only ever nodes or positions that are there (the page shows none of the others).
    for (const StateValue& v : states) {
      if (v.info->field == target->info->within) keep_those_there(*target, v, only);
    }
  }
  if (target->info->columns_there && adds) {
    // Only cells of the columns there, as the page selects no other.
    for (const StateValue& v : states) {
      if (v.info->field == target->info->column_of) keep_cells_of_columns(*target, v, only);
    }
  }
  if (m.op == StateOp::assign) {
    // New columns (set_columns): a cell keeps its column's key wherever the
    // column went, and a column gone takes its cells for good, as on the page.
    for (StateValue& v : states) {
      if (v.info->columns_there && v.info->column_of == m.field) keep_cells_of_columns(v, *target);
    }
  }
  for (StateValue& v : states) {
    if (v.info->within == m.field && &v != target) follow(v, *target, m, args);
  }
  // A CLEAR's other collections (Method.also_clears), as if each were cleared.
  for (const std::uint32_t other : m.also_clears) {
    MethodInfo clear = m;
    clear.field = other;
    clear.also_clears = {};
    apply_to_states(states, clear, "");  // false for a plain field: not a collection
  }
  return true;
}

}  // namespace pgw::detail
