#include "page_model.hpp"
#include "../src/wire_fields.hpp"

#include <algorithm>
#include <stdexcept>
#include <utility>

namespace pgw::testing::model {

using pgw::detail::MethodKind;
using FD = pb::FieldDescriptor;

// --- messages by reflection ------------------------------------------------------

std::unique_ptr<pb::Message> parse_message(const pb::Descriptor* type, std::string_view bytes) {
  const pb::Message* proto = pb::MessageFactory::generated_factory()->GetPrototype(type);
  std::unique_ptr<pb::Message> m(proto->New());
  if (!m->ParseFromArray(bytes.data(), static_cast<int>(bytes.size()))) {
    throw std::invalid_argument("bytes that do not parse as " + type->full_name());
  }
  return m;
}

namespace {

Scalar read(const pb::Message& m, const FD* f) {
  const pb::Reflection* r = m.GetReflection();
  if (f->is_repeated()) return {};
  switch (f->cpp_type()) {
    case FD::CPPTYPE_BOOL: return r->GetBool(m, f);
    case FD::CPPTYPE_INT32: return std::int64_t{r->GetInt32(m, f)};
    case FD::CPPTYPE_INT64: return std::int64_t{r->GetInt64(m, f)};
    case FD::CPPTYPE_UINT32: return std::int64_t{r->GetUInt32(m, f)};
    case FD::CPPTYPE_UINT64: return static_cast<std::int64_t>(r->GetUInt64(m, f));
    case FD::CPPTYPE_DOUBLE: return r->GetDouble(m, f);
    case FD::CPPTYPE_FLOAT: return double{r->GetFloat(m, f)};
    case FD::CPPTYPE_STRING: return r->GetString(m, f);
    case FD::CPPTYPE_ENUM: return std::int64_t{r->GetEnumValue(m, f)};
    default: return {};
  }
}

// The schema's default of a field (its `default` option), parsed as the
// field's type; none when it has none (enum words stay text).
Scalar schema_default(const FD* f) {
  const std::string& text = f->options().GetExtension(pgwidgets::arg).default_();
  if (text.empty()) return {};
  try {
    switch (f->cpp_type()) {
      case FD::CPPTYPE_BOOL: return text == "true";
      case FD::CPPTYPE_INT32:
      case FD::CPPTYPE_INT64:
      case FD::CPPTYPE_UINT32:
      case FD::CPPTYPE_UINT64: return std::int64_t{std::stoll(text)};
      case FD::CPPTYPE_DOUBLE:
      case FD::CPPTYPE_FLOAT: return std::stod(text);
      default: return text;
    }
  } catch (const std::exception&) {
    return text;
  }
}

// A field's value with the schema's defaults: an absent `optional` field
// with a `default` option reads as that default. A plain field is always
// on the wire (false, 0 and "" included), so its value is what was sent.
Scalar read_or_default(const pb::Message& m, const FD* f) {
  if (f->has_presence() && !m.GetReflection()->HasField(m, f)) {
    Scalar d = schema_default(f);
    if (!std::holds_alternative<std::monostate>(d)) return d;
  }
  return read(m, f);
}

// What a field holds before anything was said: its `default`, else the
// type's zero.
Scalar initial(const pb::Descriptor* type, const FD* f) {
  Scalar d = schema_default(f);
  return std::holds_alternative<std::monostate>(d) ? read(*parse_message(type), f) : d;
}

bool is_number(const FD* f) {
  switch (f->cpp_type()) {
    case FD::CPPTYPE_INT32:
    case FD::CPPTYPE_INT64:
    case FD::CPPTYPE_UINT32:
    case FD::CPPTYPE_UINT64:
    case FD::CPPTYPE_DOUBLE:
    case FD::CPPTYPE_FLOAT:
    case FD::CPPTYPE_ENUM: return true;
    default: return false;
  }
}

double as_double(const Scalar& v) {
  if (auto* i = std::get_if<std::int64_t>(&v)) return static_cast<double>(*i);
  if (auto* d = std::get_if<double>(&v)) return *d;
  if (auto* b = std::get_if<bool>(&v)) return *b ? 1 : 0;
  return 0;
}

std::uint32_t widget_ref(const pb::Message& m, const FD* f) {
  const Scalar v = read(m, f);
  auto* i = std::get_if<std::int64_t>(&v);
  return i ? static_cast<std::uint32_t>(*i) : 0;
}

}  // namespace

Scalar first_field(const pb::Message& m) {
  const pb::Descriptor* d = m.GetDescriptor();
  return d->field_count() == 0 ? Scalar{} : read_or_default(m, d->field(0));
}

bool set_field(pb::Message& m, const FD* f, const Scalar& value) {
  const pb::Reflection* r = m.GetReflection();
  if (f == nullptr || f->is_repeated()) return false;
  const double n = as_double(value);
  switch (f->cpp_type()) {
    case FD::CPPTYPE_BOOL:
      if (!std::holds_alternative<bool>(value)) return false;
      r->SetBool(&m, f, std::get<bool>(value));
      return true;
    case FD::CPPTYPE_STRING:
      if (!std::holds_alternative<std::string>(value)) return false;
      r->SetString(&m, f, std::get<std::string>(value));
      return true;
    case FD::CPPTYPE_INT32: r->SetInt32(&m, f, static_cast<std::int32_t>(n)); return true;
    case FD::CPPTYPE_INT64: r->SetInt64(&m, f, static_cast<std::int64_t>(n)); return true;
    case FD::CPPTYPE_UINT32: r->SetUInt32(&m, f, static_cast<std::uint32_t>(n)); return true;
    case FD::CPPTYPE_UINT64: r->SetUInt64(&m, f, static_cast<std::uint64_t>(n)); return true;
    case FD::CPPTYPE_DOUBLE: r->SetDouble(&m, f, n); return true;
    case FD::CPPTYPE_FLOAT: r->SetFloat(&m, f, static_cast<float>(n)); return true;
    case FD::CPPTYPE_ENUM: r->SetEnumValue(&m, f, static_cast<int>(n)); return true;
    default: return false;
  }
}

const FD* first_field_taking(const pb::Descriptor* type, const Scalar& value) {
  for (int i = 0; i < type->field_count(); ++i) {
    const FD* f = type->field(i);
    if (f->is_repeated()) continue;
    if (std::holds_alternative<bool>(value) && f->cpp_type() == FD::CPPTYPE_BOOL) return f;
    if (std::holds_alternative<std::string>(value) && f->cpp_type() == FD::CPPTYPE_STRING) return f;
    if ((std::holds_alternative<std::int64_t>(value) || std::holds_alternative<double>(value)) && is_number(f)) return f;
  }
  return nullptr;
}

// --- the page ------------------------------------------------------------------

void PageModel::receive(std::string_view frame, std::vector<pgwidgets::ClientMessage>& replies) {
  pgwidgets::ServerFrame f;
  if (!f.ParseFromArray(frame.data(), static_cast<int>(frame.size()))) {
    problems_.push_back("the server sent a frame that does not parse");
    return;
  }
  for (const auto& m : f.messages()) {
    switch (m.kind_case()) {
      case pgwidgets::ServerMessage::kCreate: on_create(m.create(), replies); break;
      case pgwidgets::ServerMessage::kCall: on_call(m.call(), replies); break;
      case pgwidgets::ServerMessage::kListen:
        if (Widget* w = find_mut(m.listen().widget_id())) w->listened.insert(m.listen().callback_id());
        break;
      case pgwidgets::ServerMessage::kUnlisten:
        if (Widget* w = find_mut(m.unlisten().widget_id())) w->listened.erase(m.unlisten().callback_id());
        break;
      case pgwidgets::ServerMessage::kError:
        problems_.push_back("the server refused what the page model sent: " + m.error().message());
        break;
      default: break;  // hello, rebuild brackets: nothing to model
    }
  }
}

void PageModel::on_create(const pgwidgets::Create& c, std::vector<pgwidgets::ClientMessage>& replies) {
  const ClassView* cls = SchemaView::get().cls(c.class_id());
  if (cls == nullptr || widgets_.count(c.widget_id()) != 0) {
    pgwidgets::ClientMessage e;
    e.mutable_error()->set_seq(c.seq());
    e.mutable_error()->set_widget_id(c.widget_id());
    e.mutable_error()->set_class_id(c.class_id());
    e.mutable_error()->set_message(cls ? "widget id in use" : "unknown class");
    replies.push_back(std::move(e));
    return;
  }
  Widget& w = widgets_[c.widget_id()];
  w.cls = cls;
  w.ctor = c.args();
  w.collections = detail::initial_states(*cls->info, w.ctor);
  if (c.ack()) replies.emplace_back().mutable_result()->set_seq(c.seq());
}

void PageModel::on_call(const pgwidgets::Call& c, std::vector<pgwidgets::ClientMessage>& replies) {
  const MethodView* m = SchemaView::get().method(c.method_id());
  Widget* w = find_mut(c.widget_id());
  auto fail = [&](std::string why) {
    pgwidgets::ClientMessage e;
    e.mutable_error()->set_seq(c.seq());
    e.mutable_error()->set_widget_id(c.widget_id());
    e.mutable_error()->set_method_id(c.method_id());
    e.mutable_error()->set_message(std::move(why));
    replies.push_back(std::move(e));
  };
  if (m == nullptr) return fail("unknown method");
  if (w == nullptr) return fail("unknown widget " + std::to_string(c.widget_id()));
  if (!is_a(c.widget_id(), *SchemaView::get().cls(m->info->class_id)->info)) {
    return fail(std::string(w->cls->info->name) + " has no method " + std::string(m->info->name));
  }
  std::unique_ptr<pb::Message> request;
  try {
    // A create's call names the widget it made (pgwidgets.widgets.Child).
    const pb::Descriptor* type =
        m->info->kind == MethodKind::create
            ? m->rpc->file()->pool()->FindMessageTypeByName("pgwidgets.widgets.Child")
            : m->rpc->input_type();
    if (type == nullptr) throw std::invalid_argument("no message pgwidgets.widgets.Child");
    request = parse_message(type, c.args());
    apply(c.widget_id(), *w, *m, *request);
  } catch (const std::exception& e) {
    return fail(e.what());
  }
  if (m->info->returns_value) {
    auto& r = *replies.emplace_back().mutable_result();
    r.set_seq(c.seq());
    const Widget* still = find(c.widget_id());
    if (still) r.set_value(answer(c.widget_id(), *still, *m));
  } else if (c.ack()) {
    replies.emplace_back().mutable_result()->set_seq(c.seq());
  }
}

void PageModel::apply(WidgetId id, Widget& w, const MethodView& m, const pb::Message& request) {
  const pb::Reflection* r = request.GetReflection();
  const pb::Descriptor* d = request.GetDescriptor();
  auto destroy_flag = [&] {
    const FD* f = d->FindFieldByName("destroy");
    return f && f->cpp_type() == FD::CPPTYPE_BOOL && r->GetBool(request, f);
  };
  switch (m.info->kind) {
    case MethodKind::setter:
      if (m.info->op == detail::StateOp::line_insert || m.info->op == detail::StateOp::line_delete) {
        apply_line_op(id, w, m, request.SerializeAsString());
        break;
      }
      if (m.info->op != detail::StateOp::none) {
        // The server's rules, applied to what the page got (a rebuild's
        // snapshot calls included; ALL_PARENTS reads the widget's tree).
        detail::ColumnChange column;
        detail::apply_to_states(w.collections, *m.info, request.SerializeAsString(), &column);
        // A CLEAR's plain fields (its collections went above): back to their defaults.
        for (const std::uint32_t other : m.info->also_clears) {
          std::erase_if(w.state, [&](const auto& entry) { return entry.second.setter->info->field == other; });
        }
        if (m.info->op == detail::StateOp::column_insert || m.info->op == detail::StateOp::column_delete) {
          // A plain field naming a column (a sort's) follows it, or goes with it.
          for (auto it = w.state.begin(); it != w.state.end();) {
            const std::uint16_t field = it->second.setter->info->column_field;
            const bool stays = field == 0 || detail::follow_column_record(it->second.args, field, column);
            it = stays ? std::next(it) : w.state.erase(it);
          }
        }
        break;
      }
      if (m.info->append_to != 0) {
        // The page adds to what it shows: the value, as the plain setter's record.
        std::string value;
        if (auto it = w.state.find(m.field); it != w.state.end()) {
          value = detail::string_field(it->second.args, 1).value_or(std::string());
        } else if (m.info->append_init != 0) {
          value = detail::string_field(w.ctor, m.info->append_init).value_or(std::string());
        }
        value += detail::string_field(request.SerializeAsString(), 1).value_or(std::string());
        const MethodView* plain = SchemaView::get().method(m.info->append_to);
        if (plain != nullptr) w.state[m.field] = Record{plain, detail::encode_string_field(1, value)};
        break;
      }
      w.state[m.field] = Record{&m, request.SerializeAsString()};
      break;
    case MethodKind::attach: {
      const WidgetId child = m.child ? widget_ref(request, m.child) : 0;
      if (find(child) == nullptr) throw std::invalid_argument("no widget " + std::to_string(child) + " to attach");
      if (child == id) throw std::invalid_argument("a widget cannot hold itself");
      unlink(child);
      Widget& parent = *find_mut(id);  // unlink may not move it, but be plain about it
      if (m.info->replace) {
        for (WidgetId old : parent.children) widgets_[old].parent = 0;
        parent.children.clear();
      }
      std::size_t at = parent.children.size();
      if (m.index && r->HasField(request, m.index)) {
        const Scalar v = read(request, m.index);
        at = std::min<std::size_t>(at, static_cast<std::size_t>(std::max<double>(0, as_double(v))));
      }
      parent.children.insert(parent.children.begin() + static_cast<std::ptrdiff_t>(at), child);
      widgets_[child].parent = id;
      widgets_[child].attach_method = m.info->id;
      widgets_[child].attach_args = request.SerializeAsString();
      // A grid grows to the cell its child is put in.
      if (const detail::StateInfo* extent = detail::find_extent(*parent.cls->info);
          extent != nullptr && extent->attach_method == m.info->id) {
        std::vector<int> counts = detail::extent_counts(*extent, parent.ctor);
        detail::cover_cell(*extent, counts, widgets_[child].attach_args);
        parent.ctor = detail::with_extent_counts(*extent, std::move(parent.ctor), counts);
      }
      break;
    }
    case MethodKind::create: {
      // The server made the widget just before: the owner adopts it, last.
      const FD* made = d->FindFieldByName("child");
      const WidgetId child = made ? widget_ref(request, made) : 0;
      if (find(child) == nullptr) throw std::invalid_argument("no widget " + std::to_string(child) + " to adopt");
      if (child == id) throw std::invalid_argument("a widget cannot hold itself");
      unlink(child);
      find_mut(id)->children.push_back(child);
      widgets_[child].parent = id;
      break;
    }
    case MethodKind::detach: {
      const WidgetId child = m.child ? widget_ref(request, m.child) : 0;
      const Widget* c = find(child);
      if (c == nullptr || c->parent != id) throw std::invalid_argument("widget " + std::to_string(child) + " is not a child");
      if (destroy_flag()) destroy(child);
      else unlink(child);
      break;
    }
    case MethodKind::detach_all: {
      const bool destroying = destroy_flag();
      for (WidgetId child : std::vector<WidgetId>(w.children)) {
        if (destroying) destroy(child);
        else unlink(child);
      }
      break;
    }
    case MethodKind::destroy:
      destroy(id);
      break;
    case MethodKind::action:
      // An action standing for setter calls (set_colors): the page makes them.
      for (const detail::CallPart& part : m.info->calls) {
        const MethodView* setter = SchemaView::get().method(part.method);
        const pb::Message* holder = &request;
        if (setter == nullptr) continue;
        if (part.outer != 0) {
          const FD* outer = d->FindFieldByNumber(part.outer);
          if (outer == nullptr || outer->cpp_type() != FD::CPPTYPE_MESSAGE) continue;
          holder = &r->GetMessage(request, outer);
        }
        const pb::Reflection* hr = holder->GetReflection();
        const FD* f = holder->GetDescriptor()->FindFieldByNumber(part.field);
        if (f == nullptr) continue;
        const auto call = [&](const std::string& args) {
          apply(id, w, *setter, *parse_message(setter->rpc->input_type(), args));
        };
        if (f->cpp_type() == FD::CPPTYPE_BOOL) {
          if (hr->GetBool(*holder, f)) call("");
        } else if (f->is_repeated()) {
          for (int i = 0; i < hr->FieldSize(*holder, f); ++i) call(hr->GetRepeatedMessage(*holder, f, i).SerializeAsString());
        } else if (hr->HasField(*holder, f)) {
          call(hr->GetMessage(*holder, f).SerializeAsString());
        }
      }
      break;
    default:
      break;
  }
}

void PageModel::apply_line_op(WidgetId id, Widget& w, const MethodView& m, const std::string& args) {
  const detail::StateInfo* extent = detail::find_extent(*w.cls->info);
  if (extent == nullptr) throw std::invalid_argument(std::string(w.cls->info->name) + " has no extent");
  std::vector<detail::CellChild> cells;
  for (WidgetId k : w.children) {
    const Widget* c = find(k);
    if (c != nullptr && c->attach_method == extent->attach_method) cells.push_back({k, c->attach_args});
  }
  detail::LinePlan plan = detail::plan_line_op(*extent, *m.info, args, detail::extent_counts(*extent, w.ctor), cells);
  for (const auto& [child, placed] : plan.placed) {
    if (find(child) == nullptr) throw std::invalid_argument("no widget " + std::to_string(child) + " to attach");
    if (child == id) throw std::invalid_argument("a widget cannot hold itself");
  }
  for (auto& [child, moved] : plan.moved) widgets_[child].attach_args = std::move(moved);
  for (WidgetId child : plan.removed) unlink(child);
  w.ctor = detail::with_extent_counts(*extent, std::move(w.ctor), plan.counts);
  for (auto& [child, placed] : plan.placed) {
    unlink(child);
    Widget& grid = *find_mut(id);
    grid.children.push_back(child);
    widgets_[child].parent = id;
    widgets_[child].attach_method = extent->attach_method;
    widgets_[child].attach_args = std::move(placed);
  }
}

std::string PageModel::answer(WidgetId id, const Widget& w, const MethodView& m) const {
  auto given = answers_.find({id, std::string(m.info->name)});
  if (given != answers_.end()) return given->second;
  auto response = parse_message(m.rpc->output_type());
  const pb::Reflection* r = response->GetReflection();
  const pb::Descriptor* d = response->GetDescriptor();
  for (int i = 0; i < d->field_count(); ++i) {
    const FD* f = d->field(i);
    if (m.info->kind == MethodKind::children && f->is_repeated() && is_number(f)) {
      for (WidgetId c : w.children) r->AddUInt32(response.get(), f, c);
    } else if (m.info->kind == MethodKind::child_count && is_number(f)) {
      set_field(*response, f, std::int64_t(w.children.size()));
    } else if (has_field(id, f->name())) {
      set_field(*response, f, value(id, f->name()));
    } else {
      Scalar def = schema_default(f);
      if (!std::holds_alternative<std::monostate>(def)) set_field(*response, f, def);
    }
  }
  return response->SerializeAsString();
}

void PageModel::unlink(WidgetId child) {
  Widget* c = find_mut(child);
  if (c == nullptr || c->parent == 0) return;
  if (Widget* p = find_mut(c->parent)) {
    std::erase(p->children, child);
    for (detail::StateValue& v : p->collections) {
      if (v.info->per_child) detail::erase_subtree(v, {std::to_string(child)});
    }
  }
  c->parent = 0;
  c->attach_method = 0;
  c->attach_args.clear();
}

const detail::StateValue* PageModel::collection(WidgetId id, std::string_view field) const {
  const Widget* w = find(id);
  if (w == nullptr) return nullptr;
  for (const detail::StateValue& v : w->collections) {
    // The state's name is its snapshot setter's field.
    const MethodView* snapshot = SchemaView::get().method(v.info->snapshot_method);
    if (snapshot != nullptr && snapshot->field == field) return &v;
  }
  return nullptr;
}

void PageModel::destroy(WidgetId id) {
  unlink(id);
  std::vector<WidgetId> todo{id};
  while (!todo.empty()) {
    const WidgetId next = todo.back();
    todo.pop_back();
    auto it = widgets_.find(next);
    if (it == widgets_.end()) continue;
    todo.insert(todo.end(), it->second.children.begin(), it->second.children.end());
    widgets_.erase(it);
  }
}

PageModel::Widget* PageModel::find_mut(WidgetId id) {
  auto it = widgets_.find(id);
  return it == widgets_.end() ? nullptr : &it->second;
}

const PageModel::Widget* PageModel::find(WidgetId id) const {
  auto it = widgets_.find(id);
  return it == widgets_.end() ? nullptr : &it->second;
}

std::vector<WidgetId> PageModel::ids() const {
  std::vector<WidgetId> out;
  out.reserve(widgets_.size());
  for (const auto& [id, w] : widgets_) out.push_back(id);
  return out;
}

bool PageModel::is_a(WidgetId id, const ClassInfo& cls) const {
  const Widget* w = find(id);
  if (w == nullptr) return false;
  for (const ClassView* c : SchemaView::get().chain(*w->cls->info)) {
    if (c->info->id == cls.id) return true;
  }
  return false;
}

bool PageModel::has_field(WidgetId id, std::string_view field) const {
  const Widget* w = find(id);
  if (w == nullptr) return false;
  if (w->state.count(field) != 0) return true;
  if (w->cls->constructor && w->cls->constructor->FindFieldByName(std::string(field))) return true;
  if (SchemaView::get().setter_of(*w->cls->info, field)) return true;
  // show()/hide() are setters without a value message: the page knows its own visibility.
  return field == "visible";
}

Scalar PageModel::value(WidgetId id, std::string_view field) const {
  const Widget* w = find(id);
  if (w == nullptr) return {};
  // 1. The last setter, or the user's change.
  if (auto it = w->state.find(field); it != w->state.end()) {
    const Record& rec = it->second;
    if (rec.setter->value) return *rec.setter->value;
    return first_field(*parse_message(rec.setter->rpc->input_type(), rec.args));
  }
  // 2. The constructor argument of that name, given or defaulted.
  if (const pb::Descriptor* ctor = w->cls->constructor) {
    if (const FD* f = ctor->FindFieldByName(std::string(field))) {
      auto args = parse_message(ctor, w->ctor);
      if (args->GetReflection()->HasField(*args, f)) return read(*args, f);
      if (!std::holds_alternative<std::monostate>(schema_default(f))) return schema_default(f);
    }
  }
  // 3. The setter's default.
  if (const MethodView* setter = SchemaView::get().setter_of(*w->cls->info, field)) {
    const pb::Descriptor* in = setter->rpc->input_type();
    if (in->field_count() > 0) return initial(in, in->field(0));
  }
  // Windows appear on show(); everything else shows with its window.
  if (field == "visible") return !w->cls->info->window;
  return {};
}

void PageModel::set_state(WidgetId id, const std::string& field, const MethodView* setter, std::string args) {
  Widget* w = find_mut(id);
  if (w == nullptr || setter == nullptr) return;
  if (setter->info->op != detail::StateOp::none) {
    // A collection the user changed: the page's list as the server's rules make it.
    detail::apply_to_states(w->collections, *setter->info, args);
    return;
  }
  w->state[field] = Record{setter, std::move(args)};
}

std::string PageModel::text(WidgetId id) const {
  // The words the schema uses for what a widget shows as its text.
  for (std::string_view field : {"text", "title", "message"}) {
    if (!has_field(id, field)) continue;
    const Scalar v = value(id, field);
    if (auto* s = std::get_if<std::string>(&v)) return *s;
  }
  return {};
}

std::string PageModel::name(WidgetId id) const {
  if (!has_field(id, "name")) return {};
  const Scalar v = value(id, "name");
  auto* s = std::get_if<std::string>(&v);
  return s != nullptr ? *s : std::string{};
}

bool PageModel::visible(WidgetId id) const {
  const Widget* w = find(id);
  while (w != nullptr) {
    const Scalar v = value(id, "visible");
    if (auto* b = std::get_if<bool>(&v); b && !*b) return false;
    if (w->parent == 0) return w->cls->info->window;  // outside any window: not on screen
    id = w->parent;
    w = find(id);
  }
  return false;
}

bool PageModel::enabled(WidgetId id) const {
  for (const Widget* w = find(id); w != nullptr; w = find(id = w->parent)) {
    const Scalar v = value(id, "enabled");
    if (auto* b = std::get_if<bool>(&v); b && !*b) return false;
  }
  return true;
}

std::string PageModel::path(WidgetId id) const {
  std::vector<std::string> parts;
  for (const Widget* w = find(id); w != nullptr; w = find(id = w->parent)) {
    std::string part(w->cls->info->name);
    if (const std::string n = name(id); !n.empty()) part += " #" + n;
    const std::string t = text(id);
    if (!t.empty()) part += " \"" + t + "\"";
    parts.push_back(std::move(part));
  }
  std::string out;
  for (auto it = parts.rbegin(); it != parts.rend(); ++it) {
    if (!out.empty()) out += " > ";
    out += *it;
  }
  return out.empty() ? "widget " + std::to_string(id) + " (not in the page)" : out;
}

}  // namespace pgw::testing::model
