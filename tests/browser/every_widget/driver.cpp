#include "every_widget/driver.hpp"

#include <stdexcept>
#include <utility>

#include <boost/asio/co_spawn.hpp>

#include <pgwidgets/errors.hpp>

#include "every_widget/report.hpp"
#include "session_access.hpp"
#include "session_core.hpp"

namespace every_widget {

namespace pb = google::protobuf;
namespace json = boost::json;
using pgw::Task;
using pgw::WidgetId;
using pgw::detail::ChildChange;

namespace {

std::string_view kind_name(MethodKind kind) {
  switch (kind) {
    case MethodKind::action: return "action";
    case MethodKind::setter: return "setter";
    case MethodKind::getter: return "getter";
    case MethodKind::query: return "query";
    case MethodKind::attach: return "attach";
    case MethodKind::detach: return "detach";
    case MethodKind::detach_all: return "detach_all";
    case MethodKind::children: return "children";
    case MethodKind::child_count: return "child_count";
    case MethodKind::destroy: return "destroy";
    case MethodKind::create: return "create";
  }
  return "?";
}

std::int64_t integer(const pb::Message& m, const pb::FieldDescriptor* f) {
  const pb::Reflection* r = m.GetReflection();
  switch (f->cpp_type()) {
    case pb::FieldDescriptor::CPPTYPE_INT32: return r->GetInt32(m, f);
    case pb::FieldDescriptor::CPPTYPE_UINT32: return r->GetUInt32(m, f);
    case pb::FieldDescriptor::CPPTYPE_INT64: return r->GetInt64(m, f);
    case pb::FieldDescriptor::CPPTYPE_UINT64: return static_cast<std::int64_t>(r->GetUInt64(m, f));
    default: throw std::runtime_error("every_widget: " + f->full_name() + " is not an integer");
  }
}

// What the call does to the child lists, read from the request the way the
// generated proxies read it.
// As the generated proxies do: only the child-list kinds make a change (a
// grid's line operation names its widgets in a repeated `child`, which the
// server reads from the request).
ChildChange change_of(const MethodPlan& m, const pb::Message& request) {
  ChildChange change;
  if (m.kind() != MethodKind::attach && m.kind() != MethodKind::detach && m.kind() != MethodKind::detach_all) {
    return change;
  }
  if (m.child != nullptr) change.child = static_cast<WidgetId>(integer(request, m.child));
  if (m.index != nullptr) change.index = static_cast<int>(integer(request, m.index));
  if (m.destroy != nullptr) change.destroy = request.GetReflection()->GetBool(request, m.destroy);
  return change;
}

void set_integer(pb::Message& m, const pb::FieldDescriptor* f, std::int64_t value) {
  const pb::Reflection* r = m.GetReflection();
  switch (f->cpp_type()) {
    case pb::FieldDescriptor::CPPTYPE_INT32: return r->SetInt32(&m, f, static_cast<std::int32_t>(value));
    case pb::FieldDescriptor::CPPTYPE_UINT32: return r->SetUInt32(&m, f, static_cast<std::uint32_t>(value));
    case pb::FieldDescriptor::CPPTYPE_INT64: return r->SetInt64(&m, f, value);
    case pb::FieldDescriptor::CPPTYPE_UINT64: return r->SetUInt64(&m, f, static_cast<std::uint64_t>(value));
    default: throw std::runtime_error("every_widget: " + f->full_name() + " is not an integer");
  }
}

bool has_refs(const pb::Descriptor* d) {
  for (int i = 0; i < d->field_count(); ++i) {
    if (!d->field(i)->options().GetExtension(pgwidgets::arg).ref().empty()) return true;
  }
  return false;
}

// Restores the session's strictness however the scope is left.
class StrictCalls {
 public:
  StrictCalls(pgw::detail::SessionCore& core, bool strict) : core_(core), before_(core.strict_calls()) {
    core_.set_strict_calls(strict);
  }
  ~StrictCalls() { core_.set_strict_calls(before_); }
  StrictCalls(const StrictCalls&) = delete;
  StrictCalls& operator=(const StrictCalls&) = delete;

 private:
  pgw::detail::SessionCore& core_;
  bool before_;
};

}  // namespace

Driver::Driver(const SchemaMap& schema, pgw::Session& session)
    : schema_(schema),
      core_(std::static_pointer_cast<pgw::detail::SessionCore>(pgw::detail::SessionAccess::core(session).shared_from_this())) {}

// --- reporting -------------------------------------------------------------------

std::string Driver::class_name(WidgetId id) const {
  auto it = class_of_.find(id);
  return it == class_of_.end() ? std::string() : std::string(it->second->name());
}

bool Driver::is_a(WidgetId id, std::string_view ref_class) const {
  const ClassPlan* ref = schema_.find(ref_class);
  auto it = class_of_.find(id);
  return ref != nullptr && it != class_of_.end() && schema_.is_a(it->second->id(), ref->id());
}

void Driver::error(WidgetId widget, const std::string& what, const std::string& message) const {
  emit("error", {{"widget", widget}, {"class", class_name(widget)}, {"what", what}, {"message", message}});
}

void Driver::report(std::exception_ptr e) const {
  try {
    std::rethrow_exception(e);
  } catch (const pgw::RemoteError& r) {
    error(r.widget_id(), r.widget_class() + "." + r.method(), "failed in the browser: " + r.remote_message());
  } catch (const std::exception& x) {
    error(0, "handler", x.what());
  }
}

// --- widgets and references ------------------------------------------------------

Task<WidgetId> Driver::create(const ClassPlan& cls) {
  std::string args;
  if (cls.constructor != nullptr) {
    auto message = new_message(cls.constructor);
    RefSource source = refs(0, nullptr);
    co_await fill_sample(*message, source);
    args = message->SerializeAsString();
  }
  const WidgetId id = co_await core_->create(*cls.info, std::move(args));
  class_of_[id] = &cls;
  co_return id;
}

// A class for a new widget that a reference to `ref_class` may hold: a leaf
// (no children of its own) that is not a window if there is one, so that
// any container takes it.
const ClassPlan& Driver::fresh_class(const std::string& ref_class) const {
  const ClassPlan* ref = schema_.find(ref_class);
  if (ref == nullptr) throw std::runtime_error("every_widget: a reference to unknown class " + ref_class);
  const ClassPlan* best = nullptr;
  int best_rank = 3;
  for (const ClassPlan& c : schema_.classes()) {
    // A class made only by CREATE methods is made by ref_for's other path.
    if (c.abstract() || !c.info->made_by.empty() || !schema_.is_a(c.id(), ref->id())) continue;
    const bool holds = c.first(MethodKind::attach) != nullptr || c.first(MethodKind::create) != nullptr;
    const int rank = c.window() ? 2 : (holds ? 1 : 0);
    if (rank < best_rank) {
      best = &c;
      best_rank = rank;
    }
  }
  if (best == nullptr) throw std::runtime_error("every_widget: no concrete class is a " + ref_class);
  return *best;
}

Task<WidgetId> Driver::fresh(std::string ref_class) { co_return co_await create(fresh_class(ref_class)); }

// An attach method's child is a new widget (or `given`); any other reference
// is the owner's first child of a fitting class (a tab to show, a child to
// remove), else a new widget.
Task<WidgetId> Driver::ref_for(WidgetId owner, const MethodPlan* method, const pb::FieldDescriptor* field,
                               std::string ref_class, WidgetId given) {
  const bool child_field = method != nullptr && field == method->child;
  if (child_field && given != 0) co_return given;
  // A widget only a CREATE method makes (a TextBufferRef) is made by the
  // owner's such method, or its creator's (a ref of the same TextSource),
  // unless a child of the owner is wanted (the ref remove_ref takes out).
  const ClassPlan* made = schema_.find(ref_class);
  if (made != nullptr && !made->info->made_by.empty() && !child_field) {
    co_return co_await made_by_creator(*made, owner);
  }
  // The child a creating method puts in the new widget is new too.
  const bool takes_new = method != nullptr && (method->kind() == MethodKind::attach || method->kind() == MethodKind::create);
  if (!(child_field && takes_new) && owner != 0) {
    for (WidgetId c : core_->children(owner)) {
      if (is_a(c, ref_class)) co_return c;
    }
  }
  co_return co_await fresh(std::move(ref_class));
}

RefSource Driver::refs(WidgetId owner, const MethodPlan* method, WidgetId given) {
  // A plain lambda handing over to a member coroutine, whose parameters are
  // copied into its frame (the lambda may be gone by the time it resumes).
  return [self = shared_from_this(), owner, method, given](const pb::FieldDescriptor& field, std::string_view ref) {
    return self->ref_for(owner, method, &field, std::string(ref), given);
  };
}

// --- method calls ------------------------------------------------------------------

Task<std::optional<json::value>> Driver::send(WidgetId widget, const MethodPlan& m, const pb::Message& request) {
  switch (m.kind()) {
    case MethodKind::getter: {
      // Answered by the server from the last setter's record.
      const std::string* recorded = core_->recorded(widget, m.info->field);
      if (recorded == nullptr) co_return json::value(nullptr);
      auto value = new_message(m.rpc->output_type());
      if (!value->ParseFromString(*recorded)) {
        throw std::runtime_error("the recorded state does not parse as " + m.rpc->output_type()->full_name());
      }
      co_return to_json(*value);
    }
    case MethodKind::children: {
      json::array ids;
      for (WidgetId c : core_->children(widget)) ids.emplace_back(c);
      co_return json::value(std::move(ids));
    }
    case MethodKind::child_count:
      co_return json::value(core_->children(widget).size());
    case MethodKind::create:
      co_return json::value(co_await create_by(widget, m, request));
    default:
      break;
  }
  std::string bytes = request.SerializeAsString();
  const ChildChange change = change_of(m, request);
  std::string reply = co_await core_->call(widget, *m.info, std::move(bytes), change);
  if (!m.info->returns_value) co_return std::nullopt;
  auto value = new_message(m.rpc->output_type());
  if (!value->ParseFromString(reply)) {
    throw std::runtime_error("the browser's reply does not parse as " + m.rpc->output_type()->full_name());
  }
  co_return to_json(*value);
}

// A widget of a class only CREATE methods make (ClassInfo::made_by): by
// such a method of `owner` or of the widget that made `owner` (a ref of
// the same TextSource), else of a new widget of a creating class.
Task<WidgetId> Driver::made_by_creator(const ClassPlan& cls, WidgetId owner, WidgetId* made_in) {
  auto creating = [&cls](const ClassPlan& c) -> const MethodPlan* {
    for (const MethodPlan* m : c.methods) {
      if (m->kind() == MethodKind::create && m->options.creates() == cls.name()) return m;
    }
    return nullptr;
  };
  WidgetId creator = 0;
  const MethodPlan* method = nullptr;
  for (WidgetId w : {owner, made_in_.contains(owner) ? made_in_.at(owner) : WidgetId{0}}) {
    if (w == 0 || method != nullptr) continue;
    if (const MethodPlan* m = creating(*class_of_.at(w))) {
      creator = w;
      method = m;
    }
  }
  if (method == nullptr) {
    for (const ClassPlan& c : schema_.classes()) {
      if (c.abstract() || (method = creating(c)) == nullptr) continue;
      creator = co_await create(c);
      co_await fit_text(creator, nullptr);
      if (made_in != nullptr) *made_in = creator;
      break;
    }
  }
  if (method == nullptr) throw std::runtime_error("every_widget: no class has a method that creates " + std::string(cls.name()));
  auto request = new_message(method->rpc->input_type());
  co_await fill_request(creator, *method, *request, 0);
  co_return co_await create_by(creator, *method, *request, false);
}

// A method that creates a widget (schema option `creates`): the created
// class's constructor gets sample arguments, its `child_into` attach the
// request's child. Reported as "created" with where the page must show it.
// Unless `reported` is false (a widget made for the samples' sake, not
// for the test's count of what each creating method of a subject made).
Task<WidgetId> Driver::create_by(WidgetId owner, const MethodPlan& m, const pb::Message& request, bool reported) {
  const ClassPlan* made = schema_.find(m.options.creates());
  if (made == nullptr) throw std::runtime_error("creates unknown class " + m.options.creates());
  std::string args;
  if (made->constructor != nullptr) {
    auto ctor = new_message(made->constructor);
    RefSource source = refs(0, nullptr);
    co_await fill_sample(*ctor, source);
    args = ctor->SerializeAsString();
  }
  const WidgetId child = m.child != nullptr ? static_cast<WidgetId>(integer(request, m.child)) : 0;
  const MethodPlan* into = nullptr;
  std::string into_args;
  if (child != 0) {
    for (const MethodPlan* x : made->methods) {
      if (x->rpc->name() == m.options.child_into()) into = x;
    }
    if (into == nullptr || into->child == nullptr) {
      throw std::runtime_error("child_into " + m.options.child_into() + " is no attach of " + std::string(made->name()));
    }
    auto r = new_message(into->rpc->input_type());
    set_integer(*r, into->child, child);
    into_args = r->SerializeAsString();
  }
  const WidgetId id = co_await core_->create_in(owner, *m.info, *made->info, std::move(args), child,
                                                into ? into->info : nullptr, std::move(into_args));
  class_of_[id] = made;
  made_in_[id] = owner;
  if (!reported) co_return id;
  emit("created", {{"widget", id},
                   {"class", made->name()},
                   {"class_id", made->id()},
                   {"owner", owner},
                   {"child", child},
                   {"method", m.label()}});
  co_return id;
}

Task<> Driver::fill_request(WidgetId widget, const MethodPlan& m, pb::Message& request, WidgetId given) {
  RefSource source = refs(widget, &m, given);
  co_await fill_sample(request, source);
  // An insert position: 0 is in range however many children there are.
  // (A state operation's `index` names its key, a child here, filled above.)
  if (m.index != nullptr && m.kind() == MethodKind::attach) set_integer(request, m.index, 0);
}

const MethodPlan* Driver::sibling(WidgetId widget, std::uint32_t field, pgw::detail::StateOp op) const {
  for (const MethodPlan* x : class_of_.at(widget)->methods) {
    if (x->info->field == field && x->info->op == op && x->kind() == MethodKind::setter) return x;
  }
  return nullptr;
}

namespace {

// Keeps the first `keep` items of repeated field `f`.
void keep_first(pb::Message& message, const pb::FieldDescriptor* f, int keep) {
  if (f == nullptr || !f->is_repeated()) return;
  const pb::Reflection* r = message.GetReflection();
  while (r->FieldSize(message, f) > keep) r->RemoveLast(&message, f);
}

// Copies field `from` of `a` into field `to` of `b` (same type: a key or path).
void copy_field(const pb::Message& a, const pb::FieldDescriptor* from, pb::Message& b, const pb::FieldDescriptor* to) {
  if (from == nullptr || to == nullptr || from->cpp_type() != to->cpp_type() || from->is_repeated() != to->is_repeated()) {
    throw std::runtime_error("every_widget: key fields of different types");
  }
  const pb::Reflection* ra = a.GetReflection();
  const pb::Reflection* rb = b.GetReflection();
  if (from->is_repeated()) {
    rb->ClearField(&b, to);
    for (int i = 0; i < ra->FieldSize(a, from); ++i) {
      if (from->cpp_type() == pb::FieldDescriptor::CPPTYPE_STRING) rb->AddString(&b, to, ra->GetRepeatedString(a, from, i));
    }
    return;
  }
  switch (from->cpp_type()) {
    case pb::FieldDescriptor::CPPTYPE_STRING: rb->SetString(&b, to, ra->GetString(a, from)); break;
    case pb::FieldDescriptor::CPPTYPE_INT32: rb->SetInt32(&b, to, ra->GetInt32(a, from)); break;
    case pb::FieldDescriptor::CPPTYPE_UINT32: rb->SetUInt32(&b, to, ra->GetUInt32(a, from)); break;
    default: throw std::runtime_error("every_widget: a key of an unexpected type");
  }
}

}  // namespace

Task<> Driver::prepare_state(WidgetId widget, const MethodPlan& m, pb::Message& request) {
  using pgw::detail::StateOp;
  const StateOp op = m.info->op;
  if (op == StateOp::none || op == StateOp::line_insert || op == StateOp::line_delete) co_return;
  const pb::Descriptor* d = request.GetDescriptor();
  // A tree path of one key (two equal sample keys would name a node whose
  // parent is not there), and one element in a bulk op's list (two equal
  // paths name one node twice).
  const pb::FieldDescriptor* key = m.info->index_field ? d->FindFieldByNumber(m.info->index_field) : nullptr;
  pb::Message* holder = &request;
  if (op == StateOp::assign || op == StateOp::put_all || op == StateOp::remove_all) {
    const pb::FieldDescriptor* items = d->FindFieldByNumber(m.info->items_field);
    keep_first(request, items, 1);
    if (request.GetReflection()->FieldSize(request, items) == 0 || key == nullptr) co_return;
    holder = request.GetReflection()->MutableRepeatedMessage(&request, items, 0);
    key = holder->GetDescriptor()->FindFieldByNumber(m.info->index_field);
  }
  if (key != nullptr && key->cpp_type() == pb::FieldDescriptor::CPPTYPE_STRING) keep_first(*holder, key, 1);
  if (op == StateOp::assign || op == StateOp::put_all || op == StateOp::clear || op == StateOp::set_add ||
      op == StateOp::set_remove || op == StateOp::tree_put || op == StateOp::list_append || op == StateOp::list_insert ||
      op == StateOp::list_insert_sorted || op == StateOp::list_remove_value || op == StateOp::all_parents) {
    co_return;  // any value takes these
  }
  auto run = [&](const MethodPlan* x, const pb::Message* keyed) -> Task<bool> {
    if (x == nullptr) co_return false;
    auto r = new_message(x->rpc->input_type());
    co_await fill_request(widget, *x, *r, 0);
    if (keyed != nullptr && x->info->index_field != 0) {
      copy_field(*keyed, key, *r, r->GetDescriptor()->FindFieldByNumber(x->info->index_field));
    }
    try {
      co_await send(widget, *x, *r);
    } catch (const std::invalid_argument&) {
      co_return false;  // refused: the state was already so
    }
    co_return true;
  };
  const std::uint32_t field = m.info->field;
  const MethodPlan* remove = sibling(widget, field, StateOp::tree_remove);
  const MethodPlan* add = sibling(widget, field, StateOp::tree_add);
  if (add == nullptr) add = sibling(widget, field, StateOp::tree_put);
  if (op == StateOp::tree_add) {
    co_await run(remove, holder);  // the node must not be there
  } else if (op == StateOp::tree_update || op == StateOp::tree_remove || op == StateOp::remove_all ||
             (op == StateOp::set_cell && add != nullptr)) {
    co_await run(add, holder);  // the node must be there
  } else if (op == StateOp::set_cell || op == StateOp::list_remove || op == StateOp::list_move) {
    // A row (its cells) appended, so position 0 is there, and the request
    // names it: row 0 and, for a cell or a move, position 0 too (the key
    // protobuf leaves off the wire: the server must read it as 0).
    co_await run(sibling(widget, field, StateOp::list_append), nullptr);
    const pb::Reflection* r = request.GetReflection();
    for (const std::uint16_t number : {m.info->index_field, m.info->to_field}) {
      const pb::FieldDescriptor* f = number ? d->FindFieldByNumber(number) : nullptr;
      if (f != nullptr && !f->is_repeated() && f->cpp_type() == pb::FieldDescriptor::CPPTYPE_INT32) r->SetInt32(&request, f, 0);
    }
  }
}

Task<> Driver::attach(WidgetId parent, const MethodPlan& m, WidgetId child) {
  auto request = new_message(m.rpc->input_type());
  co_await fill_request(parent, m, *request, child);
  co_await send(parent, m, *request);
}

Task<> Driver::call(WidgetId widget, const MethodPlan& m) {
  std::string failure;
  std::optional<json::value> result;
  auto request = new_message(m.rpc->input_type());
  try {
    if ((m.kind() == MethodKind::detach || m.kind() == MethodKind::detach_all) && core_->children(widget).empty()) {
      const MethodPlan* give = class_of_.at(widget)->first(MethodKind::attach);
      if (give == nullptr) give = class_of_.at(widget)->first(MethodKind::create);
      if (give == nullptr) throw std::runtime_error("no attach or create method gives it a child to detach");
      co_await call(widget, *give);
    }
    co_await fit_text(widget, &m);
    co_await fill_request(widget, m, *request, 0);
    co_await prepare_state(widget, m, *request);
    fit_text_request(widget, *request);
    result = co_await send(widget, m, *request);
  } catch (const std::exception& e) {
    failure = e.what();
  }
  ++calls_;
  if (!failure.empty()) {
    error(widget, m.label(), failure);
    co_return;
  }
  emit("call", {{"widget", widget},
                {"class", class_name(widget)},
                {"method", m.label()},
                {"kind", kind_name(m.kind())},
                {"args", to_json(*request)},
                {"result", result ? *result : json::value(nullptr)}});
}

// Attach methods first, each with a new child; detach methods last, on a
// child of the widget; destroy is left for destroy_all().
Task<> Driver::exercise(const Subject& subject) {
  const auto in_order = [&subject](auto wanted) {
    std::vector<const MethodPlan*> out;
    for (const MethodPlan* m : subject.cls->methods) {
      if (wanted(m->kind())) out.push_back(m);
    }
    return out;
  };
  std::vector<const MethodPlan*> order = in_order([](MethodKind k) { return k == MethodKind::attach; });
  // Methods that create a widget come after the detaches, so what they
  // made is still in its creator when the test looks.
  for (auto group : {in_order([](MethodKind k) {
                       return k != MethodKind::attach && k != MethodKind::detach && k != MethodKind::detach_all &&
                              k != MethodKind::destroy && k != MethodKind::create;
                     }),
                     in_order([](MethodKind k) { return k == MethodKind::detach; }),
                     in_order([](MethodKind k) { return k == MethodKind::detach_all; }),
                     in_order([](MethodKind k) { return k == MethodKind::create; })}) {
    order.insert(order.end(), group.begin(), group.end());
  }
  for (const MethodPlan* m : order) co_await call(subject.id, *m);
}

// --- sample fitting ----------------------------------------------------------------

namespace {

// Several lines, so that the samples' offset and line 1 are in the text.
constexpr std::string_view kSampleText = "first line\nsecond line\nthird line\n";

bool is_text_source(const ClassPlan& c) { return c.name() == "TextSource"; }

}  // namespace

// TextSource is strict about positions and names (an offset past the end,
// a tag not defined, a name no ref has are errors): before each call the
// text is set to several lines and the sample tag (every sample string is
// the same) is defined, so a call that cleared or replaced the text or
// removed the tag leaves nothing wrong for the next one. set_text
// invalidates every ref, so a ref the call names is made after it (ref_for).
Task<> Driver::fit_text(WidgetId widget, const MethodPlan* method) {
  const ClassPlan& cls = *class_of_.at(widget);
  if (!is_text_source(cls) || (method != nullptr && method->kind() == MethodKind::destroy)) co_return;
  auto named = [&cls](std::string_view name) {
    for (const MethodPlan* m : cls.methods) {
      if (m->info->name == name) return m;
    }
    throw std::runtime_error("every_widget: TextSource has no method " + std::string(name));
  };
  const MethodPlan* set_text = named("set_text");
  auto text = new_message(set_text->rpc->input_type());
  text->GetReflection()->SetString(text.get(), text->GetDescriptor()->FindFieldByName("text"), std::string(kSampleText));
  co_await send(widget, *set_text, *text);
  const MethodPlan* create_tag = named("create_tag");
  auto tag = new_message(create_tag->rpc->input_type());
  co_await fill_request(widget, *create_tag, *tag, 0);
  co_await send(widget, *create_tag, *tag);
  if (method != nullptr && (method->info->name == "get_named_ref" || method->info->name == "remove_named_ref")) {
    const MethodPlan* create_named_ref = named("create_named_ref");
    auto ref = new_message(create_named_ref->rpc->input_type());
    co_await fill_request(widget, *create_named_ref, *ref, 0);
    co_await create_by(widget, *create_named_ref, *ref, false);
  }
}

// A buffer snapshot (set_buffer) names its refs by widget id, which a
// sample number is not: the sample has none.
void Driver::fit_text_request(WidgetId widget, pb::Message& request) const {
  if (!is_text_source(*class_of_.at(widget))) return;
  if (const pb::FieldDescriptor* refs = request.GetDescriptor()->FindFieldByName("refs")) {
    request.GetReflection()->ClearField(&request, refs);
  }
}

// --- placement -------------------------------------------------------------------------

// Non-window subjects go into one box, the box into a window. The window
// stays hidden (showing it would mean naming the method that does): the
// test checks that each element is in the document, not that it is drawn,
// and fires the callbacks of drawn widgets (map, resize) itself.
Task<> Driver::place() {
  holder_ = co_await create(*holder_class_);
  const ClassPlan* root_class = nullptr;
  const MethodPlan* root_attach = nullptr;
  for (const ClassPlan& c : schema_.classes()) {
    if (c.abstract() || !c.window()) continue;
    const MethodPlan* a = c.first(MethodKind::attach);
    if (a == nullptr) continue;
    const ClassPlan* takes = schema_.find(a->child->options().GetExtension(pgwidgets::arg).ref());
    if (takes != nullptr && schema_.is_a(holder_class_->id(), takes->id())) {
      root_class = &c;
      root_attach = a;
      break;
    }
  }
  WidgetId root = 0;
  if (root_class != nullptr) {
    root = co_await create(*root_class);
    co_await attach(root, *root_attach, holder_);
  }
  emit("scaffold", {{"holder", holder_},
                    {"holder_class", holder_class_->name()},
                    {"window", root},
                    {"window_class", root_class ? root_class->name() : std::string_view()}});
  for (const Subject& s : subjects_) {
    // A subject its owner made is in the page inside it: the owner goes in the box.
    if (!s.window) co_await attach(holder_, *holder_attach_, s.owner != 0 ? s.owner : s.id);
  }
  for (const Subject& s : subjects_) {
    json::array methods, callbacks;
    for (const MethodPlan* m : s.cls->methods) {
      methods.emplace_back(json::object{{"method", m->label()}, {"kind", kind_name(m->kind())}});
    }
    for (const CallbackPlan* cb : s.cls->callbacks) callbacks.emplace_back(cb->label());
    emit("subject", {{"widget", s.id},
                     {"class", s.cls->name()},
                     {"class_id", s.cls->id()},
                     {"window", s.window},
                     {"parent", s.window ? 0 : holder_},
                     {"methods", std::move(methods)},
                     {"callbacks", std::move(callbacks)}});
  }
}

// --- callbacks -----------------------------------------------------------------------

Task<> Driver::on_callback(WidgetId widget, const CallbackPlan* callback, std::string bytes) {
  auto args = new_message(callback->message());
  if (!args->ParseFromString(bytes)) {
    error(widget, callback->label(), "undecodable arguments (" + std::to_string(bytes.size()) + " bytes)");
    co_return;
  }
  emit("callback",
       {{"widget", widget}, {"class", class_name(widget)}, {"callback", callback->label()}, {"args", to_json(*args)}});
}

void Driver::listen_all() {
  for (const Subject& s : subjects_) {
    for (const CallbackPlan* cb : s.cls->callbacks) {
      // The session keeps its handlers until it ends, and the driver with
      // them: both live as long as the test program.
      pgw::detail::RawHandler handler = [self = shared_from_this(), id = s.id, cb](std::string_view bytes) {
        return self->on_callback(id, cb, std::string(bytes));
      };
      core_->listen(s.id, *cb->info, std::move(handler));
      emit("listen", {{"widget", s.id}, {"class", s.cls->name()}, {"callback", cb->label()}});
    }
  }
}

// What the page fires each callback with (the TypeScript arguments of the
// widget's events function) and what must arrive here.
Task<> Driver::plan_callbacks(const Subject& subject) {
  for (const CallbackPlan* cb : subject.cls->callbacks) {
    auto args = new_message(cb->message());
    RefSource source = refs(subject.id, nullptr);
    co_await fill_sample(*args, source, false);
    // A report that changes a collection is applied by its setter's rules:
    // the sample is made to fit them (a node that is there, one path).
    if (cb->info->updates_method != 0) {
      for (const MethodPlan* x : subject.cls->methods) {
        if (x->info->id == cb->info->updates_method) co_await prepare_state(subject.id, *x, *args);
      }
    }
    emit("fire", {{"widget", subject.id},
                  {"class", subject.cls->name()},
                  {"callback", cb->label()},
                  {"name", cb->info->name},
                  {"params", describe_fields(*args)},
                  {"expected", to_json(*args)}});
    ++fired_;
  }
}

// --- ordering ------------------------------------------------------------------------

// Returns once the browser has run everything sent before: it answers in
// order, so a query's reply comes after every earlier call's error.
Task<> Driver::barrier() {
  for (const MethodPlan* m : holder_class_->methods) {
    if (m->kind() != MethodKind::query || has_refs(m->rpc->input_type())) continue;
    auto request = new_message(m->rpc->input_type());
    co_await fill_request(holder_, *m, *request, 0);
    co_await send(holder_, *m, *request);
    co_return;
  }
  // No such query: an acknowledged creation waits the same way.
  StrictCalls strict(*core_, true);
  co_await create(*holder_class_);
}

// --- the phases ----------------------------------------------------------------------

Task<> Driver::build() {
  for (const ClassPlan& c : schema_.classes()) {
    if (c.abstract() || !c.info->made_by.empty()) continue;
    if (const MethodPlan* a = c.first(MethodKind::attach, true)) {
      holder_class_ = &c;
      holder_attach_ = a;
      break;
    }
  }
  if (holder_class_ == nullptr) {
    throw std::runtime_error("every_widget: no concrete class takes several children: nothing to hold the widgets");
  }
  for (const ClassPlan& c : schema_.classes()) {
    if (c.abstract()) continue;
    Subject s;
    s.id = c.info->made_by.empty() ? co_await create(c) : co_await made_by_creator(c, 0, &s.owner);
    s.cls = &c;
    s.window = c.window();
    subjects_.push_back(s);
  }
  co_await place();
  listen_all();
  for (const Subject& s : subjects_) co_await exercise(s);
  for (const Subject& s : subjects_) co_await plan_callbacks(s);
  co_await barrier();
  emit("ready", {{"classes", schema_.classes().size()},
                 {"subjects", subjects_.size()},
                 {"methods", schema_.method_count()},
                 {"calls", calls_},
                 {"callbacks", schema_.callback_count()},
                 {"fires", fired_}});
}

Task<> Driver::destroy_all() {
  json::array gone;
  for (const Subject& s : subjects_) {
    std::vector<WidgetId> tree{s.id};
    for (std::size_t i = 0; i < tree.size(); ++i) {
      for (WidgetId c : core_->children(tree[i])) tree.push_back(c);
    }
    for (WidgetId id : tree) gone.emplace_back(json::object{{"widget", id}, {"class", class_name(id)}});
    const MethodPlan* destroy = s.cls->first(MethodKind::destroy);
    if (destroy == nullptr) {
      error(s.id, std::string(s.cls->name()), "no destroy method");
      continue;
    }
    co_await call(s.id, *destroy);
    if (s.owner != 0) {
      gone.emplace_back(json::object{{"widget", s.owner}, {"class", class_name(s.owner)}});
      if (const MethodPlan* d = class_of_.at(s.owner)->first(MethodKind::destroy)) co_await call(s.owner, *d);
    }
  }
  co_await barrier();
  emit("destroyed", {{"widgets", std::move(gone)}});
}

// The page answers the barrier's query after sending every callback it had
// fired; their handlers were queued on the session's lock before the one
// reporting "synced", and the lock serves in order.
Task<> Driver::sync() {
  co_await barrier();
  core_->spawn_handler([]() -> Task<> {
    emit("synced");
    co_return;
  }, "every_widget: sync");
}

bool Driver::command(const std::string& command) {
  auto self = shared_from_this();
  if (command == "destroy") {
    core_->spawn_handler([self] { return self->destroy_all(); }, "every_widget: destroy");
  } else if (command == "sync") {
    boost::asio::co_spawn(core_->executor(), sync(), [self](std::exception_ptr e) {
      if (e) self->report(e);
    });
  } else {
    return false;
  }
  return true;
}

}  // namespace every_widget
