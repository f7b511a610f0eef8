#include "state_ops.hpp"
#include "state_wire.hpp"

#include <algorithm>
#include <optional>
#include <set>
#include <stdexcept>

#include "pgwidgets/schema_registry.hpp"

namespace pgw::detail {

bool is_under(const StatePath& q, const StatePath& p) {
  return q.is_under(p);
}

namespace {

bool read_varint(std::string_view& in, std::uint64_t& out) {
  out = 0;
  for (int shift = 0; shift < 64; shift += 7) {
    if (in.empty()) return false;
    const auto byte = static_cast<unsigned char>(in.front());
    in.remove_prefix(1);
    out |= static_cast<std::uint64_t>(byte & 0x7f) << shift;
    if ((byte & 0x80) == 0) return true;
  }
  return false;
}

}  // namespace

bool next_field(std::string_view& in, WireField& f) {
  if (in.empty()) return false;
  const std::string_view start = in;
  std::uint64_t tag = 0;
  if (!read_varint(in, tag) || (tag >> 3) == 0 || (tag >> 3) > 0x1fffffff) {
    throw std::invalid_argument("the arguments do not parse");
  }
  f.number = static_cast<std::uint32_t>(tag >> 3);
  f.type = static_cast<std::uint32_t>(tag & 7);
  f.bytes = {};
  f.varint = 0;
  switch (f.type) {
    case 0:
      if (!read_varint(in, f.varint)) throw std::invalid_argument("the arguments do not parse");
      break;
    case 1:
    case 5: {
      const std::size_t n = f.type == 1 ? 8 : 4;
      if (in.size() < n) throw std::invalid_argument("the arguments do not parse");
      in.remove_prefix(n);
      break;
    }
    case 2: {
      std::uint64_t n = 0;
      if (!read_varint(in, n) || n > in.size()) throw std::invalid_argument("the arguments do not parse");
      f.bytes = in.substr(0, static_cast<std::size_t>(n));
      in.remove_prefix(static_cast<std::size_t>(n));
      break;
    }
    default:
      throw std::invalid_argument("the arguments do not parse");
  }
  f.raw = start.substr(0, start.size() - in.size());
  return true;
}

void write_varint(std::string& out, std::uint64_t v) {
  while (v >= 0x80) {
    out.push_back(static_cast<char>((v & 0x7f) | 0x80));
    v >>= 7;
  }
  out.push_back(static_cast<char>(v));
}

int position(std::string_view args, std::uint16_t field) {
  std::optional<std::int64_t> value;
  WireField f;
  while (next_field(args, f)) {
    if (f.number == field && f.type == 0) value = static_cast<std::int64_t>(f.varint);
  }
  const std::int64_t v = value.value_or(0);
  if (v < INT32_MIN || v > INT32_MAX) throw std::invalid_argument("the position is not an int32");
  return static_cast<int>(v);
}

namespace {

// The first field's payload: what a sorted insert compares.
std::string_view sort_key(std::string_view message) {
  WireField f;
  while (next_field(message, f)) {
    if (f.number == 1) return f.type == 2 ? f.bytes : f.raw;
  }
  return {};
}

}  // namespace

std::string spell(const StatePath& path) {
  std::string out;
  for (const std::string& k : path) out += (out.empty() ? "" : "/") + k;
  return "[" + out + "]";
}

void check_index(int index, std::size_t size, bool insert) {
  const auto last = static_cast<int>(size) - (insert ? 0 : 1);
  if (index < 0 || index > last) {
    throw std::invalid_argument("index " + std::to_string(index) + " is out of range: the list takes " +
                                (last < 0 ? std::string("none (it is empty)") : "0.." + std::to_string(last)) +
                                " here");
  }
}

namespace {

void add_entry(StateValue& v, StatePath path, std::string message) {
  v.entries[std::move(path)] = StateValue::Entry{v.next_order++, std::move(message)};
}

// `adding`: nodes the same call adds before this one, not yet in `v`.
void check_parent(const StateValue& v, const StatePath& path, const std::set<StatePath>* adding = nullptr) {
  if (path.empty()) throw std::invalid_argument("the path is empty");
  if (path.size() > 1) {
    const StatePath parent = path.parent();
    if (!v.entries.contains(parent) && !(adding && adding->contains(parent))) {
      throw std::invalid_argument("node " + spell(path) + " has no parent " + spell(parent) + " in the tree");
    }
  }
}

}  // namespace

StatePath state_key(std::string_view args, std::uint16_t field) {
  StatePath out;
  WireField f;
  while (next_field(args, f)) {
    if (f.number != field) continue;
    if (f.type == 2) out.emplace_back(f.bytes);
    else if (f.type == 0) out.push_back(std::to_string(f.varint));
  }
  return out;
}

StatePath state_key(std::string_view args, const MethodInfo& m) {
  StatePath all = state_key(args, m.index_field);
  switch (m.index_zero) {
    case KeyZero::none:
      return all;
    case KeyZero::number:
      if (all.empty()) return {"0"};
      break;
    case KeyZero::string:
      if (all.empty()) return {""};
      break;
  }
  // One scalar: protobuf reads the last occurrence.
  return {std::move(all.back())};
}

StatePath member_key(std::string_view args, const MethodInfo& m) {
  StatePath key = state_key(args, m);
  if (m.to_zero == KeyZero::none) return key;
  // A cell: then its column, a singular scalar (absent: its zero).
  StatePath column = state_key(args, m.to_field);
  if (column.empty()) key.emplace_back(m.to_zero == KeyZero::number ? "0" : "");
  else key.push_back(std::move(column.back()));
  return key;
}

std::string without_field(std::string_view bytes, std::uint32_t number) {
  std::string out;
  out.reserve(bytes.size());
  WireField f;
  while (next_field(bytes, f)) {
    if (f.number != number) out.append(f.raw);
  }
  return out;
}

StateValue initial_state(const StateInfo& info, std::string_view ctor_args) {
  StateValue v;
  v.info = &info;
  if (info.kind != StateKind::list || info.init_field == 0) return v;
  WireField f;
  while (next_field(ctor_args, f)) {
    if (f.number != info.init_field || f.type != 2) continue;
    // As the proxy encodes the snapshot's request: an empty string is left out.
    std::string element;
    if (f.bytes.empty()) {
      v.list.push_back(std::move(element));
      continue;
    }
    write_varint(element, (static_cast<std::uint64_t>(info.element_field) << 3) | 2);
    write_varint(element, f.bytes.size());
    element.append(f.bytes);
    v.list.push_back(std::move(element));
  }
  return v;
}

namespace {

void apply_op(StateValue& v, const MethodInfo& m, std::string_view args, const SharedBytes& owner) {
  // Every check comes before the first change: a refused call changes nothing.
  auto& list = v.list;
  switch (m.op) {
    case StateOp::none:
      return;
    case StateOp::list_append:
      sort_key(args);  // parses, or throws
      list.emplace_back(args);
      return;
    case StateOp::list_insert: {
      const int index = position(args, m.index_field);
      check_index(index, list.size(), true);
      list.insert(list.begin() + index, without_field(args, m.index_field));
      return;
    }
    case StateOp::list_insert_sorted: {
      const std::string_view key = sort_key(args);
      auto at = std::find_if(list.begin(), list.end(), [&](const ListElement& e) { return key < sort_key(e); });
      list.insert(at, std::string(args));
      return;
    }
    case StateOp::list_remove: {
      const int index = position(args, m.index_field);
      check_index(index, list.size(), false);
      list.erase(list.begin() + index);
      return;
    }
    case StateOp::list_remove_value: {
      sort_key(args);
      if (auto it = std::find(list.begin(), list.end(), args); it != list.end()) list.erase(it);
      return;
    }
    case StateOp::list_move: {
      const int from = position(args, m.index_field);
      const int to = position(args, m.to_field);
      check_index(from, list.size(), false);
      check_index(to, list.size(), false);
      ListElement e = std::move(list[static_cast<std::size_t>(from)]);
      list.erase(list.begin() + from);
      list.insert(list.begin() + to, std::move(e));
      return;
    }
    case StateOp::clear:
      list.clear();
      v.entries.clear();
      return;
    case StateOp::tree_add: {
      StatePath path = state_key(args, m);
      check_parent(v, path);
      if (v.entries.contains(path)) throw std::invalid_argument("node " + spell(path) + " is already in the tree");
      add_entry(v, std::move(path), std::string(args));
      return;
    }
    case StateOp::tree_update: {
      const StatePath path = state_key(args, m);
      auto it = v.entries.find(path);
      if (it == v.entries.end()) throw std::invalid_argument("node " + spell(path) + " is not in the tree");
      it->second.message.assign(args);
      return;
    }
    case StateOp::tree_put: {
      StatePath path = state_key(args, m);
      check_parent(v, path);
      if (auto it = v.entries.find(path); it != v.entries.end()) {
        it->second.message.assign(args);
      } else {
        add_entry(v, std::move(path), std::string(args));
      }
      return;
    }
    case StateOp::tree_remove: {
      const StatePath path = state_key(args, m);
      if (!v.entries.contains(path)) throw std::invalid_argument("node " + spell(path) + " is not in the tree");
      erase_subtree(v, path);
      return;
    }
    case StateOp::set_add: {
      StatePath key = member_key(args, m);
      if (key.empty()) throw std::invalid_argument("the key is empty");
      if (auto it = v.entries.find(key); it != v.entries.end()) {
        it->second.message.assign(args);
      } else {
        add_entry(v, std::move(key), std::string(args));
      }
      return;
    }
    case StateOp::set_remove:
      v.entries.erase(member_key(args, m));
      return;
    case StateOp::assign: {
      // Built aside, then swapped in: a refused element changes nothing.
      StateValue next;
      next.info = v.info;
      const bool is_list = v.info && v.info->kind == StateKind::list;
      const bool is_tree = v.info && v.info->kind == StateKind::tree;
      WireField f;
      if (is_list) {
        // Counted first: 100,000 rows are placed once, not moved as the list grows.
        std::size_t n = 0;
        for (std::string_view in = args; next_field(in, f);) n += f.number == m.items_field && f.type == 2 ? 1 : 0;
        next.list.reserve(n);
        // The elements are slices of one copy of the request (list_element.hpp),
        // or of the request itself when it is shared.
        if (n != 0) {
          const bool held = owner && owner->data() == args.data() && owner->size() == args.size();
          next.assigned = held ? owner : std::make_shared<const std::string>(args);
          next.assigned_elements = n;
        }
      }
      std::string_view in = args;
      while (next_field(in, f)) {
        if (f.number != m.items_field || f.type != 2) continue;
        if (is_list) {
          sort_key(f.bytes);  // parses, or throws
          const auto at = static_cast<std::size_t>(f.bytes.data() - args.data());
          next.list.emplace_back(next.assigned, std::string_view(*next.assigned).substr(at, f.bytes.size()));
          continue;
        }
        // A set's member key: a cell's (by_cell) is its row's and its column.
        StatePath path = is_tree ? state_key(f.bytes, m) : member_key(f.bytes, m);
        if (is_tree) check_parent(next, path);
        else if (path.empty()) throw std::invalid_argument("the key is empty");
        if (next.entries.contains(path)) {
          if (is_tree) throw std::invalid_argument(spell(path) + " is given twice");
          continue;  // a set holds a key once
        }
        add_entry(next, std::move(path), std::string(f.bytes));
      }
      v = std::move(next);
      return;
    }
    case StateOp::put_all: {
      // Every item checked, then all applied in place: a refused call
      // changes nothing, and adding one node to a tree of 100,000 costs one
      // node, not a copy of the tree (bench "TreeView and TableView").
      const bool is_tree = v.info && v.info->kind == StateKind::tree;
      std::vector<std::pair<StatePath, std::string_view>> items;
      std::set<StatePath> adding;  // a later item's parent may come earlier in the call
      WireField f;
      std::string_view in = args;
      while (next_field(in, f)) {
        if (f.number != m.items_field || f.type != 2) continue;
        StatePath path = is_tree ? state_key(f.bytes, m) : member_key(f.bytes, m);
        if (is_tree) {
          check_parent(v, path, &adding);
          if (!v.entries.contains(path)) adding.insert(path);
        } else if (path.empty()) {
          throw std::invalid_argument("the key is empty");
        }
        items.emplace_back(std::move(path), f.bytes);
      }
      for (auto& [path, bytes] : items) {
        if (auto it = v.entries.find(path); it != v.entries.end()) it->second.message.assign(bytes);
        else add_entry(v, std::move(path), std::string(bytes));
      }
      return;
    }
    case StateOp::remove_all: {
      std::vector<StatePath> paths;
      WireField f;
      std::string_view in = args;
      while (next_field(in, f)) {
        if (f.number != m.items_field || f.type != 2) continue;
        const bool is_tree = v.info && v.info->kind == StateKind::tree;
        paths.push_back(is_tree ? state_key(f.bytes, m) : member_key(f.bytes, m));
      }
      for (const StatePath& p : paths) {
        if (!v.entries.contains(p)) {
          // A descendant of one removed earlier in the same call is fine.
          const bool covered = std::any_of(paths.begin(), paths.end(), [&](const StatePath& q) {
            return is_under(p, q) && v.entries.contains(q);
          });
          if (!covered) throw std::invalid_argument(spell(p) + " is not there");
        }
      }
      for (const StatePath& p : paths) {
        if (v.info && v.info->kind == StateKind::tree) erase_subtree(v, p);
        else v.entries.erase(p);
      }
      return;
    }
    case StateOp::delete_all: {
      bool prune = false;
      std::vector<StatePath> paths;
      WireField f;
      std::string_view in = args;
      while (next_field(in, f)) {
        if (f.number == m.items_field && f.type == 2) paths.push_back(state_key(f.bytes, m));
        else if (m.prune_field != 0 && f.number == m.prune_field && f.type == 0) prune = f.varint != 0;
      }
      for (const StatePath& p : paths) {
        if (p.empty() || !erase_subtree(v, p)) continue;  // not there: skipped, as pgwidgets does
        if (!prune) continue;
        // Its ancestors, nearest first, while one is left without a child.
        for (StatePath up = p.parent(); !up.empty(); up.pop_back()) {
          auto it = v.entries.find(up);
          if (it == v.entries.end()) break;
          // Paths sort with each node's descendants right after it.
          if (auto next = std::next(it); next != v.entries.end() && is_under(next->first, up)) break;
          v.entries.erase(it);
        }
      }
      return;
    }
    case StateOp::set_cell: {
      ListElement* row = nullptr;     // a LIST's element
      std::string* node = nullptr;    // or a tree node's message
      if (v.info && v.info->kind == StateKind::list) {
        const int index = position(args, m.index_field);
        check_index(index, list.size(), false);
        row = &list[static_cast<std::size_t>(index)];
      } else {
        const StatePath path = state_key(args, m);
        auto it = v.entries.find(path);
        if (it == v.entries.end()) throw std::invalid_argument("node " + spell(path) + " is not in the tree");
        node = &it->second.message;
      }
      const std::string_view current = row != nullptr ? row->bytes() : std::string_view(*node);
      // The new value: the request's cell field, as its payload.
      std::string_view value;
      std::string_view key;
      bool numbered = false;  // `to` came as a number
      std::uint64_t cell_pos = 0;
      WireField f;
      std::string_view in = args;
      while (next_field(in, f)) {
        if (f.number == m.cell_field && f.type == 2) value = f.bytes;
        if (f.number == m.to_field) {
          numbered = f.type != 2;
          if (f.type == 2) key = f.bytes;
          else cell_pos = f.varint;
        }
      }
      std::string out;
      if (v.info && v.info->kind == StateKind::list) {
        // A repeated field: replace its item at position `to`.
        std::string_view e = current;
        std::uint64_t seen = 0;
        bool replaced = false;
        while (next_field(e, f)) {
          if (f.number == m.element_field && f.type == 2) {
            if (seen++ == cell_pos) {
              write_varint(out, (static_cast<std::uint64_t>(m.element_field) << 3) | 2);
              write_varint(out, value.size());
              out.append(value);
              replaced = true;
              continue;
            }
          }
          out.append(f.raw);
        }
        if (!replaced || cell_pos > INT32_MAX) {
          throw std::invalid_argument("cell " + std::to_string(cell_pos) + " is out of range: the row has " +
                                      (seen == 0 ? std::string("none") : "0.." + std::to_string(seen - 1)));
        }
      } else {
        // A map field: drop its entries of this key, then add the new one.
        // The key is a plain string (protobuf leaves "" off the wire, in the
        // request and in a map entry alike): absent, it is "".
        if (numbered) throw std::invalid_argument("the cell's key is not a string");
        std::string_view e = current;
        while (next_field(e, f)) {
          if (f.number == m.element_field && f.type == 2) {
            std::string_view entry = f.bytes;
            WireField g;
            std::string_view entry_key;
            while (next_field(entry, g)) {
              if (g.number == 1 && g.type == 2) entry_key = g.bytes;
            }
            if (entry_key == key) continue;
          }
          out.append(f.raw);
        }
        std::string entry;
        write_varint(entry, (1u << 3) | 2);
        write_varint(entry, key.size());
        entry.append(key);
        write_varint(entry, (2u << 3) | 2);
        write_varint(entry, value.size());
        entry.append(value);
        write_varint(out, (static_cast<std::uint64_t>(m.element_field) << 3) | 2);
        write_varint(out, entry.size());
        out.append(entry);
      }
      if (row != nullptr) *row = std::move(out);
      else *node = std::move(out);
      return;
    }
    case StateOp::column_insert:
    case StateOp::column_delete:
      apply_column_op(v, m, args);  // the states following it are apply_to_states'
      return;
    case StateOp::all_parents:
    case StateOp::all_nodes:
      // It reads another state: the widget store applies it (apply_all_parents).
      throw std::invalid_argument(std::string(m.name) + " reads the widget's tree: see apply_all_parents");
    case StateOp::line_insert:
    case StateOp::line_delete:
      // They move children: the widget store applies them (plan_line_op).
      throw std::invalid_argument(std::string(m.name) + " changes a grid's extent, not a collection");
    case StateOp::parents_not_in:
    case StateOp::subtree:
      throw std::invalid_argument(std::string(m.name) + " is a getter: it changes nothing");
  }
}

}  // namespace

void apply_state_op(StateValue& v, const MethodInfo& m, std::string_view args, const SharedBytes& owner) {
  apply_op(v, m, args, owner);
  v.settle_list();
}

void StateValue::settle_list() {
  if (!assigned) return;
  // One count is `assigned` itself, the others its slices (a copy of this
  // value holds more of them, and settles later).
  const auto slices = static_cast<std::size_t>(assigned.use_count()) - 1;
  if (slices * 2 >= assigned_elements) return;
  for (ListElement& e : list) {
    if (e.slices(assigned)) e = ListElement(e.bytes());
  }
  assigned.reset();
  assigned_elements = 0;
}

std::string answer_state(const StateValue& v, const MethodInfo& g, std::string_view request) {
  std::string out;
  auto put = [&](std::string_view element) {
    if (g.element_field == 0) {
      write_varint(out, (static_cast<std::uint64_t>(g.answer_field) << 3) | 2);
      write_varint(out, element.size());
      out.append(element);
      return;
    }
    // The element's field (the last occurrence wins, as protobuf reads it).
    std::optional<WireField> found;
    WireField f;
    while (next_field(element, f)) {
      if (f.number == g.element_field && f.type == g.element_wire) found = f;
    }
    write_varint(out, (static_cast<std::uint64_t>(g.answer_field) << 3) | g.element_wire);
    switch (g.element_wire) {
      case 0:
        write_varint(out, found ? found->varint : 0);
        break;
      case 1:
      case 5: {
        const std::size_t n = g.element_wire == 1 ? 8 : 4;
        // The payload follows the tag: the raw field's last n bytes.
        out.append(found ? found->raw.substr(found->raw.size() - n) : std::string(n, '\0'));
        break;
      }
      default:
        write_varint(out, found ? found->bytes.size() : 0);
        if (found) out.append(found->bytes);
    }
  };
  if (g.index_field == 0) {
    for_each_element(v, put);
    return out;
  }
  if (v.info && v.info->kind == StateKind::list) {
    const int index = position(request, g.index_field);
    if (index >= 0 && static_cast<std::size_t>(index) < v.list.size()) put(v.list[static_cast<std::size_t>(index)]);
    return out;
  }
  if (auto it = v.entries.find(state_key(request, g)); it != v.entries.end()) put(it->second.message);
  return out;
}

void for_each_parent(const StateValue& tree, const std::function<void(const StatePath&)>& f) {
  // Paths sort with each node's descendants right after it, so a node has
  // a child when the next path extends it.
  for (auto it = tree.entries.begin(); it != tree.entries.end(); ++it) {
    auto after = std::next(it);
    if (after == tree.entries.end()) break;
    if (is_under(after->first, it->first)) f(it->first);
  }
}

namespace {

// A path as a set member's message: each key in field `key_field`.
std::string path_message(const StatePath& p, std::uint16_t key_field) {
  std::string message;
  for (const std::string& key : p) {
    write_varint(message, (static_cast<std::uint64_t>(key_field) << 3) | 2);
    write_varint(message, key.size());
    message.append(key);
  }
  return message;
}

}  // namespace

std::string answer_parents_not_in(const StateValue& set, const StateValue& tree, const MethodInfo& g,
                                  std::uint16_t key_field) {
  std::string out;
  for_each_parent(tree, [&](const StatePath& p) {
    if (set.entries.contains(p)) return;
    const std::string element = path_message(p, key_field);
    write_varint(out, (static_cast<std::uint64_t>(g.answer_field) << 3) | 2);
    write_varint(out, element.size());
    out.append(element);
  });
  return out;
}

void apply_all_parents(StateValue& set, const StateValue& tree, const MethodInfo& m) {
  StateValue next;
  next.info = set.info;
  const bool every_node = m.op == StateOp::all_nodes;
  if (every_node && tree.info && tree.info->kind == StateKind::list) {
    // Every position of a LIST, each member's message holding it as a varint.
    for (std::size_t i = 0; i < tree.list.size(); ++i) {
      std::string message;
      write_varint(message, static_cast<std::uint64_t>(m.index_field) << 3);
      write_varint(message, i);
      add_entry(next, StatePath{std::to_string(i)}, std::move(message));
    }
    set = std::move(next);
    return;
  }
  // Each member's message as the SET's snapshot takes it: the path in its key field.
  auto add = [&](const StatePath& p) { add_entry(next, p, path_message(p, m.index_field)); };
  if (every_node) {
    for (const auto& [p, e] : tree.entries) add(p);
  } else {
    for_each_parent(tree, add);
  }
  set = std::move(next);
}

bool erase_subtree(StateValue& v, const StatePath& path) {
  // Paths sort with each node's descendants right after it.
  auto first = v.entries.lower_bound(path);
  auto last = first;
  while (last != v.entries.end() && last->first.starts_with(path)) ++last;
  const bool any = first != last;
  v.entries.erase(first, last);
  return any;
}

void for_each_element(const StateValue& v, const std::function<void(std::string_view)>& emit) {
  if (v.info && v.info->kind == StateKind::list) {
    for (const ListElement& e : v.list) emit(e.bytes());
    return;
  }
  std::vector<const StateValue::Entry*> ordered;
  ordered.reserve(v.entries.size());
  for (const auto& [path, entry] : v.entries) ordered.push_back(&entry);
  std::sort(ordered.begin(), ordered.end(), [](const auto* a, const auto* b) { return a->order < b->order; });
  for (const auto* e : ordered) emit(e->message);
}

namespace {

// An int32 field of `bytes`, absent: `absent`.
int int_field(std::string_view bytes, std::uint16_t number, int absent) {
  std::optional<std::int64_t> value;
  WireField f;
  while (next_field(bytes, f)) {
    if (f.number == number && f.type == 0) value = static_cast<std::int64_t>(f.varint);
  }
  if (!value) return absent;
  if (*value < INT32_MIN || *value > INT32_MAX) throw std::invalid_argument("a count or cell is not an int32");
  return static_cast<int>(*value);
}

// The repeated varint field `number` of `bytes` (packed or not), in order.
std::vector<std::uint64_t> varints(std::string_view bytes, std::uint16_t number) {
  std::vector<std::uint64_t> out;
  WireField f;
  while (next_field(bytes, f)) {
    if (f.number != number) continue;
    if (f.type == 0) {
      out.push_back(f.varint);
    } else if (f.type == 2) {
      std::string_view packed = f.bytes;
      std::uint64_t v = 0;
      while (!packed.empty()) {
        if (!read_varint(packed, v)) throw std::invalid_argument("the arguments do not parse");
        out.push_back(v);
      }
    }
  }
  return out;
}

std::string range_text(int last) { return "0.." + std::to_string(last); }

}  // namespace

const StateInfo* find_extent(const ClassInfo& cls) {
  for (const ClassInfo* c = &cls; c != nullptr; c = c->base != 0 ? find_class(c->base) : nullptr) {
    for (const StateInfo& s : c->states) {
      if (!s.axes.empty()) return &s;
    }
  }
  return nullptr;
}

std::vector<int> extent_counts(const StateInfo& info, std::string_view ctor_args) {
  std::vector<int> out;
  out.reserve(info.axes.size());
  for (const ExtentAxis& a : info.axes) out.push_back(std::max(1, int_field(ctor_args, a.count_field, a.default_count)));
  return out;
}

std::string with_int_field(std::string_view bytes, std::uint32_t number, int value) {
  std::string field;
  if (value != 0) {
    write_varint(field, static_cast<std::uint64_t>(number) << 3);
    write_varint(field, static_cast<std::uint64_t>(static_cast<std::int64_t>(value)));
  }
  std::string out;
  out.reserve(bytes.size() + field.size());
  bool placed = false;
  WireField f;
  while (next_field(bytes, f)) {
    if (f.number == number) continue;
    if (!placed && f.number > number) {
      out += field;
      placed = true;
    }
    out.append(f.raw);
  }
  if (!placed) out += field;
  return out;
}

std::string with_extent_counts(const StateInfo& info, std::string ctor_args, const std::vector<int>& counts) {
  for (std::size_t i = 0; i < info.axes.size() && i < counts.size(); ++i) {
    ctor_args = with_int_field(ctor_args, info.axes[i].count_field, counts[i]);
  }
  return ctor_args;
}

void cover_cell(const StateInfo& info, std::vector<int>& counts, std::string_view attach_args) {
  std::vector<int> cells;
  for (const ExtentAxis& a : info.axes) {
    const int cell = int_field(attach_args, a.cell_field, 0);
    if (cell < 0) {
      throw std::invalid_argument("cell " + std::to_string(cell) + " is negative: cells count from 0");
    }
    cells.push_back(cell);
  }
  for (std::size_t i = 0; i < cells.size() && i < counts.size(); ++i) counts[i] = std::max(counts[i], cells[i] + 1);
}

LinePlan plan_line_op(const StateInfo& info, const MethodInfo& m, std::string_view args, std::vector<int> counts,
                      const std::vector<CellChild>& children) {
  if (m.axis >= info.axes.size() || counts.size() != info.axes.size()) {
    throw std::invalid_argument(std::string(m.name) + " names no axis of the extent");
  }
  const ExtentAxis& axis = info.axes[m.axis];
  const int n = counts[m.axis];
  LinePlan plan;
  if (m.op == StateOp::line_insert) {
    const int index = m.index_field != 0 ? int_field(args, m.index_field, 0) : n;
    if (index < 0 || index > n) {
      throw std::invalid_argument("index " + std::to_string(index) + " is out of range: inserting takes " +
                                  range_text(n) + " here (" + std::to_string(n) + " lines)");
    }
    std::vector<WidgetId> widgets;
    if (m.items_field != 0) {
      for (std::uint64_t w : varints(args, m.items_field)) {
        if (w == 0 || w > UINT32_MAX) throw std::invalid_argument("widget " + std::to_string(w) + " does not exist");
        widgets.push_back(static_cast<WidgetId>(w));
      }
    }
    for (const CellChild& c : children) {
      const int cell = int_field(c.attach_args, axis.cell_field, 0);
      if (cell >= index) plan.moved.emplace_back(c.id, with_int_field(c.attach_args, axis.cell_field, cell + 1));
    }
    counts[m.axis] = n + 1;
    // The other axis: a line's k-th widget goes in its line k.
    const std::size_t other = m.axis == 0 ? 1 : 0;
    for (std::size_t k = 0; k < widgets.size(); ++k) {
      std::string placed = with_int_field({}, info.attach_child_field, static_cast<int>(widgets[k]));
      placed = with_int_field(placed, axis.cell_field, index);
      if (other < info.axes.size()) {
        placed = with_int_field(placed, info.axes[other].cell_field, static_cast<int>(k));
        counts[other] = std::max(counts[other], static_cast<int>(k) + 1);
      }
      plan.placed.emplace_back(widgets[k], std::move(placed));
    }
  } else if (m.op == StateOp::line_delete) {
    const int index = int_field(args, m.index_field, 0);
    if (index < 0 || index >= n) {
      throw std::invalid_argument("index " + std::to_string(index) + " is out of range: deleting takes " +
                                  range_text(n - 1) + " here (" + std::to_string(n) + " lines)");
    }
    for (const CellChild& c : children) {
      const int cell = int_field(c.attach_args, axis.cell_field, 0);
      if (cell == index) {
        plan.removed.push_back(c.id);
      } else if (cell > index) {
        plan.moved.emplace_back(c.id, with_int_field(c.attach_args, axis.cell_field, cell - 1));
      }
    }
    counts[m.axis] = std::max(1, n - 1);
  } else {
    throw std::invalid_argument(std::string(m.name) + " is no line operation");
  }
  plan.counts = std::move(counts);
  return plan;
}

const StateInfo* find_state(const ClassInfo& cls, std::uint32_t field) {
  for (const ClassInfo* c = &cls; c != nullptr; c = c->base != 0 ? find_class(c->base) : nullptr) {
    for (const StateInfo& s : c->states) {
      if (s.field == field) return &s;
    }
  }
  return nullptr;
}

std::vector<StateValue> initial_states(const ClassInfo& cls, std::string_view ctor_args) {
  std::vector<const ClassInfo*> chain;
  for (const ClassInfo* c = &cls; c != nullptr; c = c->base != 0 ? find_class(c->base) : nullptr) chain.push_back(c);
  std::vector<StateValue> out;
  for (auto c = chain.rbegin(); c != chain.rend(); ++c) {
    for (const StateInfo& s : (*c)->states) out.push_back(initial_state(s, ctor_args));
  }
  return out;
}

}  // namespace pgw::detail
