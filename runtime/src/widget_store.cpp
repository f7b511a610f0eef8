#include "widget_store.hpp"

#include <algorithm>
#include <stdexcept>
#include <string>

#include "pgwidgets/schema_registry.hpp"
#include "rebuild.hpp"
#include "state_wire.hpp"
#include "wire_fields.hpp"

namespace pgw::detail {

bool is_a(const ClassInfo& cls, std::uint32_t ancestor_id) {
  for (const ClassInfo* c = &cls; c != nullptr;) {
    if (c->id == ancestor_id) return true;
    c = c->base != 0 ? find_class(c->base) : nullptr;
  }
  return false;
}

WidgetId WidgetStore::add(const ClassInfo& cls, std::string ctor_args) {
  WidgetId group = 0;
  if (cls.group_field != 0) {
    const auto ref = varint_field(ctor_args, cls.group_field).value_or(0);
    if (ref != 0) {
      const WidgetRecord* owner = ref <= UINT32_MAX ? find(static_cast<WidgetId>(ref)) : nullptr;
      if (owner == nullptr || owner->cls != &cls) {
        throw std::invalid_argument("pgwidgets: the group of a new " + std::string(cls.name) + " must be a live " +
                                    std::string(cls.name) + ", and widget " + std::to_string(ref) + " is not");
      }
      group = owner->group;
    }
  }
  const WidgetId id = next_id_++;
  WidgetRecord& r = widgets_[id];
  r.cls = &cls;
  r.collections = initial_states(cls, ctor_args);
  r.ctor_args = std::move(ctor_args);
  if (cls.group_field != 0) r.group = group != 0 ? group : id;
  return id;
}

std::string created_args(WidgetId created) {
  return with_index(std::string(), 1, static_cast<int>(created));
}

WidgetId WidgetStore::add_in(WidgetId owner, const ClassInfo& cls, std::string ctor_args, std::uint32_t method_id,
                             WidgetId child, std::uint32_t child_method, std::string child_args) {
  const WidgetRecord* o = find(owner);
  if (o == nullptr) throw std::invalid_argument("no widget " + std::to_string(owner));
  // The new widget as it will be, to check the rules before anything changes.
  const WidgetId id = next_id_;
  WidgetRecord probe;
  probe.cls = &cls;
  probe.parent = owner;
  check_attach(*o, owner, probe, id, std::nullopt);
  if (child != 0) {
    const WidgetRecord* c = find(child);
    if (c == nullptr) throw std::invalid_argument("no widget " + std::to_string(child));
    check_attach(probe, id, *c, child, std::nullopt);
  }
  const WidgetId made = add(cls, std::move(ctor_args));  // a group it refuses changes nothing either
  attach(owner, made, std::nullopt, false, method_id, created_args(made));
  if (child != 0) attach(made, child, std::nullopt, false, child_method, std::move(child_args));
  return made;
}

WidgetRecord* WidgetStore::find(WidgetId id) {
  auto it = widgets_.find(id);
  return it == widgets_.end() ? nullptr : &it->second;
}

const WidgetRecord* WidgetStore::find(WidgetId id) const {
  auto it = widgets_.find(id);
  return it == widgets_.end() ? nullptr : &it->second;
}

void WidgetStore::record(WidgetId id, std::uint32_t field, std::uint32_t method_id, std::string_view args,
                         const SharedBytes& owner) {
  WidgetRecord* r = find(id);
  if (r == nullptr || field == 0) return;
  if (r->cls->exclusive_field == field && varint_field(args, 1).value_or(0) != 0) {
    clear_group_except(*r, id, field);
  }
  const MethodInfo* method = find_method(method_id);
  std::string appended;  // what `args` names after an append: the whole value
  if (method != nullptr && method->append_to != 0) {
    // The whole value, kept as the plain setter's record: a rebuild sends it
    // once, never the appends (nor does the kept state grow with their count).
    const std::optional<std::string> added = string_field(args, 1);
    if (!added) throw std::invalid_argument(std::string(method->name) + ": the argument does not parse");
    std::string value;
    if (const std::string* before = recorded(id, field)) {
      value = string_field(*before, 1).value_or(std::string());
    } else if (method->append_init != 0) {
      value = string_field(r->ctor_args, method->append_init).value_or(std::string());
    }
    value += *added;
    method_id = method->append_to;
    appended = encode_string_field(1, value);
    args = appended;
    method = find_method(method_id);
  }
  if (method != nullptr && (method->op == StateOp::line_insert || method->op == StateOp::line_delete)) {
    const StateInfo* extent = find_state(*r->cls, field);
    if (extent == nullptr || extent->axes.empty()) {
      throw std::invalid_argument(std::string(r->cls->name) + " " + std::to_string(id) + " has no extent " +
                                  std::string(method->name));
    }
    apply_line_op(id, *extent, *method, args);
    return;
  }
  if (method != nullptr && method->op != StateOp::none) {
    const StateValue* v = collection(id, field);
    if (v != nullptr && v->info->per_child && method->index_field != 0) {
      // The key is a widget: it must be a child here (checked before any change).
      const StatePath key = state_key(args, *method);
      const bool is_child = key.size() == 1 && std::any_of(r->children.begin(), r->children.end(), [&](WidgetId c) {
                              return std::to_string(c) == key.front();
                            });
      if (!is_child) {
        throw std::invalid_argument("widget " + (key.empty() ? std::string("0") : key.front()) + " is not a child of " +
                                    std::string(r->cls->name) + " " + std::to_string(id));
      }
    }
    ColumnChange column;
    if (!apply_to_states(r->collections, *method, args, &column, owner)) {
      throw std::invalid_argument(std::string(r->cls->name) + " " + std::to_string(id) + " has no state " +
                                  std::string(method->name));
    }
    if (method->op == StateOp::column_insert || method->op == StateOp::column_delete) {
      // Plain fields naming a column (a sort's) follow it, or go with it.
      std::erase_if(r->state, [&](RecordedCall& c) {
        const MethodInfo* setter = find_method(c.method_id);
        return setter != nullptr && setter->column_field != 0 && !follow_column_record(c.args, setter->column_field, column);
      });
    }
    // The other fields a CLEAR clears (a collection emptied above, with
    // the sets within it; a plain field's record dropped).
    for (const std::uint32_t other : method->also_clears) {
      std::erase_if(r->state, [&](const RecordedCall& c) { return c.field == other; });
    }
    return;
  }
  // Only a plain field's record is a copy: a collection's op above keeps
  // what it takes (a table's 100,000 rows are not copied whole first).
  for (RecordedCall& c : r->state) {
    if (c.field == field) {
      c.method_id = method_id;
      c.args.assign(args);
      return;
    }
  }
  r->state.push_back(RecordedCall{field, method_id, std::string(args)});
}

void WidgetStore::record_calls(WidgetId id, const MethodInfo& method, std::string_view args) {
  WidgetRecord* r = find(id);
  if (r == nullptr) throw std::invalid_argument("widget " + std::to_string(id) + " does not exist");
  // The calls, worked out before any is made: each part's items, in order.
  std::vector<std::pair<const MethodInfo*, std::string>> calls;
  for (const CallPart& part : method.calls) {
    const MethodInfo* setter = find_method(part.method);
    if (setter == nullptr) continue;
    std::vector<std::string_view> holders{args};
    if (part.outer != 0) {
      holders.clear();
      WireField f;
      for (std::string_view in = args; next_field(in, f);) {
        if (f.number == part.outer && f.type == 2) holders.push_back(f.bytes);
      }
    }
    for (std::string_view holder : holders) {
      WireField f;
      for (std::string_view in = holder; next_field(in, f);) {
        if (f.number != part.field) continue;
        if (f.type == 2) calls.emplace_back(setter, std::string(f.bytes));
        else if (f.type == 0 && f.varint != 0) calls.emplace_back(setter, std::string());  // a bool set
      }
    }
  }
  // Only the fields the calls touch are kept aside: a refused call puts them back.
  std::vector<std::uint32_t> touched;
  for (const auto& [setter, call_args] : calls) {
    touched.push_back(setter->field);
    touched.insert(touched.end(), setter->also_clears.begin(), setter->also_clears.end());
  }
  std::vector<StateValue> kept_collections;
  for (const StateValue& v : r->collections) {
    if (std::find(touched.begin(), touched.end(), v.info->field) != touched.end()) kept_collections.push_back(v);
  }
  const std::vector<RecordedCall> kept_state = r->state;  // plain records: a few per widget
  try {
    for (auto& [setter, call_args] : calls) record(id, setter->field, setter->id, std::move(call_args));
  } catch (...) {
    for (StateValue& kept : kept_collections) {
      for (StateValue& v : r->collections) {
        if (v.info == kept.info) v = std::move(kept);
      }
    }
    r->state = kept_state;
    throw;
  }
}

const std::string* WidgetStore::recorded(WidgetId id, std::uint32_t field) const {
  const WidgetRecord* r = find(id);
  if (r == nullptr) return nullptr;
  for (const RecordedCall& c : r->state) {
    if (c.field == field) return &c.args;
  }
  return nullptr;
}

const StateValue* WidgetStore::collection(WidgetId id, std::uint32_t field) const {
  const WidgetRecord* r = find(id);
  if (r == nullptr) return nullptr;
  for (const StateValue& v : r->collections) {
    if (v.info->field == field) return &v;
  }
  return nullptr;
}

bool WidgetStore::holds_items(WidgetId id, std::uint32_t field) const {
  const StateValue* v = collection(id, field);
  return v != nullptr && v->size() > 0;
}

void WidgetStore::clear_group_except(const WidgetRecord& chosen, WidgetId id, std::uint32_t field) {
  // The exclusive state is one bool (the generator checks it): its false
  // is the empty message. Members that never recorded it are false already.
  // A scan of the session's widgets: groups are rare and small next to the
  // cost of the frame that brought the change.
  for (auto& [other_id, other] : widgets_) {
    if (other_id == id || other.group != chosen.group || other.cls != chosen.cls) continue;
    for (RecordedCall& c : other.state) {
      if (c.field == field) c.args.clear();
    }
  }
}

void WidgetStore::unlink_from_parent(WidgetId child) {
  WidgetRecord* c = find(child);
  if (c == nullptr || c->parent == 0) return;
  if (WidgetRecord* p = find(c->parent)) {
    std::erase(p->children, child);
    forget_child_entries(*p, child);
  }
  c->parent = 0;
  c->attach_method = 0;
  c->attach_args.clear();
}

void WidgetStore::forget_child_entries(WidgetRecord& parent, WidgetId child) {
  for (StateValue& v : parent.collections) {
    if (v.info->per_child) erase_subtree(v, StatePath{std::to_string(child)});
  }
}

namespace {

std::string name_of(const WidgetRecord& r, WidgetId id) {
  return std::string(r.cls ? r.cls->name : "widget") + " " + std::to_string(id);
}

}  // namespace

void WidgetStore::check_attach(const WidgetRecord& p, WidgetId parent, const WidgetRecord& c, WidgetId child,
                               std::optional<int> index) const {
  if (parent == child) throw std::invalid_argument("cannot put " + name_of(c, child) + " inside itself");
  if (c.cls && c.cls->window) {
    throw std::invalid_argument(name_of(c, child) + " is a window and cannot be put inside " + name_of(p, parent));
  }
  for (WidgetId up = p.parent; up != 0;) {
    if (up == child) {
      throw std::invalid_argument("cannot put " + name_of(c, child) + " inside its own descendant " +
                                  name_of(p, parent));
    }
    const WidgetRecord* r = find(up);
    up = r ? r->parent : 0;
  }
  if (index) {
    const auto others = static_cast<int>(p.children.size()) - (c.parent == parent ? 1 : 0);
    if (*index < 0 || *index > others) {
      throw std::invalid_argument("index " + std::to_string(*index) + " is out of range: " + name_of(p, parent) +
                                  " takes 0.." + std::to_string(others) + " here");
    }
  }
}

void WidgetStore::apply_line_op(WidgetId id, const StateInfo& extent, const MethodInfo& method,
                                std::string_view args) {
  WidgetRecord& grid = *find(id);
  std::vector<CellChild> cells;
  cells.reserve(grid.children.size());
  for (WidgetId k : grid.children) {
    const WidgetRecord* c = find(k);
    if (c != nullptr && c->attach_method == extent.attach_method) cells.push_back(CellChild{k, c->attach_args});
  }
  // Every rule first: a refused call changes nothing.
  LinePlan plan = plan_line_op(extent, method, args, extent_counts(extent, grid.ctor_args), cells);
  for (const auto& [w, placed_args] : plan.placed) {
    const WidgetRecord* c = find(w);
    if (c == nullptr) {
      throw std::invalid_argument("widget " + std::to_string(w) + (allocated(w) ? " was destroyed" : " does not exist"));
    }
    check_attach(grid, id, *c, w, std::nullopt);
  }
  for (auto& [w, moved_args] : plan.moved) find(w)->attach_args = std::move(moved_args);
  for (WidgetId w : plan.removed) unlink_from_parent(w);
  grid.ctor_args = with_extent_counts(extent, std::move(grid.ctor_args), plan.counts);
  for (auto& [w, placed_args] : plan.placed) {
    attach(id, w, std::nullopt, false, extent.attach_method, std::move(placed_args));
  }
}

void WidgetStore::attach(WidgetId parent, WidgetId child, std::optional<int> index, bool replace,
                         std::uint32_t method_id, std::string args) {
  WidgetRecord* p = find(parent);
  WidgetRecord* c = find(child);
  if (p == nullptr) throw std::invalid_argument("no widget " + std::to_string(parent));
  if (c == nullptr) throw std::invalid_argument("no widget " + std::to_string(child));
  check_attach(*p, parent, *c, child, index);
  // A child put in a cell: the grid's extent grows to cover it.
  const StateInfo* extent = find_extent(*p->cls);
  std::vector<int> counts;
  if (extent != nullptr && extent->attach_method == method_id) {
    counts = extent_counts(*extent, p->ctor_args);
    const std::vector<int> before = counts;
    cover_cell(*extent, counts, args);  // a negative cell throws here, before any change
    if (counts == before) extent = nullptr;
  } else {
    extent = nullptr;
  }
  if (extent != nullptr) p->ctor_args = with_extent_counts(*extent, std::move(p->ctor_args), counts);
  unlink_from_parent(child);
  if (replace) {
    for (WidgetId old : p->children) {
      forget_child_entries(*p, old);
      if (WidgetRecord* o = find(old)) {
        o->parent = 0;
        o->attach_method = 0;
        o->attach_args.clear();
      }
    }
    p->children.clear();
  }
  auto& kids = p->children;
  if (index) {
    kids.insert(kids.begin() + *index, child);
  } else {
    kids.push_back(child);
  }
  c->parent = parent;
  c->attach_method = method_id;
  c->attach_args = std::move(args);
}

void WidgetStore::detach(WidgetId parent, WidgetId child, bool destroy_child) {
  const WidgetRecord* p = find(parent);
  WidgetRecord* c = find(child);
  if (p == nullptr) throw std::invalid_argument("no widget " + std::to_string(parent));
  if (c == nullptr || c->parent != parent) {
    throw std::invalid_argument((c ? name_of(*c, child) : "widget " + std::to_string(child)) + " is not a child of " +
                                name_of(*p, parent));
  }
  unlink_from_parent(child);
  if (destroy_child) destroy(child);
}

void WidgetStore::detach_all(WidgetId parent, bool destroy_children) {
  WidgetRecord* p = find(parent);
  if (p == nullptr) return;
  std::vector<WidgetId> kids = std::move(p->children);
  p->children.clear();
  for (StateValue& v : p->collections) {
    if (v.info->per_child) v.entries.clear();
  }
  for (WidgetId k : kids) {
    if (WidgetRecord* c = find(k)) {
      c->parent = 0;
      c->attach_method = 0;
      c->attach_args.clear();
    }
    if (destroy_children) destroy(k);
  }
}

std::vector<WidgetId> WidgetStore::ids() const {
  std::vector<WidgetId> out;
  out.reserve(widgets_.size());
  for (const auto& [id, r] : widgets_) out.push_back(id);
  std::sort(out.begin(), out.end());  // ids grow with creation
  return out;
}

void WidgetStore::destroy(WidgetId id) {
  unlink_from_parent(id);
  std::vector<WidgetId> pending{id};
  while (!pending.empty()) {
    const WidgetId w = pending.back();
    pending.pop_back();
    auto it = widgets_.find(w);
    if (it == widgets_.end()) continue;
    pending.insert(pending.end(), it->second.children.begin(), it->second.children.end());
    widgets_.erase(it);
  }
  rejoin_groups();
}

void WidgetStore::rejoin_groups() {
  // A member joined through a widget now destroyed would name a widget a
  // rebuilt page does not have: it names an older live member of its group
  // instead (a rebuild creates widgets in id order), or 0, none, when it is
  // the oldest. The new value is appended: the
  // last occurrence of a field wins when protobuf parses.
  for (auto& [id, r] : widgets_) {
    if (r.cls->group_field == 0) continue;
    const auto ref = varint_field(r.ctor_args, r.cls->group_field).value_or(0);
    if (ref == 0 || find(static_cast<WidgetId>(ref)) != nullptr) continue;
    WidgetId other = 0;
    for (const auto& [oid, o] : widgets_) {
      if (oid < id && o.cls == r.cls && o.group == r.group && (other == 0 || oid < other)) other = oid;
    }
    r.ctor_args = with_index(std::move(r.ctor_args), r.cls->group_field, static_cast<int>(other));
  }
}

}  // namespace pgw::detail
