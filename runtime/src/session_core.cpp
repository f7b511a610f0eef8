#include "session_core.hpp"

#include <boost/asio/as_tuple.hpp>
#include <boost/asio/co_spawn.hpp>
#include <boost/asio/detached.hpp>
#include <boost/asio/post.hpp>
#include <boost/asio/use_awaitable.hpp>

#include "pgwidgets/errors.hpp"
#include "pgwidgets/protocol.pb.h"
#include "pgwidgets/schema_info.hpp"
#include "timer_state.hpp"

namespace pgw::detail {

namespace asio = boost::asio;

// A call awaiting the browser's answer.
struct SessionCore::Pending {
  explicit Pending(const asio::any_io_executor& ex, std::string what)
      : timer(ex, asio::steady_timer::time_point::max()), what(std::move(what)) {}
  asio::steady_timer timer;  // cancelled when the answer (or a failure) is in
  std::string what;          // "Label.set_text (widget 5)", for errors
  bool done = false;
  std::string value;
  std::exception_ptr error;
};

namespace {

std::string describe(const ClassInfo* cls, WidgetId widget) {
  return std::string(cls ? cls->name : "widget") + " " + std::to_string(widget);
}

}  // namespace

SessionCore::SessionCore(asio::any_io_executor executor, SessionConfig config, Sink sink)
    : executor_(std::move(executor)), config_(std::move(config)), sink_(std::move(sink)) {}

SessionCore::~SessionCore() { *alive_ = false; }

void SessionCore::log(LogLevel level, const std::string& message) const {
  if (config_.logger) config_.logger(level, "session " + config_.id + ": " + message);
}

void SessionCore::check_connected(std::string_view what) const {
  if (!connected_) {
    throw Disconnected("pgwidgets: " + std::string(what) + ": session " + config_.id + " is disconnected");
  }
}

// --- outgoing ----------------------------------------------------------------

pgwidgets::ServerFrame& SessionCore::outbox() {
  if (!outbox_) outbox_ = std::make_unique<pgwidgets::ServerFrame>();
  schedule_flush();
  return *outbox_;
}

void SessionCore::schedule_flush() {
  if (flush_scheduled_) return;
  flush_scheduled_ = true;
  // Everything queued until this runs (the rest of this event-loop turn)
  // travels in one frame.
  asio::post(executor_, [this, alive = std::weak_ptr<bool>(alive_)] {
    if (alive.lock()) flush();
  });
}

void SessionCore::flush() {
  flush_scheduled_ = false;
  if (!outbox_ || outbox_->messages_size() == 0 || !connected_) return;
  std::string frame = outbox_->SerializeAsString();
  outbox_->Clear();
  ++frames_sent_;
  bytes_sent_ += frame.size();
  if (sink_.send) sink_.send(std::move(frame));
}

void SessionCore::send_hello(std::uint32_t protocol_version, std::uint64_t fingerprint) {
  auto* hello = outbox().add_messages()->mutable_hello();
  hello->set_protocol_version(protocol_version);
  hello->set_schema_fingerprint(fingerprint);
  hello->set_session_id(config_.id);
  hello->set_token(config_.token);
}

SessionCore::PendingPtr SessionCore::add_pending(std::uint32_t seq, std::string what) {
  auto p = std::make_shared<Pending>(executor_, std::move(what));
  pending_.emplace(seq, p);
  return p;
}

Task<std::string> SessionCore::wait_reply(PendingPtr p) {
  if (!p->done) {
    co_await p->timer.async_wait(asio::as_tuple(asio::use_awaitable));
  }
  if (!p->done) {  // woken without an answer: the wait itself was cancelled
    throw Disconnected("pgwidgets: " + p->what + ": the wait was cancelled");
  }
  if (p->error) std::rethrow_exception(p->error);
  co_return std::move(p->value);
}

// --- SessionLink ---------------------------------------------------------------

Task<WidgetId> SessionCore::create(const ClassInfo& cls, std::string args) {
  if (!connected_) check_connected("create " + std::string(cls.name));
  if (cls.abstract) {
    throw std::invalid_argument("pgwidgets: " + std::string(cls.name) + " is abstract and cannot be created");
  }
  auto* create = outbox().add_messages()->mutable_create();
  const WidgetId id = store_.add(cls, args);
  const std::uint32_t seq = next_seq();
  create->set_seq(seq);
  create->set_widget_id(id);
  create->set_class_id(cls.id);
  create->set_args(std::move(args));
  if (config_.strict_calls) {
    create->set_ack(true);
    co_await wait_reply(add_pending(seq, "create " + describe(&cls, id)));
  }
  co_return id;
}

Task<std::string> SessionCore::call(WidgetId widget, const MethodInfo& method, std::string args,
                                    ChildChange change) {
  // The hot path (thousands of pipelined calls): names are only spelled
  // out when something goes wrong.
  auto what = [&] { return std::string(method.class_name) + "." + std::string(method.name); };
  if (!connected_) check_connected(what());
  const WidgetRecord* rec = store_.find(widget);
  if (rec == nullptr) {
    throw std::invalid_argument("pgwidgets: " + what() + ": widget " + std::to_string(widget) +
                                (store_.allocated(widget) ? " was destroyed" : " does not exist"));
  }
  if (!is_a(*rec->cls, method.class_id)) {
    throw std::invalid_argument("pgwidgets: " + what() + ": widget " + std::to_string(widget) + " is a " +
                                std::string(rec->cls->name));
  }
  if (change.child != 0 && store_.find(change.child) == nullptr) {
    throw std::invalid_argument("pgwidgets: " + what() + ": widget " + std::to_string(change.child) +
                                " (the argument) does not exist");
  }
  // The server's state changes first: a call its rules refuse throws here,
  // at the call site, and is neither recorded nor sent.
  try {
    apply_effect(widget, method, args, change);
  } catch (const std::invalid_argument& e) {
    throw std::invalid_argument("pgwidgets: " + what() + ": " + e.what());
  }
  const bool wait = method.returns_value || config_.strict_calls;
  const std::uint32_t seq = next_seq();
  auto* call = outbox().add_messages()->mutable_call();
  call->set_seq(seq);
  call->set_widget_id(widget);
  call->set_method_id(method.id);
  call->set_ack(wait && !method.returns_value);
  call->set_args(std::move(args));
  if (!wait) co_return std::string();
  co_return co_await wait_reply(add_pending(seq, what() + " (widget " + std::to_string(widget) + ")"));
}

void SessionCore::apply_effect(WidgetId widget, const MethodInfo& method, const std::string& args,
                               const ChildChange& change) {
  switch (method.kind) {
    case MethodKind::setter:
      store_.record(widget, method.field, method.id, args);
      break;
    case MethodKind::attach:
      store_.attach(widget, change.child, change.index, method.replace);
      break;
    case MethodKind::detach:
      store_.detach(widget, change.child, change.destroy);
      if (change.destroy) drop_handlers_of_missing_widgets();
      break;
    case MethodKind::detach_all:
      store_.detach_all(widget, change.destroy);
      if (change.destroy) drop_handlers_of_missing_widgets();
      break;
    case MethodKind::destroy:
      store_.destroy(widget);
      drop_handlers_of_missing_widgets();
      break;
    default:
      break;
  }
}

void SessionCore::drop_handlers_of_missing_widgets() {
  std::erase_if(handlers_, [this](const auto& entry) { return store_.find(entry.first.first) == nullptr; });
}

void SessionCore::listen(WidgetId widget, const CallbackInfo& callback, RawHandler handler) {
  const std::string what = std::string(callback.class_name) + ".on_" + std::string(callback.name);
  check_connected(what);
  const WidgetRecord* rec = store_.find(widget);
  if (rec == nullptr || !is_a(*rec->cls, callback.class_id)) {
    throw std::invalid_argument("pgwidgets: " + what + ": no such widget " + std::to_string(widget));
  }
  auto& list = handlers_[{widget, callback.id}];
  list.push_back(std::move(handler));
  if (list.size() == 1) {
    auto* listen = outbox().add_messages()->mutable_listen();
    listen->set_widget_id(widget);
    listen->set_callback_id(callback.id);
  }
}

const std::string* SessionCore::recorded(WidgetId widget, std::uint16_t field) const {
  return store_.recorded(widget, field);
}

const std::string* SessionCore::constructor_args(WidgetId widget) const {
  const WidgetRecord* rec = store_.find(widget);
  return rec ? &rec->ctor_args : nullptr;
}

std::vector<WidgetId> SessionCore::children(WidgetId widget) const {
  const WidgetRecord* rec = store_.find(widget);
  return rec ? rec->children : std::vector<WidgetId>{};
}

// --- incoming ------------------------------------------------------------------

void SessionCore::receive(std::string_view frame) {
  pgwidgets::ClientFrame parsed;
  if (!parsed.ParseFromArray(frame.data(), static_cast<int>(frame.size()))) {
    protocol_error("malformed frame (" + std::to_string(frame.size()) + " bytes): not a ClientFrame");
    return;
  }
  handle(parsed);
}

void SessionCore::handle(const pgwidgets::ClientFrame& frame, int first) {
  for (int i = first; i < frame.messages_size(); ++i) on_message(frame.messages(i));
}

void SessionCore::on_message(const pgwidgets::ClientMessage& message) {
  switch (message.kind_case()) {
    case pgwidgets::ClientMessage::kResult:
      on_result(message.result().seq(), message.result().value());
      break;
    case pgwidgets::ClientMessage::kError: {
      const auto& e = message.error();
      on_error(e.seq(), e.widget_id(), e.method_id(), e.class_id(), e.message());
      break;
    }
    case pgwidgets::ClientMessage::kCallback: {
      const auto& cb = message.callback();
      on_callback(cb.widget_id(), cb.callback_id(), cb.args());
      break;
    }
    case pgwidgets::ClientMessage::kViewport:
      set_viewport(message.viewport().width(), message.viewport().height());
      break;
    case pgwidgets::ClientMessage::kHello:
      protocol_error("unexpected hello: the session is already established");
      break;
    default:
      protocol_error("unknown message kind " + std::to_string(message.kind_case()));
      break;
  }
}

void SessionCore::on_result(std::uint32_t seq, std::string value) {
  auto it = pending_.find(seq);
  if (it == pending_.end()) {
    protocol_error("result for unknown call #" + std::to_string(seq));
    return;
  }
  PendingPtr p = std::move(it->second);
  pending_.erase(it);
  p->done = true;
  p->value = std::move(value);
  p->timer.cancel();
}

void SessionCore::on_error(std::uint32_t seq, std::uint32_t widget, std::uint32_t method_id, std::uint32_t cls,
                           std::string message) {
  std::string class_name = "widget";
  std::string method_name = "create";
  if (method_id != 0 && method_id < std::size(method_table)) {
    class_name = std::string(method_table[method_id]->class_name);
    method_name = std::string(method_table[method_id]->name);
  } else if (cls != 0 && cls < std::size(class_table)) {
    class_name = std::string(class_table[cls]->name);
  }
  auto error = std::make_exception_ptr(RemoteError(class_name, widget, method_name, seq, std::move(message)));
  auto it = pending_.find(seq);
  if (it == pending_.end()) {
    report(error);  // a pipelined call: no call site waits for it
    return;
  }
  PendingPtr p = std::move(it->second);
  pending_.erase(it);
  p->done = true;
  p->error = error;
  p->timer.cancel();
}

void SessionCore::on_callback(WidgetId widget, std::uint32_t callback_id, std::string args) {
  const WidgetRecord* rec = store_.find(widget);
  if (rec == nullptr) {
    if (store_.allocated(widget)) {
      log(LogLevel::debug, "callback for destroyed widget " + std::to_string(widget) + " dropped");
    } else {
      protocol_error("callback for unknown widget id " + std::to_string(widget));
    }
    return;
  }
  if (callback_id == 0 || callback_id >= std::size(callback_table)) {
    protocol_error("unknown callback id " + std::to_string(callback_id));
    return;
  }
  const CallbackInfo& info = *callback_table[callback_id];
  if (!is_a(*rec->cls, info.class_id)) {
    protocol_error(describe(rec->cls, widget) + " has no callback " + std::string(info.name));
    return;
  }
  if (info.updates_field != 0) {
    store_.record(widget, info.updates_field, info.updates_method, args);
  }
  auto it = handlers_.find({widget, callback_id});
  if (it == handlers_.end() || it->second.empty()) return;
  // A copy: a handler may register more handlers while these run.
  auto handlers = std::make_shared<std::vector<RawHandler>>(it->second);
  auto bytes = std::make_shared<std::string>(std::move(args));
  spawn_handler(
      [handlers, bytes]() -> Task<> {
        for (const RawHandler& h : *handlers) co_await h(*bytes);
      },
      std::string(info.class_name) + ".on_" + std::string(info.name) + " handler (widget " + std::to_string(widget) +
          ")");
}

void SessionCore::protocol_error(std::string message) {
  // A peer can provoke these at will: one line and one reply a second, the
  // rest counted, so an error flood costs neither disk nor bandwidth.
  const auto held = protocol_error_log_.pass();
  if (!held) return;
  log(LogLevel::warning, "protocol error: " + message + LogThrottle::suffix(*held));
  if (!connected_) return;
  outbox().add_messages()->mutable_error()->set_message(std::move(message));
}

// --- handlers, errors, disconnect ----------------------------------------------------

void SessionCore::spawn_handler(std::function<Task<>()> body, std::string what) {
  auto lock = config_.lock;
  std::weak_ptr<bool> alive = alive_;
  asio::co_spawn(
      executor_,
      [body = std::move(body), lock]() -> Task<> {
        AsyncLock::Guard guard;
        if (lock) guard = co_await lock->lock();
        co_await body();
      },
      [this, alive, what = std::move(what)](std::exception_ptr error) {
        if (!error || !alive.lock()) return;
        try {
          std::rethrow_exception(error);
        } catch (const Disconnected& e) {
          // Expected when the browser leaves while a handler still runs.
          log(LogLevel::debug, what + " ended: " + e.what());
        } catch (...) {
          report(std::current_exception(), what);
        }
      });
}

void SessionCore::report(std::exception_ptr error, std::string_view context) {
  if (error_handler_) {
    try {
      error_handler_(error);
    } catch (const std::exception& e) {
      log(LogLevel::error, std::string("the error handler threw: ") + e.what());
    }
    return;
  }
  // No handler: the logger gets it, so an error is never silent by default.
  std::string prefix = context.empty() ? std::string() : std::string(context) + " threw: ";
  try {
    std::rethrow_exception(error);
  } catch (const std::exception& e) {
    // Our own messages start with "pgwidgets: ", which the log line says already.
    std::string_view text = e.what();
    if (text.starts_with("pgwidgets: ")) text.remove_prefix(11);
    log(LogLevel::error, prefix + std::string(text));
  } catch (...) {
    log(LogLevel::error, prefix + "an exception not derived from std::exception");
  }
}

void SessionCore::close_connection(int code, const std::string& reason) {
  if (!connected_) return;
  flush();
  if (sink_.close) sink_.close(code, reason);
  disconnect(reason);
}

void SessionCore::add_timer(std::weak_ptr<TimerState> timer) {
  remove_timer(nullptr);  // keeps the list as long as the live timers
  timers_.push_back(std::move(timer));
}

void SessionCore::remove_timer(const TimerState* timer) {
  std::erase_if(timers_, [timer](const std::weak_ptr<TimerState>& t) {
    auto p = t.lock();
    return !p || p.get() == timer;
  });
}

void SessionCore::disconnect(const std::string& why) {
  if (!connected_) return;
  connected_ = false;
  log(LogLevel::info, "disconnected: " + why);
  auto pending = std::move(pending_);
  pending_.clear();
  for (auto& [seq, p] : pending) {
    p->done = true;
    p->error = std::make_exception_ptr(
        Disconnected("pgwidgets: " + p->what + ": the browser disconnected (" + why + ")"));
    p->timer.cancel();
  }
  // Handlers hold widget handles, which hold this session: drop them.
  handlers_.clear();
  for (auto& t : timers_) {
    if (auto timer = t.lock()) timer->shutdown();
  }
  timers_.clear();
  if (outbox_) outbox_->Clear();
}

}  // namespace pgw::detail
