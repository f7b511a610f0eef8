// The seam between the generated widget proxies and the runtime.
//
// Generated code (generated/cpp) only ever talks to a SessionLink: it
// serializes arguments, and the link queues, records and answers. The
// runtime's Session implements it; tests implement it in memory.
#pragma once

#include <concepts>
#include <cstdint>
#include <exception>
#include <functional>
#include <memory>
#include <optional>
#include <span>
#include <stdexcept>
#include <string>
#include <string_view>
#include <tuple>
#include <type_traits>
#include <utility>
#include <vector>

#include "pgwidgets/errors.hpp"
#include "pgwidgets/handler.hpp"
#include "pgwidgets/task.hpp"

namespace pgw {

using WidgetId = std::uint32_t;

namespace detail {

// How a method touches the server's copy of the widget (schema option).
enum class MethodKind : std::uint8_t {
  action, setter, getter, query, attach, detach, detach_all, children, child_count, destroy, create
};

// A collection state field (schema option State): its kind, and how a
// rebuild sends it. The rules live in runtime/src/state_ops.*.
enum class StateKind : std::uint8_t { list, tree, set };

// What a setter does to a collection state (schema option Method.op).
enum class StateOp : std::uint8_t {
  none, list_append, list_insert, list_insert_sorted, list_remove, list_remove_value, list_move, clear,
  tree_add, tree_update, tree_put, tree_remove, set_add, set_remove,
  line_insert, line_delete,
  assign, put_all, remove_all, set_cell, all_parents, all_nodes,
  parents_not_in,  // a getter's: the parents of `of_state` not in the set
  delete_all,
  subtree,  // a getter's: the nodes picked, with descendants and ancestors
  column_insert, column_delete
};

// How a state follows its class's LIST of columns (State.column_of): what
// its StateInfo::column_field holds. `key`: a TREE's or SET's one-key
// entries are columns (the field is the key); `cell`: a by_cell SET's
// cells (the field is the column); `row_cells`: a LIST's elements hold a
// repeated cell per column (a table's rows); `node_map`: a TREE's nodes
// hold a map entry per column key (a tree's rows).
enum class ColumnRole : std::uint8_t { none, key, cell, row_cells, node_map };

// A status a SUBTREE getter may be asked for (Method.picks): the members
// of the SET `state` within the tree, or (`parents_not_in`) the tree's
// parents not in it.
struct SubtreePick {
  std::string_view status;
  std::uint32_t state = 0;
  bool parents_not_in = false;
};

// One of the setter calls an ACTION stands for (Method.calls): each item of
// request field `field` (inside message field `outer`, when not 0) is a
// call of setter `method`; a bool field, when true, one with no arguments.
struct CallPart {
  std::uint16_t outer = 0;
  std::uint16_t field = 0;
  std::uint32_t method = 0;
};

// What a state op's key field (MethodInfo::index_field) stands for when it
// is not on the wire. A repeated field (a tree path) or a proto3 `optional`
// one has presence: absent is no key at all (refused where one is needed).
// A plain singular scalar has none: protobuf leaves its zero off the wire,
// so absent IS the key 0 (`number`) or "" (`string`): TableView's column 0
// is the field left out. The generator derives this from the key field's
// type, so a schema author cannot forget it; making such fields `optional`
// instead would change every proxy's signature and still leave any other
// encoder free to drop a zero.
enum class KeyZero : std::uint8_t { none, number, string };

// One axis of a grid's extent (schema option State.counts/cells): the
// constructor's field counting its lines, the attach request's field
// holding a child's line on it, and the count's default.
struct ExtentAxis {
  std::uint16_t count_field;
  std::uint16_t cell_field;
  int default_count;
};

struct StateInfo {
  std::uint32_t field;            // the state field's id
  StateKind kind;
  std::uint32_t snapshot_method;  // the setter a rebuild calls once per element
  std::uint16_t init_field;       // LIST: the constructor's repeated field of first items, 0 if none
  std::uint16_t element_field;    // ... each becoming this field of the snapshot's request
  bool per_child;                 // TREE: keys are child widgets; an entry goes with its child
  bool deferred;                  // a rebuild sends it after the child lists and listens
  // A grid's extent (not a collection): its axes, and the class's attach
  // that places children in cells (its method id and child field number).
  std::span<const ExtentAxis> axes = {};
  std::uint32_t attach_method = 0;
  std::uint16_t attach_child_field = 0;
  // State.snapshot_all: the ASSIGN setter a rebuild sends the whole value
  // with, in one call (0: one snapshot call per element), and its request's
  // repeated field of elements.
  std::uint32_t snapshot_all_method = 0;
  std::uint16_t snapshot_all_field = 0;
  // State.within: a SET whose members are the nodes (paths) or positions
  // of this TREE or LIST state field of the widget (0: none), and the
  // members' key field (the snapshot's `index`), rewritten when a
  // position moves.
  std::uint32_t within = 0;
  std::uint16_t key_field = 0;
  // State.by_cell: each member is a cell, its key the node's (a row's
  // position) followed by its column.
  bool by_cell = false;
  // State.column_of: the LIST state of columns this one follows (0: none),
  // how (ColumnRole), and the field of its messages that holds a column.
  std::uint32_t column_of = 0;
  ColumnRole column_role = ColumnRole::none;
  std::uint16_t column_field = 0;
  // On a LIST of columns: the element's string field naming a column
  // (State.column_key; 0: columns are named by position).
  std::uint16_t column_key = 0;
  // State.columns_there: a cell of a column not there is not kept.
  bool columns_there = false;
};

// False for every type: a static_assert that fires only when a template is used.
template <class>
inline constexpr bool never = false;

struct ClassInfo {
  std::uint32_t id;
  std::string_view name;
  std::uint32_t base;  // base class id, 0 for the root
  bool abstract;
  bool window;         // a top-level window: never a child
  // Radio groups: the constructor's field number holding the group's
  // reference, and the bool state field exclusive in a group; 0 for none.
  std::uint16_t group_field = 0;
  std::uint32_t exclusive_field = 0;
  // The collection state fields this class declares (not its bases').
  std::span<const StateInfo> states = {};
  // A class made only by another class's CREATE methods (the schema's
  // only_created_by): those methods, for the error refusing a create of it
  // on its own; empty for a class a program creates by itself.
  std::string_view made_by = {};
};

struct MethodInfo {
  std::uint32_t id = 0;
  std::uint32_t class_id = 0;           // the declaring class
  std::string_view class_name;
  std::string_view name;                // snake case, as in the API
  MethodKind kind = MethodKind::action;
  std::uint32_t field = 0;              // state field id of a setter, 0 otherwise
  bool returns_value = false;           // the browser answers with a value
  bool replace = false;                 // attach: the child replaces every current one
  bool deferred = false;                // setter: a rebuild replays it after children and listens
  // attach: number of the request's insert-position field; a state op:
  // of its position, path or key field; 0 if none.
  std::uint16_t index_field = 0;
  StateOp op = StateOp::none;           // setter of a collection state: what it does to it
  std::uint16_t to_field = 0;           // list_move: number of the target position's field
  KeyZero index_zero = KeyZero::none;   // index_field left off the wire: no key, 0 or "" (see KeyZero)
  // A getter of a collection state (`field`), answered from its kept value
  // (index_field: the request's position or key; 0 for the whole
  // collection): the response field it fills, the element's field it
  // answers (0: the whole element) and that field's wire type.
  std::uint16_t answer_field = 0;
  std::uint16_t element_field = 0;
  std::uint8_t element_wire = 0;
  std::uint8_t axis = 0;                // line_insert/line_delete: the extent's axis
  // line_insert: the request's repeated widget field, 0 if none; assign,
  // put_all, remove_all: its repeated field of elements (each holding its
  // path or key in field index_field).
  std::uint16_t items_field = 0;
  // set_cell: the request's field holding the new value (to_field says
  // which cell; element_field is the element's map or repeated field).
  std::uint16_t cell_field = 0;
  // all_parents, all_nodes: the id of the TREE state whose paths it takes;
  // a parents_not_in getter: of the TREE whose parents it answers.
  std::uint32_t of_state = 0;
  // A setter naming a widget (Label.set_menu): its request's reference
  // field, so a rebuild leaves out a record whose widget is destroyed.
  std::uint16_t ref_field = 0;
  // Schema option `latest_wins`: a stream's frame. A browser is sent one
  // at a time per widget; a newer call replaces one not yet sent.
  bool latest_wins = false;
  // Schema option `page_applies`: only the page can apply the call (and
  // reports the result), so with no browser attached it throws Disconnected.
  bool page_applies = false;
  // A setter with `appends` (its request one string, field 1): the plain
  // setter whose record keeps the whole value, and the constructor's string
  // field the value starts from (0: none, it starts "").
  std::uint32_t append_to = 0;
  std::uint16_t append_init = 0;
  // delete_all: the request's bool field saying whether ancestors left
  // without a child go too (0: never).
  std::uint16_t prune_field = 0;
  // An ASSIGN whose elements are all new: the SETs within its state empty.
  bool fresh = false;
  // A SET_ADD or SET_REMOVE of a by_cell set: the column (`to_field`)
  // absent from the wire stands for this zero.
  KeyZero to_zero = KeyZero::none;
  // A CLEAR's other state fields it clears too (Method.also_clears): a
  // collection emptied, a plain field's record dropped.
  std::span<const std::uint32_t> also_clears = {};
  // subtree: the request's string field naming the status (0: the getter
  // takes a path in index_field instead), and the statuses it may name.
  std::uint16_t pick_field = 0;
  std::span<const SubtreePick> picks = {};
  // COLUMN_INSERT: the request's field naming the column the new one goes
  // before (Method.before); COLUMN_DELETE, or a plain field's setter: the
  // field naming a column (Method.column).
  std::uint16_t before_field = 0;
  std::uint16_t column_field = 0;
  // An ACTION standing for setter calls (Method.calls), in order.
  std::span<const CallPart> calls = {};
};

struct CallbackInfo {
  std::uint32_t id;
  std::uint32_t class_id;       // the declaring class
  std::string_view class_name;
  std::string_view name;
  std::uint32_t updates_field;      // state field this callback reports, 0 if none
  std::uint32_t updates_method;     // the setter whose record it becomes
  // For a state callback: throws ProtocolError when its bytes do not decode
  // (an enum number the schema does not know), so they are never recorded.
  void (*check)(std::string_view bytes) = nullptr;
  // Each report carries only the latest value (schema option `coalesce`):
  // of several for one widget in one frame, only the last runs, and a
  // frame's reports count as one event against max_callbacks_per_second.
  bool coalesce = false;
};

// What an attach/detach call does to the child list, computed by the proxy.
struct ChildChange {
  WidgetId child = 0;
  std::optional<int> index;  // insert position (attach), none = append
  bool destroy = false;      // detach: also destroy the child
};

// Receives a callback's encoded arguments.
using RawHandler = std::function<Task<>(std::string_view args)>;

struct ReportWait;  // a pending exec() (session_core.cpp)

class SessionLink : public std::enable_shared_from_this<SessionLink> {
 public:
  virtual ~SessionLink() = default;

  // Allocates an id, records the widget and queues its creation.
  virtual Task<WidgetId> create(const ClassInfo& cls, std::string args) = 0;
  // A CREATE method's call: allocates an id for a new widget of `cls`
  // with constructor arguments `args`, records it as put in `owner` by
  // `method`, and puts `child` (0 for none) in it by `child_into` with
  // arguments `child_args` (the created class's attach). Everything is
  // checked before anything is recorded or sent: bad input throws
  // std::invalid_argument and changes nothing.
  virtual Task<WidgetId> create_in(WidgetId owner, const MethodInfo& method, const ClassInfo& cls, std::string args,
                                   WidgetId child, const MethodInfo* child_into, std::string child_args) = 0;
  // Records the call's effect on server state and sends it. Returns the
  // encoded response for methods that return a value, "" otherwise.
  virtual Task<std::string> call(WidgetId widget, const MethodInfo& method, std::string args,
                                 ChildChange change) = 0;
  // Registers a handler; handlers of one callback run in registration order.
  virtual void listen(WidgetId widget, const CallbackInfo& callback, RawHandler handler) = 0;

  // Server-side state, for getters answered without a round trip.
  // The recorded arguments of the last setter of `field`, or nullptr.
  virtual const std::string* recorded(WidgetId widget, std::uint32_t field) const = 0;
  // The constructor arguments the widget was created with, or nullptr.
  virtual const std::string* constructor_args(WidgetId widget) const = 0;
  virtual std::vector<WidgetId> children(WidgetId widget) const = 0;
  // Whether the collection state `field` holds an item (see WidgetStore).
  virtual bool holds_items(WidgetId widget, std::uint32_t field) const = 0;
  // The response of `getter`, a getter of a collection state, to `request`,
  // encoded: from the state's current value (state_ops.hpp answer_state).
  virtual std::string collection_answer(WidgetId widget, const MethodInfo& getter, std::string_view request) const = 0;

  // A mistake in user code found at run time that must not stop the code
  // around it (a handler whose type cannot take the widget's values): the
  // session's error handler gets it, or its logger. A link without a
  // session writes it to stderr.
  virtual void report(std::exception_ptr error, std::string_view context = {});

  // A dialog's exec(): starts waiting for the next report of callback
  // `answer` or `cancel` from `widget` (before the call that shows it is
  // sent, so no answer slips by). Dropping the returned wait unregisters it.
  // The first browser to report wins. A link without sessions throws
  // std::logic_error.
  virtual std::shared_ptr<ReportWait> expect_report(WidgetId widget, std::uint32_t answer, std::uint32_t cancel);
  // Resumes with (callback id, its encoded arguments) once reported;
  // throws Disconnected when the session ends first, std::logic_error when
  // the widget is destroyed first.
  virtual Task<std::pair<std::uint32_t, std::string>> await_report(std::shared_ptr<ReportWait> wait);
};

using LinkPtr = std::shared_ptr<SessionLink>;

template <class F, class... Args>
RawHandler make_raw_handler(std::tuple<Args...> (*decode)(SessionLink&, std::string_view), SessionLink& link,
                            F handler) {
  auto typed = adapt_handler<Args...>(std::move(handler));
  // A weak link: the session owns its handlers, handlers must not own it.
  std::weak_ptr<SessionLink> weak = link.shared_from_this();
  return [typed = std::move(typed), weak, decode](std::string_view bytes) -> Task<> {
    auto strong = weak.lock();
    if (!strong) throw Disconnected("pgwidgets: the session is gone");
    return std::apply(typed, decode(*strong, bytes));
  };
}

// Handles for a list of widget ids (a repeated reference field).
template <class W, class Ids>
std::vector<W> to_handles(SessionLink& link, const Ids& ids) {
  std::vector<W> out;
  out.reserve(static_cast<std::size_t>(ids.size()));
  for (auto id : ids) out.emplace_back(link.shared_from_this(), static_cast<WidgetId>(id));
  return out;
}

// Coroutines the proxies return: they own copies of everything they use,
// so a proxy call stays valid even if the handle it was made on is gone.
// A call that touches no child list (setters, actions).
Task<> send_call(LinkPtr link, WidgetId widget, const MethodInfo& method, std::string args);
// An attach or detach: the proxy read the child, index and destroy flag out
// of its request, as the schema's method kind says.
Task<> send_child_call(LinkPtr link, WidgetId widget, const MethodInfo& method, std::string args,
                       ChildChange change);

template <class R>
Task<R> call_returning(LinkPtr link, WidgetId widget, const MethodInfo& method, std::string args,
                       R (*decode)(SessionLink&, std::string_view)) {
  std::string value = co_await link->call(widget, method, std::move(args), ChildChange{});
  co_return decode(*link, value);
}

// exec(): shows the widget with `show`, then answers the first report of
// `answer` (its one argument) or `cancel` (std::nullopt). Written without
// braced temporaries or capturing lambdas inside co_await (g++ 12).
template <class T>
Task<std::optional<T>> exec_widget(LinkPtr link, WidgetId widget, const MethodInfo& show, const CallbackInfo& answer,
                                   const CallbackInfo& cancel, std::tuple<T> (*decode)(SessionLink&, std::string_view)) {
  std::shared_ptr<ReportWait> wait = link->expect_report(widget, answer.id, cancel.id);
  ChildChange none;
  co_await link->call(widget, show, std::string(), none);
  std::pair<std::uint32_t, std::string> got = co_await link->await_report(std::move(wait));
  if (got.first != answer.id) co_return std::nullopt;
  co_return std::get<0>(decode(*link, got.second));
}

struct HandleAccess;  // the runtime's way to a handle's link (session_link.cpp)

// Base of every widget handle: a session link and a widget id. Cheap to
// copy; a default-constructed handle refers to no widget.
class WidgetHandle {
 public:
  WidgetHandle() = default;
  WidgetHandle(LinkPtr link, WidgetId id) : link_(std::move(link)), id_(id) {}

  WidgetId id() const noexcept { return id_; }
  explicit operator bool() const noexcept { return link_ && id_ != 0; }
  friend bool operator==(const WidgetHandle& a, const WidgetHandle& b) noexcept {
    return a.link_ == b.link_ && a.id_ == b.id_;
  }

 protected:
  // Throws std::logic_error on an empty handle (one that refers to no widget).
  SessionLink& link() const;
  const LinkPtr& checked_link() const;

 private:
  friend struct HandleAccess;
  LinkPtr link_;
  WidgetId id_ = 0;
};

// The id of a widget passed as an argument, checked to belong to `owner`'s session.
WidgetId child_id(const WidgetHandle& owner, const WidgetHandle& child, std::string_view method);
// Throws std::invalid_argument unless 0 <= value <= 1 (a method marked
// `fractions` in the schema): `method` and `arg` name it.
void check_fraction(double value, std::string_view method, std::string_view arg);
// The id of a widget given as a constructor option (a radio button's
// group), checked to belong to `link`'s session; a null pointer is 0, none.
WidgetId option_ref(const LinkPtr& link, const WidgetHandle* widget, std::string_view what);

}  // namespace detail
}  // namespace pgw
