// A LIST of columns (TreeView's and TableView's) and the states that name
// its columns (State.column_of): COLUMN_INSERT and COLUMN_DELETE change the
// list, then everything keyed by a column follows, as the page's grid
// carries its per-column state along: positions move, a deleted column's
// entries and cells go. Columns named by key move nothing on an insert.
#include <algorithm>
#include <charconv>
#include <stdexcept>

#include "state_ops.hpp"
#include "state_wire.hpp"
#include "wire_fields.hpp"

namespace pgw::detail {

namespace {

// `bytes` with string field `number` set to `value` (every other occurrence dropped).
std::string with_string_field(std::string_view bytes, std::uint32_t number, std::string_view value) {
  return without_field(bytes, number) + encode_string_field(number, value);
}

// The element a COLUMN_INSERT adds: its request's `element` field, or the request.
std::string inserted_element(std::string_view args, const MethodInfo& m) {
  if (m.element_field == 0) return std::string(args);
  std::string element;
  WireField f;
  while (next_field(args, f)) {
    if (f.number == m.element_field && f.type == 2) element.assign(f.bytes);  // the last, as protobuf merges one
  }
  return element;
}

// Moves the position held in the last key component (and message field
// `field`) of every entry of `v` as the change moves columns.
void move_column_positions(StateValue& v, std::uint16_t field, const ColumnChange& c) {
  std::map<StatePath, StateValue::Entry> out;
  for (auto& [key, entry] : v.entries) {
    std::size_t p = 0;
    const std::string& k = key.back();
    const auto [end, ec] = std::from_chars(k.data(), k.data() + k.size(), p);
    if (ec != std::errc() || end != k.data() + k.size() || p < c.at) {
      out.emplace(key, std::move(entry));
      continue;
    }
    if (!c.insert && p == c.at) continue;  // the deleted column's
    const std::size_t q = c.insert ? p + 1 : p - 1;
    entry.message = with_int_field(entry.message, field, static_cast<int>(q));
    StatePath to = key.parent();
    to.push_back(std::to_string(q));
    out.emplace(std::move(to), std::move(entry));
  }
  v.entries = std::move(out);
}

// A table row's repeated cell field with an empty cell put in at, or the
// cell at, the changed position (a row without that many cells is as it is).
std::string shift_row_cells(std::string_view row, std::uint16_t field, const ColumnChange& c) {
  std::string out;
  out.reserve(row.size() + 2);
  std::size_t seen = 0;
  WireField f;
  while (next_field(row, f)) {
    if (f.number == field && f.type == 2) {
      const std::size_t i = seen++;
      if (i == c.at) {
        if (!c.insert) continue;
        write_varint(out, (static_cast<std::uint64_t>(field) << 3) | 2);
        write_varint(out, 0);  // an empty pgw::Value: no value
      }
    }
    out.append(f.raw);
  }
  return out;
}

// A tree node's map field without its entry for column `name`.
std::string without_map_entry(std::string_view node, std::uint16_t field, std::string_view name) {
  std::string out;
  out.reserve(node.size());
  WireField f;
  while (next_field(node, f)) {
    if (f.number == field && f.type == 2 && string_field(f.bytes, 1).value_or(std::string()) == name) continue;
    out.append(f.raw);
  }
  return out;
}

}  // namespace

std::vector<std::string> column_names(const StateValue& columns) {
  std::vector<std::string> out;
  out.reserve(columns.list.size());
  for (std::size_t i = 0; i < columns.list.size(); ++i) {
    std::string name = string_field(columns.list[i], columns.info->column_key).value_or(std::string());
    out.push_back(name.empty() ? "_col" + std::to_string(i) : std::move(name));
  }
  return out;
}

ColumnChange apply_column_op(StateValue& columns, const MethodInfo& m, std::string_view args) {
  // Every check comes before the first change: a refused call changes nothing.
  auto& list = columns.list;
  const bool named = columns.info->column_key != 0;
  ColumnChange c{.insert = m.op == StateOp::column_insert, .by_name = named};
  const std::vector<std::string> names = named ? column_names(columns) : std::vector<std::string>{};
  std::string element;
  if (c.insert) {
    element = inserted_element(args, m);
    c.at = list.size();
    if (m.index_field != 0) {
      const int at = position(args, m.index_field);
      check_index(at, list.size(), true);
      c.at = static_cast<std::size_t>(at);
    } else if (m.before_field != 0) {
      // Before the column of that name; at the end when none has it (as pgwidgets).
      const std::string before = string_field(args, m.before_field).value_or(std::string());
      if (!before.empty()) {
        const auto it = std::find(names.begin(), names.end(), before);
        if (it != names.end()) c.at = static_cast<std::size_t>(it - names.begin());
      }
    }
  } else if (m.index_field != 0) {
    const int at = position(args, m.index_field);
    check_index(at, list.size(), false);
    c.at = static_cast<std::size_t>(at);
  } else {
    const std::string name = string_field(args, m.column_field).value_or(std::string());
    const auto it = std::find(names.begin(), names.end(), name);
    if (it == names.end()) throw std::invalid_argument("column \"" + name + "\" is not there");
    c.at = static_cast<std::size_t>(it - names.begin());
  }
  if (named) {
    // Each column keeps the name it has now as others come and go.
    for (std::size_t i = 0; i < list.size(); ++i) {
      if (string_field(list[i], columns.info->column_key).value_or(std::string()).empty()) {
        list[i] = with_string_field(list[i], columns.info->column_key, names[i]);
      }
    }
  }
  if (c.insert) {
    if (named) {
      c.name = string_field(element, columns.info->column_key).value_or(std::string());
      if (c.name.empty()) {
        c.name = "_col" + std::to_string(list.size());
        element = with_string_field(element, columns.info->column_key, c.name);
      }
    }
    list.insert(list.begin() + static_cast<std::ptrdiff_t>(c.at), std::move(element));
  } else {
    if (named) c.name = names[c.at];
    list.erase(list.begin() + static_cast<std::ptrdiff_t>(c.at));
  }
  return c;
}

void follow_columns(StateValue& v, const ColumnChange& c) {
  const StateInfo& info = *v.info;
  switch (info.column_role) {
    case ColumnRole::none:
      return;
    case ColumnRole::key:
    case ColumnRole::cell:
      if (!c.by_name) {
        move_column_positions(v, info.column_field, c);
      } else if (!c.insert) {
        std::erase_if(v.entries, [&](const auto& e) { return !e.first.empty() && e.first.back() == c.name; });
      }
      return;
    case ColumnRole::row_cells:
      if (c.by_name) return;  // cells by position only
      for (ListElement& row : v.list) row = shift_row_cells(row, info.column_field, c);
      v.settle_list();
      return;
    case ColumnRole::node_map:
      if (c.insert || !c.by_name) return;
      for (auto& [path, entry] : v.entries) entry.message = without_map_entry(entry.message, info.column_field, c.name);
      return;
  }
}

bool follow_column_record(std::string& args, std::uint16_t field, const ColumnChange& c) {
  if (c.by_name) return c.insert || string_field(args, field).value_or(std::string()) != c.name;
  const int p = position(args, field);
  if (p < 0 || static_cast<std::size_t>(p) < c.at) return true;
  if (!c.insert && static_cast<std::size_t>(p) == c.at) return false;
  args = with_int_field(args, field, c.insert ? p + 1 : p - 1);
  return true;
}

}  // namespace pgw::detail
