#include "pgwidgets/testing.hpp"

#include <boost/asio/io_context.hpp>

#include "async_lock.hpp"
#include "manual_clock.hpp"
#include "page_model.hpp"
#include "pgwidgets/errors.hpp"
#include "pgwidgets/logger.hpp"
#include "pgwidgets/schema_info.hpp"
#include "session_access.hpp"
#include "session_core.hpp"

namespace pgw::testing {

using model::PageModel;
using model::Scalar;
using model::SchemaView;
using model::UserAction;
using pgw::detail::WidgetHandle;

namespace {

std::string what_of(std::exception_ptr e) {
  try {
    std::rethrow_exception(e);
  } catch (const std::exception& x) {
    return x.what();
  } catch (...) {
    return "an exception that is not a std::exception";
  }
}

std::string_view action_name(UserAction a) {
  switch (a) {
    case pgwidgets::Callback::CLICK: return "click";
    case pgwidgets::Callback::ENTER: return "press_enter";
    case pgwidgets::Callback::EDIT: return "type";
    case pgwidgets::Callback::SELECT: return "select";
    case pgwidgets::Callback::SET_VALUE: return "set_value";
    case pgwidgets::Callback::CLOSE: return "close";
    case pgwidgets::Callback::PRESS: return "press";
    default: return "act";
  }
}

namespace pb = google::protobuf;

// The record a callback's message carries: the message, or its one
// message field (KeyEventArg's `event`).
pb::Message& record_of(pb::Message& m) {
  const pb::Descriptor* d = m.GetDescriptor();
  if (d->field_count() == 1 && !d->field(0)->is_repeated() &&
      d->field(0)->cpp_type() == pb::FieldDescriptor::CPPTYPE_MESSAGE) {
    return *m.GetReflection()->MutableMessage(&m, d->field(0));
  }
  return m;
}

// Sets `m`'s field `name`, when it has one that takes `value`.
void put(pb::Message& m, const std::string& name, const model::Scalar& value) {
  if (const auto* f = m.GetDescriptor()->FindFieldByName(name)) model::set_field(m, f, value);
}

void put_modifiers(pb::Message& m, const pgw::Modifiers& mods) {
  const auto* f = m.GetDescriptor()->FindFieldByName("modifiers");
  if (f == nullptr || f->is_repeated() || f->cpp_type() != pb::FieldDescriptor::CPPTYPE_MESSAGE) return;
  pb::Message& sub = *m.GetReflection()->MutableMessage(&m, f);
  put(sub, "alt", mods.alt);
  put(sub, "ctrl", mods.ctrl);
  put(sub, "shift", mods.shift);
  put(sub, "meta", mods.meta);
}

// Whether pressing `key` types a character (a browser's keypress): one
// character (one UTF-8 code point), or Enter.
bool types_character(std::string_view key) {
  if (key == "Enter") return true;
  if (key.empty()) return false;
  std::size_t points = 0;
  for (unsigned char c : key) points += (c & 0xC0) != 0x80;
  return points == 1;
}

// The physical key a browser reports for `key` on a US layout, as far as
// it can be told: letters, digits and the space bar; else the key itself.
std::string keycode_of(std::string_view key) {
  if (key.size() == 1) {
    const char c = key[0];
    if (c >= 'a' && c <= 'z') return std::string("Key") + static_cast<char>(c - 'a' + 'A');
    if (c >= 'A' && c <= 'Z') return std::string("Key") + c;
    if (c >= '0' && c <= '9') return std::string("Digit") + c;
    if (c == ' ') return "Space";
  }
  return std::string(key);
}

}  // namespace

struct TestSession::Impl {
  static constexpr pgw::detail::BrowserId browser = 1;

  boost::asio::io_context io;
  std::shared_ptr<pgw::detail::ManualClock> clock = std::make_shared<pgw::detail::ManualClock>();
  std::shared_ptr<pgw::detail::SessionCore> core;
  std::shared_ptr<Session> session;
  PageModel page;
  std::vector<std::string> inbox;      // frames the server sent the page
  std::vector<std::string> failures;   // handler errors, refused calls, ...
  Logger log = stderr_logger(LogLevel::warning);

  // Runs the session and the page until neither has anything left to do.
  void settle() {
    for (;;) {
      io.restart();
      std::size_t ran = io.poll();
      while (!inbox.empty()) {
        auto frames = std::exchange(inbox, {});
        for (const auto& f : frames) {
          std::vector<pgwidgets::ClientMessage> replies;
          page.receive(f, replies);
          if (replies.empty()) continue;
          pgwidgets::ClientFrame out;
          for (auto& r : replies) *out.add_messages() = std::move(r);
          core->receive(browser, out.SerializeAsString());
          ++ran;
        }
      }
      for (auto& p : page.take_problems()) failures.push_back(std::move(p));
      if (ran == 0) break;
    }
  }

  // Throws what went wrong since the last check, all of it.
  void check(std::string_view context) {
    if (failures.empty()) return;
    std::string text = "pgw::testing: " + std::string(context) + ": ";
    for (std::size_t i = 0; i < failures.size(); ++i) text += (i ? "; " : "") + failures[i];
    failures.clear();
    throw Failure(text);
  }

  WidgetId live(const WidgetHandle& w, std::string_view action) const {
    if (!w) throw Failure("pgw::testing: " + std::string(action) + ": an empty widget handle");
    if (!(w == WidgetHandle(core, w.id()))) {
      throw Failure("pgw::testing: " + std::string(action) + ": the widget belongs to another session");
    }
    if (page.find(w.id()) == nullptr) {
      throw Failure("pgw::testing: " + std::string(action) + ": widget " + std::to_string(w.id()) +
                    " is not in the page (never created, or destroyed)");
    }
    return w.id();
  }

  // A widget a person could act on: in the page, shown and enabled.
  WidgetId reachable(const WidgetHandle& w, std::string_view action) const {
    const WidgetId id = live(w, action);
    if (!page.visible(id)) throw Failure("pgw::testing: " + std::string(action) + ": " + page.path(id) + " is not shown");
    if (!page.enabled(id)) throw Failure("pgw::testing: " + std::string(action) + ": " + page.path(id) + " is disabled");
    return id;
  }

  const model::CallbackView& callback(WidgetId id, UserAction action, std::string_view verb) const {
    const auto* cb = SchemaView::get().callback_for(*page.find(id)->cls->info, action);
    if (cb == nullptr) {
      throw Failure("pgw::testing: " + std::string(verb) + ": " + page.path(id) + " has no callback the schema marks `user: " +
                    pgwidgets::Callback::UserAction_Name(action) + "`");
    }
    return *cb;
  }

  // The callback's message with its first field of `value`'s kind set
  // (none for a message without fields).
  std::string message(WidgetId id, const model::CallbackView& cb, const Scalar& value, std::string_view verb) const {
    auto m = model::parse_message(cb.rpc->output_type());
    if (!std::holds_alternative<std::monostate>(value)) {
      const auto* field = model::first_field_taking(cb.rpc->output_type(), value);
      if (field == nullptr || !model::set_field(*m, field, value)) {
        throw Failure("pgw::testing: " + std::string(verb) + ": " + page.path(id) + ": callback " +
                      std::string(cb.info->name) + "'s message " + cb.rpc->output_type()->name() +
                      " has no field for that value");
      }
    }
    return m->SerializeAsString();
  }

  // What the page does when the user fires `cb`: it records the state the
  // callback reports, then sends it if it is state or listened to.
  void fire(WidgetId id, const model::CallbackView& cb, std::string args, std::string_view verb) {
    if (!cb.updates.empty()) page.set_state(id, cb.updates, SchemaView::get().method(cb.info->updates_method), args);
    const bool sent = cb.info->updates_field != 0 || page.find(id)->listened.count(cb.info->id) != 0;
    if (sent) {
      pgwidgets::ClientFrame out;
      auto* c = out.add_messages()->mutable_callback();
      c->set_widget_id(id);
      c->set_callback_id(cb.info->id);
      c->set_args(std::move(args));
      core->receive(browser, out.SerializeAsString());
    }
    settle();
    check(std::string(verb) + " " + page.path(id));
  }

  // The plain value actions: the callback marked with `action` gets `value`.
  void act(const WidgetHandle& w, UserAction action, const Scalar& value) {
    const std::string_view verb = action_name(action);
    check("before " + std::string(verb));
    const WidgetId id = reachable(w, verb);
    const auto& cb = callback(id, action, verb);
    std::string args = message(id, cb, value, verb);
    if (action == pgwidgets::Callback::SELECT) args = with_item_text(id, cb, std::get<std::int64_t>(value), args);
    fire(id, cb, std::move(args), verb);
  }

  // The buttons held down (bit 0x1 left, 0x2 middle, 0x4 right), and where
  // the left button went down (a release over the same widget clicks it).
  int buttons = 0;
  WidgetId left_down_on = 0;

  double now_ms() const {
    return std::chrono::duration<double, std::milli>(clock->now().time_since_epoch()).count();
  }

  // The callback step `step` of `action` fires on `id`, if the class has
  // one; a trait's (an interactive label's) only on a widget created with
  // its option. Throws Failure when the class has none of `action`'s, or
  // has them but the widget was created without the option.
  const model::CallbackView* stepped(WidgetId id, UserAction action, model::UserStep step,
                                     std::string_view verb) const {
    const auto* cls = page.find(id)->cls->info;
    const auto& schema = SchemaView::get();
    bool any = false;
    for (auto st : {pgwidgets::Callback::DOWN, pgwidgets::Callback::CHARACTER, pgwidgets::Callback::MOVE,
                    pgwidgets::Callback::UP}) {
      any = any || schema.callback_for(*cls, action, st) != nullptr;
    }
    if (!any) {
      throw Failure("pgw::testing: " + std::string(verb) + ": " + page.path(id) +
                    " has no callback the schema marks `user: " + pgwidgets::Callback::UserAction_Name(action) + "`");
    }
    const auto* cb = schema.callback_for(*cls, action, step);
    if (cb != nullptr && !cb->needs.empty()) {
      const Scalar on = page.value(id, cb->needs);
      if (const bool* b = std::get_if<bool>(&on); b == nullptr || !*b) {
        throw Failure("pgw::testing: " + std::string(verb) + ": " + page.path(id) + " was created without `" +
                      cb->needs + "`, so the page reports no " +
                      (action == pgwidgets::Callback::KEY ? "keys" : "pointer events"));
      }
    }
    return cb;
  }

  // The record of a key event for `cb`.
  std::string key_message(const model::CallbackView& cb, std::string_view key, const pgw::Modifiers& mods) const {
    auto m = model::parse_message(cb.rpc->output_type());
    pb::Message& r = record_of(*m);
    put(r, "key", std::string(key));
    put(r, "keycode", keycode_of(key));
    put(r, "repeat", false);
    put_modifiers(r, mods);
    put(r, "time_stamp", now_ms());
    return m->SerializeAsString();
  }

  // The record of a pointer event for `cb`: `trigger` the button that
  // caused it (0: none, a move), the buttons held after it.
  std::string pointer_message(const model::CallbackView& cb, double x, double y, int trigger,
                              const pgw::Modifiers& mods, bool is_click) const {
    auto m = model::parse_message(cb.rpc->output_type());
    pb::Message& r = record_of(*m);
    put(r, "x", x);
    put(r, "y", y);
    // The model lays nothing out: the widget is at the viewport's corner.
    put(r, "viewport_x", x);
    put(r, "viewport_y", y);
    put(r, "button_trigger", std::int64_t{trigger});
    put(r, "button_mask", std::int64_t{buttons});
    put_modifiers(r, mods);
    if (!is_click) {
      put(r, "pointer_id", std::int64_t{1});
      put(r, "pointer_type", std::string("mouse"));
      put(r, "pressure", buttons != 0 ? 0.5 : 0.0);
      put(r, "is_primary", true);
    }
    put(r, "time_stamp", now_ms());
    return m->SerializeAsString();
  }

  static int button_bit(int button, std::string_view verb) {
    if (button < 1 || button > 3) {
      throw Failure("pgw::testing: " + std::string(verb) + ": button " + std::to_string(button) +
                    " is not 1 (left), 2 (middle) or 3 (right)");
    }
    return 1 << (button - 1);
  }

  // One pointer step on `w`: checks, updates the buttons held, fires.
  void pointer(const WidgetHandle& w, model::UserStep step, double x, double y, int button,
               const pgw::Modifiers& mods, std::string_view verb) {
    check("before " + std::string(verb));
    const WidgetId id = reachable(w, verb);
    const auto* cb = stepped(id, pgwidgets::Callback::POINTER, step, verb);
    const int bit = step == pgwidgets::Callback::MOVE ? 0 : button_bit(button, verb);
    if (step == pgwidgets::Callback::DOWN) {
      if (buttons & bit) throw Failure("pgw::testing: " + std::string(verb) + ": button " + std::to_string(button) + " is already down");
      buttons |= bit;
      if (button == 1) left_down_on = id;
    } else if (step == pgwidgets::Callback::UP) {
      if (!(buttons & bit)) throw Failure("pgw::testing: " + std::string(verb) + ": button " + std::to_string(button) + " is not down");
      buttons &= ~bit;
    }
    const int trigger = step == pgwidgets::Callback::MOVE ? 0 : button;
    if (cb != nullptr) fire(id, *cb, pointer_message(*cb, x, y, trigger, mods, false), verb);
    // A left button released over the widget it went down on clicks it.
    if (step == pgwidgets::Callback::UP && button == 1) {
      const bool clicks = left_down_on == id;
      left_down_on = 0;
      const auto* click = clicks ? SchemaView::get().callback_for(*page.find(id)->cls->info, pgwidgets::Callback::CLICK) : nullptr;
      if (click != nullptr) fire(id, *click, pointer_message(*click, x, y, 1, mods, true), verb);
    }
  }

  // A choice from a list the page holds (a combo box's items, kept by the
  // server's own list rules): the index must name an item, and the
  // message's `text` gets the item's text.
  std::string with_item_text(WidgetId id, const model::CallbackView& cb, std::int64_t index, std::string args) const {
    const auto* w = page.find(id);
    for (const auto& v : w->collections) {
      if (v.info->kind != pgw::detail::StateKind::list) continue;
      if (index >= static_cast<std::int64_t>(v.list.size())) {
        throw Failure("pgw::testing: select: " + page.path(id) + " holds " + std::to_string(v.list.size()) +
                      " items, so there is no item " + std::to_string(index));
      }
      auto item = model::parse_message(SchemaView::get().method(v.info->snapshot_method)->rpc->input_type(),
                                       v.list[static_cast<std::size_t>(index)]);
      auto m = model::parse_message(cb.rpc->output_type(), args);
      const auto* text = m->GetDescriptor()->FindFieldByName("text");
      if (text != nullptr) model::set_field(*m, text, model::first_field(*item));
      return m->SerializeAsString();
    }
    return args;
  }
};

TestSession::TestSession(OnConnect on_connect, TestOptions options) : impl_(std::make_unique<Impl>()) {
  Impl& s = *impl_;
  pgw::detail::SessionConfig config{"test", "token",
                                    [&s](LogLevel level, std::string_view m) {
                                      if (s.log) s.log(level, m);
                                    },
                                    options.strict_calls,
                                    std::make_shared<pgw::detail::AsyncLock>(s.io.get_executor()),
                                    ""};
  config.clock = s.clock;
  s.core = std::make_shared<pgw::detail::SessionCore>(s.io.get_executor(), std::move(config));
  s.session = pgw::detail::SessionAccess::make(s.core);
  // Handler errors fail the test at the next step, with what they said.
  s.core->set_error_handler([&s](std::exception_ptr e) { s.failures.push_back(what_of(e)); });
  s.core->attach(Impl::browser,
                 pgw::detail::Sink{[&s](std::string frame) { s.inbox.push_back(std::move(frame)); },
                                   [&s](int code, std::string reason) {
                                     if (code != 1000) s.failures.push_back("the server closed the page: " + reason);
                                   }},
                 pgwidgets::PROTOCOL_VERSION_CURRENT, pgw::detail::schema_fingerprint, options.viewport_width,
                 options.viewport_height, false);
  SchemaView::get();  // a package without descriptors fails here, before any widget
  auto session = s.session;
  s.core->spawn_handler([on_connect = std::move(on_connect), session]() { return on_connect(*session); },
                        "on_connect handler");
  s.settle();
  s.check("on_connect");
}

TestSession::~TestSession() {
  Impl& s = *impl_;
  // Ends the session as an Application does when its browser leaves:
  // handlers holding widgets hold the session, which would outlive us.
  s.failures.clear();
  s.core->set_error_handler([](std::exception_ptr) {});
  s.core->end(1000, "the test is over");
  s.io.restart();
  s.io.poll();
}

Session& TestSession::session() { return *impl_->session; }

pgw::detail::LinkPtr TestSession::link() const { return impl_->core; }

std::vector<WidgetId> TestSession::find_ids(const pgw::detail::ClassInfo& cls) const {
  std::vector<WidgetId> out;
  for (WidgetId id : impl_->page.ids()) {
    if (impl_->page.is_a(id, cls)) out.push_back(id);
  }
  return out;
}

WidgetId TestSession::find_id(const pgw::detail::ClassInfo& cls, std::string_view text) const {
  const PageModel& page = impl_->page;
  std::vector<WidgetId> all = find_ids(cls);
  // A name the program gave is a stable handle: it wins over shown text.
  std::vector<WidgetId> hits;
  for (WidgetId id : all) {
    if (page.name(id) == text && !text.empty()) hits.push_back(id);
  }
  if (hits.empty()) {
    for (WidgetId id : all) {
      if (page.text(id) == text) hits.push_back(id);
    }
  }
  if (hits.size() == 1) return hits.front();
  std::string what = "pgw::testing: find<" + std::string(cls.name) + ">(\"" + std::string(text) + "\"): ";
  if (hits.empty()) {
    what += "no such widget; the page's " + std::string(cls.name) + " widgets are: ";
    if (all.empty()) what += "none";
    for (std::size_t i = 0; i < all.size(); ++i) what += (i ? ", " : "") + page.path(all[i]);
  } else {
    what += std::to_string(hits.size()) + " widgets match: ";
    for (std::size_t i = 0; i < hits.size(); ++i) what += (i ? ", " : "") + page.path(hits[i]);
  }
  throw Failure(what);
}

void TestSession::click(const WidgetHandle& w) {
  Impl& s = *impl_;
  s.check("before click");
  const WidgetId id = s.reachable(w, "click");
  const auto& cb = s.callback(id, pgwidgets::Callback::CLICK, "click");
  // A trait's click (an interactive label's) is reported only by a widget
  // created with the trait's option; the page would send nothing.
  if (!cb.needs.empty()) {
    const Scalar on = s.page.value(id, cb.needs);
    if (const bool* b = std::get_if<bool>(&on); b == nullptr || !*b) {
      throw Failure("pgw::testing: click: " + s.page.path(id) + " was created without `" + cb.needs +
                    "`, so the page reports no click");
    }
  }
  Scalar value;
  // A state the click flips: a check box toggles; in a group whose state
  // is exclusive, the clicked member is set (the server clears the rest).
  if (!cb.updates.empty()) {
    const Scalar now = s.page.value(id, cb.updates);
    if (auto* b = std::get_if<bool>(&now)) {
      const bool exclusive = s.page.find(id)->cls->info->exclusive_field == cb.info->updates_field;
      value = exclusive ? true : !*b;
    }
  }
  // A state argument only a widget made with an option carries (a
  // checkable MenuAction's `checked`): without it the page sends false.
  if (const pb::Descriptor* msg = cb.rpc->output_type(); msg->field_count() > 0) {
    const std::string& option = msg->field(0)->options().GetExtension(pgwidgets::arg).with_option();
    if (!option.empty()) {
      const Scalar on = s.page.value(id, option);
      if (const bool* b = std::get_if<bool>(&on); b == nullptr || !*b) value = false;
    }
  }
  s.fire(id, cb, s.message(id, cb, value, "click"), "click");
}

void TestSession::type(const WidgetHandle& w, std::string_view text) {
  Impl& s = *impl_;
  s.check("before type");
  const WidgetId id = s.reachable(w, "type");
  const auto* cls = s.page.find(id)->cls->info;
  const auto* edit = SchemaView::get().callback_for(*cls, pgwidgets::Callback::EDIT);
  const auto* enter = SchemaView::get().callback_for(*cls, pgwidgets::Callback::ENTER);
  const auto* cb = edit ? edit : enter;
  if (cb == nullptr || cb->updates.empty()) {
    throw Failure("pgw::testing: type: " + s.page.path(id) +
                  " takes no typing (no callback the schema marks `user: EDIT` or `user: ENTER` with the field it updates)");
  }
  const Scalar editable = s.page.value(id, "editable");
  if (auto* b = std::get_if<bool>(&editable); b && !*b) {
    throw Failure("pgw::testing: type: " + s.page.path(id) + " is not editable");
  }
  const std::string args = s.message(id, *cb, std::string(text), "type");
  if (edit) {
    s.fire(id, *edit, args, "type");
  } else {
    // An entry keeps what is typed until Enter reports it.
    s.page.set_state(id, cb->updates, SchemaView::get().method(cb->info->updates_method), args);
  }
}

void TestSession::press_enter(const WidgetHandle& w) {
  Impl& s = *impl_;
  s.check("before press_enter");
  const WidgetId id = s.reachable(w, "press_enter");
  const auto& cb = s.callback(id, pgwidgets::Callback::ENTER, "press_enter");
  const Scalar text = cb.updates.empty() ? Scalar{} : s.page.value(id, cb.updates);
  s.fire(id, cb, s.message(id, cb, text, "press_enter"), "press_enter");
}

void TestSession::select(const WidgetHandle& w, int index) {
  if (index < 0) throw Failure("pgw::testing: select: index " + std::to_string(index) + " is negative");
  impl_->act(w, pgwidgets::Callback::SELECT, std::int64_t{index});
}

void TestSession::set_value(const WidgetHandle& w, double value) {
  impl_->act(w, pgwidgets::Callback::SET_VALUE, value);
}

void TestSession::close(const WidgetHandle& w) { impl_->act(w, pgwidgets::Callback::CLOSE, Scalar{}); }

void TestSession::press(const WidgetHandle& w, std::optional<std::string> value) {
  Impl& s = *impl_;
  s.check("before press");
  const WidgetId id = s.reachable(w, "press");
  const auto& cb = s.callback(id, pgwidgets::Callback::PRESS, "press");
  Scalar v;
  if (value) {
    v = *value;
  } else if (s.page.has_field(id, "color")) {
    v = s.page.value(id, "color");
  } else {
    throw Failure("pgw::testing: press: " + s.page.path(id) + ": which button? give the value it reports");
  }
  const auto* cls = s.page.find(id)->cls;
  // The page hides a dialog after the press when it autocloses: with the
  // option set, or always for a class without it that reports autoclosed.
  const model::CallbackView* autoclosed = nullptr;
  for (const auto* c : SchemaView::get().chain(*cls->info)) {
    for (const auto* k : c->callbacks) {
      if (k->info->name == "autoclosed") autoclosed = k;
    }
  }
  bool closes = autoclosed != nullptr;
  if (closes && s.page.has_field(id, "autoclose")) {
    const Scalar on = s.page.value(id, "autoclose");
    const bool* b = std::get_if<bool>(&on);
    closes = b != nullptr && *b;
  }
  s.fire(id, cb, s.message(id, cb, v, "press"), "press");
  if (closes && s.page.find(id) != nullptr) s.fire(id, *autoclosed, std::string(), "press");
}

void TestSession::press_key(const WidgetHandle& w, std::string_view key, pgw::Modifiers modifiers) {
  Impl& s = *impl_;
  s.check("before press_key");
  if (key.empty()) throw Failure("pgw::testing: press_key: an empty key");
  const WidgetId id = s.reachable(w, "press_key");
  const auto* down = s.stepped(id, pgwidgets::Callback::KEY, pgwidgets::Callback::DOWN, "press_key");
  const auto* typed = s.stepped(id, pgwidgets::Callback::KEY, pgwidgets::Callback::CHARACTER, "press_key");
  const auto* up = s.stepped(id, pgwidgets::Callback::KEY, pgwidgets::Callback::UP, "press_key");
  if (down != nullptr) s.fire(id, *down, s.key_message(*down, key, modifiers), "press_key");
  if (typed != nullptr && types_character(key)) s.fire(id, *typed, s.key_message(*typed, key, modifiers), "press_key");
  if (up != nullptr) s.fire(id, *up, s.key_message(*up, key, modifiers), "press_key");
}

void TestSession::pointer_down(const WidgetHandle& w, double x, double y, int button, pgw::Modifiers modifiers) {
  impl_->pointer(w, pgwidgets::Callback::DOWN, x, y, button, modifiers, "pointer_down");
}

void TestSession::pointer_move(const WidgetHandle& w, double x, double y, pgw::Modifiers modifiers) {
  impl_->pointer(w, pgwidgets::Callback::MOVE, x, y, 0, modifiers, "pointer_move");
}

void TestSession::pointer_up(const WidgetHandle& w, double x, double y, int button, pgw::Modifiers modifiers) {
  impl_->pointer(w, pgwidgets::Callback::UP, x, y, button, modifiers, "pointer_up");
}

void TestSession::drag(const WidgetHandle& w, double x0, double y0, double x1, double y1, int steps, int button,
                       pgw::Modifiers modifiers) {
  if (steps < 1) throw Failure("pgw::testing: drag: steps " + std::to_string(steps) + " is not at least 1");
  pointer_down(w, x0, y0, button, modifiers);
  for (int i = 1; i <= steps; ++i) {
    const double f = static_cast<double>(i) / steps;
    pointer_move(w, x0 + (x1 - x0) * f, y0 + (y1 - y0) * f, modifiers);
  }
  pointer_up(w, x1, y1, button, modifiers);
}

std::string TestSession::text_of(const WidgetHandle& w) const { return impl_->page.text(impl_->live(w, "text_of")); }

bool TestSession::is_visible(const WidgetHandle& w) const { return impl_->page.visible(impl_->live(w, "is_visible")); }

bool TestSession::is_enabled(const WidgetHandle& w) const { return impl_->page.enabled(impl_->live(w, "is_enabled")); }

std::string TestSession::path_of(const WidgetHandle& w) const { return impl_->page.path(impl_->live(w, "path_of")); }

void TestSession::answer(const WidgetHandle& w, std::string_view method, std::string response_bytes) {
  const WidgetId id = impl_->live(w, "answer");
  const auto* cls = impl_->page.find(id)->cls->info;
  const auto* m = SchemaView::get().method_named(*cls, method);
  if (m == nullptr || !m->info->returns_value) {
    throw Failure("pgw::testing: answer: " + impl_->page.path(id) + " has no method " + std::string(method) +
                  " that the page answers");
  }
  impl_->page.set_answer(id, std::string(method), std::move(response_bytes));
}

void TestSession::advance(Duration d) {
  Impl& s = *impl_;
  if (d < Duration::zero()) throw Failure("pgw::testing: advance: a negative duration");
  s.check("before advance");
  const auto until = s.clock->now() + d;
  while (s.clock->step(until)) {
    s.settle();
    s.check("a timer's handler");
  }
  s.settle();
  s.check("advance");
}

void TestSession::run() {
  impl_->settle();
  impl_->check("run");
}

}  // namespace pgw::testing
