// The page as the test kit models it: what a browser holds after applying
// the server's frames (widgets, their state fields, child lists, listens),
// and how it answers. It reads the wire only (ServerFrame in, ClientMessage
// out) and the schema through SchemaView: it shares nothing with the
// server's WidgetStore, whose internals may change freely, but the rules
// of collection state (lists, trees, sets), which it applies with the
// server's own functions (runtime/src/state_ops.hpp): one rule set.
#pragma once

#include <cstdint>
#include <map>
#include <memory>
#include <set>
#include <string>
#include <string_view>
#include <variant>
#include <vector>

#include "pgwidgets/protocol.pb.h"
#include "schema_view.hpp"
#include "state_ops.hpp"

namespace pgw::testing::model {

using WidgetId = std::uint32_t;

// One field's value, as far as the kit looks into it.
using Scalar = std::variant<std::monostate, bool, std::int64_t, double, std::string>;

// A new message of `type`, parsed from `bytes` (throws std::invalid_argument
// when they do not parse).
std::unique_ptr<pb::Message> parse_message(const pb::Descriptor* type, std::string_view bytes = {});
// The message's first field (in declaration order), or none.
Scalar first_field(const pb::Message& m);
// Sets `field` to `value` (converted to the field's type); false when it cannot.
bool set_field(pb::Message& m, const pb::FieldDescriptor* field, const Scalar& value);
// The first field of `type` that takes `value`'s kind (bool, number, text).
const pb::FieldDescriptor* first_field_taking(const pb::Descriptor* type, const Scalar& value);

class PageModel {
 public:
  struct Record {
    const MethodView* setter;  // whose request type `args` is read as
    std::string args;
  };
  struct Widget {
    const ClassView* cls = nullptr;
    std::string ctor;
    std::map<std::string, Record, std::less<>> state;  // by state field name
    std::vector<detail::StateValue> collections;       // lists, trees, sets (state_ops.hpp)
    std::vector<WidgetId> children;
    WidgetId parent = 0;
    // The call that put it in its parent (a grid's cell is in its arguments).
    std::uint32_t attach_method = 0;
    std::string attach_args;
    std::set<std::uint32_t> listened;
  };

  // Applies one frame from the server, appending the page's answers
  // (results of awaited calls, errors of calls it refuses) to `replies`.
  // What the server complained of (its ProtocolError) goes to problems().
  void receive(std::string_view frame, std::vector<pgwidgets::ClientMessage>& replies);

  const Widget* find(WidgetId id) const;
  // Live widgets in creation order.
  std::vector<WidgetId> ids() const;
  bool is_a(WidgetId id, const ClassInfo& cls) const;

  // A state field's value as the page holds it: its last setter (or the
  // user's change), else the constructor argument of that name, else the
  // schema's default. `visible` defaults to false for windows (shown by
  // show()) and true for the rest (shown with their window).
  Scalar value(WidgetId id, std::string_view field) const;
  // A collection state (a combo box's items) as the page holds it, or nullptr.
  const detail::StateValue* collection(WidgetId id, std::string_view field) const;
  // Whether the class (or its constructor) has that state field at all.
  bool has_field(WidgetId id, std::string_view field) const;
  // The user changed a field in the page.
  void set_state(WidgetId id, const std::string& field, const MethodView* setter, std::string args);

  std::string text(WidgetId id) const;
  // The name the program gave it (Widget::set_name), "" for none.
  std::string name(WidgetId id) const;
  bool visible(WidgetId id) const;
  bool enabled(WidgetId id) const;
  std::string path(WidgetId id) const;

  // The page's answer to method `method` (C++ name) of a widget, set by the test.
  void set_answer(WidgetId id, std::string method, std::string bytes) { answers_[{id, std::move(method)}] = std::move(bytes); }
  std::vector<std::string> take_problems() { return std::exchange(problems_, {}); }

 private:
  void on_create(const pgwidgets::Create& c, std::vector<pgwidgets::ClientMessage>& replies);
  void on_call(const pgwidgets::Call& c, std::vector<pgwidgets::ClientMessage>& replies);
  void apply(WidgetId id, Widget& w, const MethodView& m, const pb::Message& request);
  std::string answer(WidgetId id, const Widget& w, const MethodView& m) const;
  void unlink(WidgetId child);
  // A grid's LINE_INSERT or LINE_DELETE, by the server's rules (state_ops.hpp).
  void apply_line_op(WidgetId id, Widget& w, const MethodView& m, const std::string& args);
  void destroy(WidgetId id);
  Widget* find_mut(WidgetId id);

  std::map<WidgetId, Widget> widgets_;  // ids grow: map order is creation order
  std::map<std::pair<WidgetId, std::string>, std::string> answers_;
  std::vector<std::string> problems_;
};

}  // namespace pgw::testing::model
