// The server's copy of a session's widgets: class, constructor arguments,
// the last setter call of each scalar state field, the current value of
// each collection state field (state_ops.hpp), and the child lists. Getters
// answer from it, and it is what a reloaded page will be rebuilt from.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <unordered_map>
#include <vector>

#include "pgwidgets/session_link.hpp"
#include "state_ops.hpp"

namespace pgw::detail {

struct RecordedCall {
  std::uint32_t field;
  std::uint32_t method_id;
  std::string args;
};

struct WidgetRecord {
  const ClassInfo* cls = nullptr;
  std::string ctor_args;
  std::vector<RecordedCall> state;  // one per scalar field, in the order first set
  // Every collection state its class declares (lists, trees, sets), in
  // declaration order, base classes' first: their current values.
  std::vector<StateValue> collections;
  std::vector<WidgetId> children;
  WidgetId parent = 0;
  // The call that put this widget in its parent (a rebuild replays it):
  // 0 and "" while it has no parent.
  std::uint32_t attach_method = 0;
  std::string attach_args;
  // The radio group: the first widget of the chain of `group` constructor
  // references (fixed at creation, so it outlives the destruction of the
  // widget it was joined through); 0 for a class without groups.
  WidgetId group = 0;
};

// The arguments of a CREATE method's call as the browser gets them:
// pgwidgets.widgets.Child naming the created widget.
std::string created_args(WidgetId created);

// True when class `cls` is `ancestor_id` or derives from it.
bool is_a(const ClassInfo& cls, std::uint32_t ancestor_id);

class WidgetStore {
 public:
  // Allocates the next id (from 1) for a new widget. A group reference in
  // `ctor_args` must name a live widget of the same class (else
  // std::invalid_argument, and nothing is added).
  WidgetId add(const ClassInfo& cls, std::string ctor_args);
  // A widget made by a CREATE method of `owner` (`method_id`): allocates
  // the next id, records the widget with `ctor_args`, puts it in `owner`
  // (the attaching call recorded as `method_id` with created_args(id)),
  // and puts `child` (0 for none) in it by `child_method` with
  // `child_args`. Every rule is checked first (a window is never a child,
  // no widget goes inside itself or its own descendant): a refusal throws
  // std::invalid_argument and changes nothing.
  WidgetId add_in(WidgetId owner, const ClassInfo& cls, std::string ctor_args, std::uint32_t method_id,
                  WidgetId child = 0, std::uint32_t child_method = 0, std::string child_args = {});
  WidgetRecord* find(WidgetId id);
  const WidgetRecord* find(WidgetId id) const;
  // Whether `id` was ever allocated (a destroyed widget was).
  bool allocated(WidgetId id) const { return id != 0 && id < next_id_; }

  // Records a setter call (or a callback standing for one) as the state of
  // `field`: it replaces the field's record, or, for a setter with a state
  // operation (MethodInfo::op), changes the collection's current value by
  // the rules of state_ops.hpp (a change they refuse throws
  // std::invalid_argument and changes nothing; so does a per-child entry
  // for a widget that is not a child). When the field is exclusive in the
  // widget's group and the value is true, the other members' records
  // become false.
  // `owner`, when set, holds `args` (a large call's, shared with the
  // browsers' outflows): a list assigned keeps slices of it.
  void record(WidgetId id, std::uint32_t field, std::uint32_t method_id, std::string_view args,
              const SharedBytes& owner = {});
  // Records the setter calls ACTION `method` with request `args` stands
  // for (MethodInfo::calls), in order, as record() does. A call refused
  // refuses them all: it throws, and the widget is as it was.
  void record_calls(WidgetId id, const MethodInfo& method, std::string_view args);
  const std::string* recorded(WidgetId id, std::uint32_t field) const;
  // Whether the collection state `field` holds an item.
  bool holds_items(WidgetId id, std::uint32_t field) const;
  // The collection state `field` of a widget, or nullptr.
  const StateValue* collection(WidgetId id, std::uint32_t field) const;

  // The child-list rules live here and only here (tests/cases/child_lists.json
  // holds the cases the browser's containers must agree with). A change the
  // rules refuse throws std::invalid_argument and changes nothing.
  //
  // Moves `child` under `parent` (leaving any previous parent): appended,
  // inserted at `index`, or replacing every current child. `index` counts
  // positions in the final list, 0..n with n the children other than
  // `child`; it is never clamped nor counted from the end. A widget cannot
  // hold itself or an ancestor, and a window is never a child.
  // `method_id` and `args` are the attaching call, kept for a rebuild.
  void attach(WidgetId parent, WidgetId child, std::optional<int> index, bool replace, std::uint32_t method_id = 0,
              std::string args = {});
  // Takes `child` out of `parent`'s list (throws if it is not a child).
  void detach(WidgetId parent, WidgetId child, bool destroy);
  void detach_all(WidgetId parent, bool destroy);
  // Forgets the widget and its descendants.
  void destroy(WidgetId id);

  std::size_t size() const { return widgets_.size(); }
  bool empty() const { return widgets_.empty(); }
  void clear() { widgets_.clear(); }
  // The live widgets' ids, in creation order (a rebuild's order).
  std::vector<WidgetId> ids() const;

 private:
  // A LINE_INSERT or LINE_DELETE on grid `id` (state_ops.hpp plan_line_op):
  // the children's cells move, the counts in its constructor arguments
  // change, a deleted line's children leave, a new line's widgets come in.
  void apply_line_op(WidgetId id, const StateInfo& extent, const MethodInfo& method, std::string_view args);
  void unlink_from_parent(WidgetId child);
  // A child left `parent`: its per-child state entries go too.
  static void forget_child_entries(WidgetRecord& parent, WidgetId child);
  void rejoin_groups();
  void clear_group_except(const WidgetRecord& chosen, WidgetId id, std::uint32_t field);
  void check_attach(const WidgetRecord& parent, WidgetId parent_id, const WidgetRecord& child, WidgetId child_id,
                    std::optional<int> index) const;
  std::unordered_map<WidgetId, WidgetRecord> widgets_;
  WidgetId next_id_ = 1;
};

}  // namespace pgw::detail
