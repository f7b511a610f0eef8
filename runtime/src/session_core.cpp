#include "session_core.hpp"

#include <algorithm>
#include <exception>

#include <boost/asio/co_spawn.hpp>
#include <boost/asio/detached.hpp>
#include <boost/asio/post.hpp>
#include <boost/asio/use_awaitable.hpp>

#include "coalesce.hpp"
#include "handler_lock.hpp"
#include "pgwidgets/errors.hpp"
#include "pgwidgets/protocol.pb.h"
#include "pgwidgets/schema_info.hpp"
#include "pgwidgets/schema_registry.hpp"
#include "timer_state.hpp"
#include "wake_in_place.hpp"

namespace pgw::detail {

namespace asio = boost::asio;

// A call awaiting the browser's answer.
struct SessionCore::Pending {
  Pending(const asio::any_io_executor& ex, std::string what) : wake(ex), what(std::move(what)) {}
  WakeInPlace wake;  // woken when the answer (or a failure) is in
  std::string what;  // "Label.set_text (widget 5)", for errors
  bool done = false;
  std::string value;
  std::exception_ptr error;
};

struct ReportWait {
  ReportWait(const asio::any_io_executor& ex, WidgetId widget, std::uint32_t answer, std::uint32_t cancel)
      : wake(ex), widget(widget), answer(answer), cancel(cancel) {}
  WakeInPlace wake;  // woken (later: after the callback's handlers start) when the report or a failure is in
  WidgetId widget;
  std::uint32_t answer;
  std::uint32_t cancel;
  bool done = false;
  std::uint32_t callback = 0;
  std::string args;
  std::exception_ptr error;
};

namespace {

std::string describe(const ClassInfo* cls, WidgetId widget) {
  return std::string(cls ? cls->name : "widget") + " " + std::to_string(widget);
}

}  // namespace

SessionCore::SessionCore(asio::any_io_executor executor, SessionConfig config)
    : executor_(std::move(executor)), config_(std::move(config)) {
  UploadReceiver::Env env;
  env.executor = executor_;
  env.spawn = [this](std::function<Task<>()> body, std::string what) { spawn_handler(std::move(body), std::move(what)); };
  env.max_upload_bytes = config_.max_upload_bytes;
  env.send = [this](std::uint64_t browser, pgwidgets::ServerMessage message) {
    if (ended_ || !has_browser(browser)) return;
    *queue(Route::only, browser) = std::move(message);
  };
  env.fire = [this](WidgetId widget, std::uint32_t callback, std::string args) { fire(widget, callback, std::move(args)); };
  env.report = [this](std::exception_ptr error, std::string context) { report(error, context); };
  env.log = [this](LogLevel level, const std::string& message) { log(level, message); };
  env.protocol_error = [this](std::uint64_t browser, std::string message) { protocol_error(browser, std::move(message)); };
  uploads_ = std::make_unique<UploadReceiver>(std::move(env));
}

SessionCore::~SessionCore() {
  *alive_ = false;
  // A call or exec() still waiting is not resumed: its coroutine goes with
  // the wait (which it holds: left alone, the two would keep each other).
  auto pending = std::move(pending_);
  for (auto& [seq, p] : pending) p->wake.drop();
  for (const auto& weak : waits_) {
    if (auto w = weak.lock()) w->wake.drop();
  }
  uploads_.reset();
}

void SessionCore::log(LogLevel level, const std::string& message) const {
  if (config_.logger) config_.logger(level, "session " + config_.id + ": " + message);
}

void SessionCore::check_alive(std::string_view what) const {
  if (ended_) {
    throw Disconnected("pgwidgets: " + std::string(what) + ": session " + config_.id + " has ended");
  }
}

// --- outgoing ----------------------------------------------------------------

pgwidgets::ServerFrame& SessionCore::outbox() {
  if (!outbox_) outbox_ = std::make_unique<pgwidgets::ServerFrame>();
  schedule_flush();
  return *outbox_;
}

pgwidgets::ServerMessage* SessionCore::queue(Route route, BrowserId browser) {
  auto* m = outbox().add_messages();
  if (route != Route::all) routes_.push_back(Routing{outbox_->messages_size() - 1, route, browser});
  return m;
}

void SessionCore::schedule_flush() {
  if (flush_scheduled_) return;
  flush_scheduled_ = true;
  if (turns_ > 0) return;  // the turn flushes as it ends
  // Everything queued until this runs (the rest of this event-loop turn)
  // travels in one frame.
  asio::post(executor_, [this, alive = std::weak_ptr<bool>(alive_)] {
    if (alive.lock()) flush();
  });
}

SessionCore::Browser* SessionCore::find_browser(BrowserId id) {
  for (Browser& b : browsers_) {
    if (b.id == id) return &b;
  }
  return nullptr;
}

bool SessionCore::has_browser(BrowserId id) const {
  return std::any_of(browsers_.begin(), browsers_.end(), [id](const Browser& b) { return b.id == id; });
}

void SessionCore::send_to(Browser& b, std::string frame) {
  ++frames_sent_;
  bytes_sent_ += frame.size();
  if (b.sink.send) b.sink.send(std::move(frame));
}

void SessionCore::flush() {
  flush_scheduled_ = false;
  if (!outbox_ || outbox_->messages_size() == 0) return;
  // With no browser the calls only changed the server's copy: a browser
  // that comes back gets it in its rebuild.
  if (browsers_.empty()) {
    outbox_->Clear();
    routes_.clear();
    shared_args_.clear();
    return;
  }
  // Large messages and streams' frames go through each browser's outflow
  // (outflow.hpp), as do all messages while one holds anything back.
  const bool flows_idle = std::all_of(browsers_.begin(), browsers_.end(), [](const Browser& b) { return b.flow.idle(); });
  if (stream_queued_ || !flows_idle || !shared_args_.empty() || outbox_->ByteSizeLong() > Outflow::threshold_bytes) {
    stream_queued_ = false;
    auto frame = std::move(outbox_);
    auto routes = std::move(routes_);
    routes_.clear();
    auto shared = std::move(shared_args_);
    shared_args_.clear();
    for (Browser& b : browsers_) {
      // The last browser takes the messages themselves: a 9 MB set_data is
      // not copied once more for it (a copy into fresh memory, page faults
      // and all, costs as much as writing it did).
      const bool last = &b == &browsers_.back();
      pgwidgets::ServerFrame out;
      std::size_t next = 0;
      std::size_t next_shared = 0;
      for (int i = 0; i < frame->messages_size(); ++i) {
        SharedBytes args;
        if (next_shared < shared.size() && shared[next_shared].first == i) args = shared[next_shared++].second;
        if (next < routes.size() && routes[next].index == i) {
          const Routing& r = routes[next++];
          if (r.route == Route::only ? r.browser != b.id : r.browser == b.id) continue;
        }
        pgwidgets::ServerMessage& m = *frame->mutable_messages(i);
        const bool stream = stream_frame(m);
        if (last) b.flow.push(std::move(m), stream, out, std::move(args));
        else b.flow.push(m, stream, out, std::move(args));
      }
      send_flow(b, out);
    }
    return;
  }
  if (routes_.empty()) {
    // The common case: one encoding for every browser.
    const std::string frame = outbox_->SerializeAsString();
    outbox_->Clear();
    for (Browser& b : browsers_) send_to(b, frame);
    return;
  }
  // Some messages are for one browser or skip one: browsers that get the
  // same messages share one encoding.
  auto frame = std::move(outbox_);
  auto routes = std::move(routes_);
  routes_.clear();
  std::map<std::vector<bool>, std::string> encoded;
  for (Browser& b : browsers_) {
    std::vector<bool> takes(routes.size());
    for (std::size_t i = 0; i < routes.size(); ++i) {
      const Routing& r = routes[i];
      takes[i] = r.route == Route::only ? r.browser == b.id : r.browser != b.id;
    }
    auto [it, fresh] = encoded.try_emplace(takes);
    if (fresh) {
      pgwidgets::ServerFrame mine;
      std::size_t next = 0;
      for (int i = 0; i < frame->messages_size(); ++i) {
        if (next < routes.size() && routes[next].index == i) {
          if (takes[next++]) *mine.add_messages() = frame->messages(i);
        } else {
          *mine.add_messages() = frame->messages(i);
        }
      }
      it->second = mine.SerializeAsString();
    }
    if (!it->second.empty()) send_to(b, it->second);
  }
}

OutflowStats SessionCore::outflow_stats() const {
  OutflowStats sum = gone_flows_;
  for (const Browser& b : browsers_) {
    const OutflowStats& f = b.flow.stats();
    sum.stream_frames_sent += f.stream_frames_sent;
    sum.stream_frames_dropped += f.stream_frames_dropped;
    sum.chunked_messages += f.chunked_messages;
    sum.chunks_sent += f.chunks_sent;
  }
  return sum;
}

std::size_t SessionCore::held_frames() const {
  std::size_t n = 0;
  for (const Browser& b : browsers_) n += b.flow.held_frames();
  return n;
}

std::size_t SessionCore::held_bytes() const {
  std::size_t n = 0;
  for (const Browser& b : browsers_) n += b.flow.held_bytes();
  return n;
}

bool SessionCore::stream_frame(const pgwidgets::ServerMessage& m) const {
  // strict_calls: every call waits for its answer, so none may be replaced
  // (its waiter would never hear of it).
  if (config_.strict_calls || !m.has_call()) return false;
  const MethodInfo* method = find_method(m.call().method_id());
  return method != nullptr && method->latest_wins;
}

void SessionCore::send_flow(Browser& b, pgwidgets::ServerFrame& out) {
  b.flow.pump(out);
  if (out.messages_size() != 0) send_to(b, out.SerializeAsString());
}

void SessionCore::attach(BrowserId browser, Sink sink, std::uint32_t protocol_version, std::uint64_t fingerprint,
                         std::uint32_t viewport_width, std::uint32_t viewport_height, bool rejoined,
                         const pgwidgets::ClientFrame* carried, int first) {
  if (ended_) throw std::logic_error("pgwidgets: session " + config_.id + " has ended: no browser can join it");
  if (has_browser(browser)) throw std::logic_error("pgwidgets: browser " + std::to_string(browser) + " is attached already");
  // What is queued was applied to the store already: the browsers here get
  // it, the new one gets it in its rebuild.
  flush();
  browsers_.push_back(Browser{browser, std::move(sink), viewport_width, viewport_height, {}});
  // Recorded first: the rebuild below is made from the state they leave.
  // Anything they queue for this browser leaves after its hello.
  if (carried != nullptr) handle(browser, *carried, first);
  pgwidgets::ServerFrame hello_frame;
  auto* hello = hello_frame.add_messages()->mutable_hello();
  hello->set_protocol_version(protocol_version);
  hello->set_schema_fingerprint(fingerprint);
  hello->set_session_id(config_.id);
  hello->set_token(config_.token);
  hello->set_rejoined(rejoined);
  if (config_.preamble) config_.preamble(hello_frame);
  std::size_t hello_bytes = hello_frame.ByteSizeLong();
  if (!store_.empty()) append_rebuild(store_, listens(), [this] { return next_seq(); }, hello_frame);
  if (!store_.empty()) last_rebuild_bytes_ = hello_frame.ByteSizeLong() - hello_bytes;
  Browser* joined = find_browser(browser);
  if (joined != nullptr) {
    // Through its outflow: a large image of the rebuild goes in chunks,
    // and a stream's frame is acked like any other.
    pgwidgets::ServerFrame out;
    for (auto& m : *hello_frame.mutable_messages()) {
      const bool stream = stream_frame(m);
      joined->flow.push(std::move(m), stream, out);
    }
    send_flow(*joined, out);
  }
  log(LogLevel::info, std::string(rejoined ? "a browser rejoined" : "a browser joined") + " (" +
                          std::to_string(browsers_.size()) + " attached, " + std::to_string(store_.size()) +
                          " widgets rebuilt)");
}

void SessionCore::send_page_message(const pgwidgets::ServerMessage& message) {
  if (ended_ || browsers_.empty()) return;
  *queue() = message;
}

void SessionCore::detach(BrowserId browser, const std::string& why) {
  auto it = std::find_if(browsers_.begin(), browsers_.end(), [browser](const Browser& b) { return b.id == browser; });
  if (it == browsers_.end()) return;
  const bool primary = it == browsers_.begin();
  // What is queued still reaches the others (and is dropped for this one).
  flush();
  it = std::find_if(browsers_.begin(), browsers_.end(), [browser](const Browser& b) { return b.id == browser; });
  const OutflowStats& f = it->flow.stats();
  gone_flows_.stream_frames_sent += f.stream_frames_sent;
  gone_flows_.stream_frames_dropped += f.stream_frames_dropped;
  gone_flows_.chunked_messages += f.chunked_messages;
  gone_flows_.chunks_sent += f.chunks_sent;
  browsers_.erase(it);
  log(LogLevel::info, "a browser left (" + why + "); " + std::to_string(browsers_.size()) + " attached");
  // Every pending await was asked of the primary: with it gone they fail;
  // they are not asked again of another browser.
  if (primary) fail_pending("the browser answering it left (" + why + ")");
  uploads_->browser_left(browser, why);
}

SessionCore::PendingPtr SessionCore::add_pending(std::uint32_t seq, std::string what) {
  auto p = std::make_shared<Pending>(executor_, std::move(what));
  pending_.emplace(seq, p);
  return p;
}

Task<std::string> SessionCore::wait_reply(PendingPtr p) {
  if (!p->done) co_await p->wake.async_wait(asio::use_awaitable);
  if (!p->done) {  // woken without an answer: the wait itself was cancelled
    throw Disconnected("pgwidgets: " + p->what + ": the wait was cancelled");
  }
  if (p->error) std::rethrow_exception(p->error);
  co_return std::move(p->value);
}

// --- SessionLink ---------------------------------------------------------------

std::shared_ptr<ReportWait> SessionCore::expect_report(WidgetId widget, std::uint32_t answer, std::uint32_t cancel) {
  if (ended_) check_alive("exec");
  if (store_.find(widget) == nullptr) {
    throw std::invalid_argument("pgwidgets: exec: widget " + std::to_string(widget) +
                                (store_.allocated(widget) ? " was destroyed" : " does not exist"));
  }
  // The page sends a plain callback only when the server listens to it:
  // the answer is listened to while a wait needs it (a rebuild too).
  const bool heard = exec_listened(widget, answer);
  auto wait = std::make_shared<ReportWait>(executor_, widget, answer, cancel);
  std::erase_if(waits_, [](const std::weak_ptr<ReportWait>& w) { return w.expired(); });
  waits_.push_back(wait);
  if (!heard) {
    auto* listen = queue()->mutable_listen();
    listen->set_widget_id(widget);
    listen->set_callback_id(answer);
  }
  return wait;
}

Task<std::pair<std::uint32_t, std::string>> SessionCore::await_report(std::shared_ptr<ReportWait> wait) {
  // The user answering is no work of the session's: a handler awaiting it
  // lets its lock go, so the session's other handlers run meanwhile.
  co_return co_await released_while(wait_for_report(std::move(wait)));
}

Task<std::pair<std::uint32_t, std::string>> SessionCore::wait_for_report(std::shared_ptr<ReportWait> wait) {
  if (!wait->done) co_await wait->wake.async_wait(asio::use_awaitable);
  if (!wait->done) throw Disconnected("pgwidgets: exec: the wait was cancelled");
  if (wait->error) std::rethrow_exception(wait->error);
  co_return std::pair<std::uint32_t, std::string>(wait->callback, std::move(wait->args));
}

bool SessionCore::exec_listened(WidgetId widget, std::uint32_t callback) const {
  auto it = handlers_.find({widget, callback});
  if (it != handlers_.end() && !it->second.empty()) return true;
  return std::any_of(waits_.begin(), waits_.end(), [&](const std::weak_ptr<ReportWait>& weak) {
    auto w = weak.lock();
    return w && !w->done && w->widget == widget && w->answer == callback;
  });
}

std::size_t SessionCore::report_waits() const {
  return static_cast<std::size_t>(std::count_if(waits_.begin(), waits_.end(), [](const std::weak_ptr<ReportWait>& w) {
    auto p = w.lock();
    return p && !p->done;
  }));
}

void SessionCore::answer_waits(WidgetId widget, std::uint32_t callback, const std::string& args) {
  if (waits_.empty()) return;
  auto waits = waits_;
  for (const auto& weak : waits) {
    auto w = weak.lock();
    if (!w || w->done || w->widget != widget || (w->answer != callback && w->cancel != callback)) continue;
    w->done = true;
    w->callback = callback;
    w->args = args;
    w->wake.wake_later();
  }
  std::erase_if(waits_, [](const std::weak_ptr<ReportWait>& weak) {
    auto w = weak.lock();
    return !w || w->done;
  });
}

void SessionCore::fail_waits(const std::string* ended_why) {
  auto waits = waits_;
  for (const auto& weak : waits) {
    auto w = weak.lock();
    if (!w || w->done) continue;
    if (ended_why != nullptr) {
      w->error = std::make_exception_ptr(Disconnected("pgwidgets: exec (widget " + std::to_string(w->widget) +
                                                      "): " + *ended_why));
    } else if (store_.find(w->widget) == nullptr) {
      w->error = std::make_exception_ptr(
          std::logic_error("pgwidgets: exec: widget " + std::to_string(w->widget) + " was destroyed"));
    } else {
      continue;
    }
    w->done = true;
    w->wake.wake_later();
  }
  std::erase_if(waits_, [](const std::weak_ptr<ReportWait>& weak) {
    auto w = weak.lock();
    return !w || w->done;
  });
}

Task<WidgetId> SessionCore::create(const ClassInfo& cls, std::string args) {
  if (ended_) check_alive("create " + std::string(cls.name));
  if (cls.abstract) {
    throw std::invalid_argument("pgwidgets: " + std::string(cls.name) + " is abstract and cannot be created");
  }
  if (!cls.made_by.empty()) {
    throw std::invalid_argument("pgwidgets: a " + std::string(cls.name) + " cannot be created on its own: only " +
                                std::string(cls.made_by) + " makes one");
  }
  const WidgetId id = store_.add(cls, args);
  const std::uint32_t seq = next_seq();
  // strict_calls: the primary acknowledges; with no browser there is
  // nothing to wait for (a browser that joins gets it in its rebuild).
  const bool wait = config_.strict_calls && !browsers_.empty();
  auto* create = wait ? queue(Route::all_but, browsers_.front().id)->mutable_create() : queue()->mutable_create();
  create->set_seq(seq);
  create->set_widget_id(id);
  create->set_class_id(cls.id);
  create->set_args(std::move(args));
  if (wait) {
    auto* acked = queue(Route::only, browsers_.front().id)->mutable_create();
    *acked = *create;
    acked->set_ack(true);
    co_await wait_reply(add_pending(seq, "create " + describe(&cls, id)));
  }
  co_return id;
}

Task<WidgetId> SessionCore::create_in(WidgetId owner, const MethodInfo& method, const ClassInfo& cls,
                                      std::string args, WidgetId child, const MethodInfo* child_into,
                                      std::string child_args) {
  auto what = [&] { return std::string(method.class_name) + "." + std::string(method.name); };
  if (ended_) check_alive(what());
  const WidgetRecord* rec = store_.find(owner);
  if (rec == nullptr) {
    throw std::invalid_argument("pgwidgets: " + what() + ": widget " + std::to_string(owner) +
                                (store_.allocated(owner) ? " was destroyed" : " does not exist"));
  }
  if (!is_a(*rec->cls, method.class_id)) {
    throw std::invalid_argument("pgwidgets: " + what() + ": widget " + std::to_string(owner) + " is a " +
                                std::string(rec->cls->name));
  }
  if (method.kind != MethodKind::create || cls.abstract || (child != 0 && child_into == nullptr)) {
    throw std::logic_error("pgwidgets: " + what() + " is not a method that creates a " + std::string(cls.name));
  }
  if (child != 0) {
    const WidgetRecord* c = store_.find(child);
    if (c == nullptr) {
      throw std::invalid_argument("pgwidgets: " + what() + ": widget " + std::to_string(child) + " (the argument) " +
                                  (store_.allocated(child) ? "was destroyed" : "does not exist"));
    }
    if (is_a(*c->cls, cls.id)) {
      throw std::invalid_argument("pgwidgets: " + what() + " creates the " + std::string(cls.name) +
                                  " around its content: widget " + std::to_string(child) + " is a " +
                                  std::string(c->cls->name) + " already; pass the content");
    }
  }
  // Recorded first, every rule checked before: a refusal throws here, at
  // the call site, and nothing is recorded or sent.
  WidgetId id = 0;
  try {
    id = store_.add_in(owner, cls, args, method.id, child, child_into ? child_into->id : 0, child_args);
  } catch (const std::invalid_argument& e) {
    throw std::invalid_argument("pgwidgets: " + what() + ": " + e.what());
  }
  auto* create = queue()->mutable_create();
  create->set_seq(next_seq());
  create->set_widget_id(id);
  create->set_class_id(cls.id);
  create->set_args(std::move(args));
  if (child != 0) {
    auto* into = queue()->mutable_call();
    into->set_seq(next_seq());
    into->set_widget_id(id);
    into->set_method_id(child_into->id);
    into->set_args(std::move(child_args));
  }
  // The owner adopts the new widget; under strict_calls the primary
  // acknowledges this last message, so every earlier one was run.
  const std::uint32_t seq = next_seq();
  const bool ack = config_.strict_calls && !browsers_.empty();
  auto* adopt = ack ? queue(Route::all_but, browsers_.front().id)->mutable_call() : queue()->mutable_call();
  adopt->set_seq(seq);
  adopt->set_widget_id(owner);
  adopt->set_method_id(method.id);
  adopt->set_args(created_args(id));
  if (ack) {
    auto* acked = queue(Route::only, browsers_.front().id)->mutable_call();
    *acked = *adopt;
    acked->set_ack(true);
    co_await wait_reply(add_pending(seq, what() + " (widget " + std::to_string(owner) + ")"));
  }
  co_return id;
}

Task<std::string> SessionCore::call(WidgetId widget, const MethodInfo& method, std::string args,
                                    ChildChange change) {
  // The hot path (thousands of pipelined calls): names are only spelled
  // out when something goes wrong.
  auto what = [&] { return std::string(method.class_name) + "." + std::string(method.name); };
  if (ended_) check_alive(what());
  if (method.kind == MethodKind::create) {
    throw std::logic_error("pgwidgets: " + what() + " creates a widget: it is made with create_in, not call");
  }
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
  // Nothing waits for a browser that is not there, and a call only the
  // page can apply is not made without one (it would be lost).
  if ((method.returns_value || method.page_applies) && browsers_.empty()) {
    throw Disconnected("pgwidgets: " + what() + " (widget " + std::to_string(widget) + "): no browser is attached to session " +
                       config_.id);
  }
  // A large request is held once, shared by the store (a list it assigns
  // keeps slices of it) and each browser's outflow (which sends it from
  // there in chunks). Each copy of a 9 MB set_data into fresh memory had
  // cost as much as writing it, in page faults.
  SharedBytes shared;
  if (args.size() > Outflow::threshold_bytes && !method.returns_value && !method.latest_wins) {
    shared = std::make_shared<const std::string>(std::move(args));
    args = std::string();
  }
  // The server's state changes first: a call its rules refuse throws here,
  // at the call site, and is neither recorded nor sent.
  try {
    apply_effect(widget, method, shared ? *shared : args, change, shared);
  } catch (const std::invalid_argument& e) {
    throw std::invalid_argument("pgwidgets: " + what() + ": " + e.what());
  }
  const std::uint32_t seq = next_seq();
  if (method.latest_wins) stream_queued_ = true;
  if (method.returns_value) {
    // A query: asked of the primary only.
    auto* call = queue(Route::only, browsers_.front().id)->mutable_call();
    call->set_seq(seq);
    call->set_widget_id(widget);
    call->set_method_id(method.id);
    call->set_args(std::move(args));
  } else {
    const bool ack = config_.strict_calls && !browsers_.empty();
    auto* call = ack ? queue(Route::all_but, browsers_.front().id)->mutable_call() : queue()->mutable_call();
    call->set_seq(seq);
    call->set_widget_id(widget);
    call->set_method_id(method.id);
    call->set_args(std::move(args));
    if (shared) shared_args_.emplace_back(outbox_->messages_size() - 1, shared);
    if (!ack) co_return std::string();
    auto* acked = queue(Route::only, browsers_.front().id)->mutable_call();
    *acked = *call;
    acked->set_ack(true);
    if (shared) shared_args_.emplace_back(outbox_->messages_size() - 1, shared);
  }
  shared.reset();  // the outbox and the store hold it: not this frame while it waits
  co_return co_await wait_reply(add_pending(seq, what() + " (widget " + std::to_string(widget) + ")"));
}

void SessionCore::apply_effect(WidgetId widget, const MethodInfo& method, const std::string& args,
                               const ChildChange& change, const SharedBytes& shared) {
  switch (method.kind) {
    case MethodKind::setter:
      store_.record(widget, method.field, method.id, args, shared);
      break;
    case MethodKind::attach:
      store_.attach(widget, change.child, change.index, method.replace, method.id, args);
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
    case MethodKind::action:
      // An action standing for setter calls (set_colors): the server keeps what they set.
      if (!method.calls.empty()) store_.record_calls(widget, method, args);
      break;
    default:
      break;
  }
}

void SessionCore::drop_handlers_of_missing_widgets() {
  std::erase_if(handlers_, [this](const auto& entry) { return store_.find(entry.first.first) == nullptr; });
  fail_waits(nullptr);
  uploads_->drop_handlers([this](WidgetId w) { return store_.find(w) != nullptr; });
}

void SessionCore::set_upload_handler(WidgetId dialog, UploadHandler handler) {
  check_alive("FileDialog on_upload");
  const WidgetRecord* rec = store_.find(dialog);
  if (rec == nullptr || !is_a(*rec->cls, classes::FileDialog.id)) {
    throw std::invalid_argument("pgwidgets: pgw::on_upload: widget " + std::to_string(dialog) +
                                " is not a FileDialog of this session");
  }
  uploads_->set_handler(dialog, std::move(handler));
}

void SessionCore::listen(WidgetId widget, const CallbackInfo& callback, RawHandler handler) {
  const std::string what = std::string(callback.class_name) + ".on_" + std::string(callback.name);
  check_alive(what);
  const WidgetRecord* rec = store_.find(widget);
  if (rec == nullptr || !is_a(*rec->cls, callback.class_id)) {
    throw std::invalid_argument("pgwidgets: " + what + ": no such widget " + std::to_string(widget));
  }
  auto& list = handlers_[{widget, callback.id}];
  list.push_back(std::move(handler));
  if (list.size() == 1) {
    auto* listen = queue()->mutable_listen();
    listen->set_widget_id(widget);
    listen->set_callback_id(callback.id);
  }
}

const std::string* SessionCore::recorded(WidgetId widget, std::uint32_t field) const {
  return store_.recorded(widget, field);
}

bool SessionCore::holds_items(WidgetId widget, std::uint32_t field) const {
  return store_.holds_items(widget, field);
}

std::string SessionCore::collection_answer(WidgetId widget, const MethodInfo& getter, std::string_view request) const {
  const StateValue* v = store_.collection(widget, getter.field);
  if (v == nullptr) return std::string();
  if (getter.op == StateOp::parents_not_in) {
    const StateValue* tree = store_.collection(widget, getter.of_state);
    const MethodInfo* snapshot = find_method(v->info->snapshot_method);
    if (tree == nullptr || snapshot == nullptr) return std::string();
    return answer_parents_not_in(*v, *tree, getter, snapshot->index_field);
  }
  if (getter.op == StateOp::subtree) {
    return answer_subtree(*v, getter, request, [&](std::uint32_t state) { return store_.collection(widget, state); });
  }
  return answer_state(*v, getter, request);
}

const std::string* SessionCore::constructor_args(WidgetId widget) const {
  const WidgetRecord* rec = store_.find(widget);
  return rec ? &rec->ctor_args : nullptr;
}

ListenList SessionCore::listens() const {
  ListenList out;
  out.reserve(handlers_.size());
  for (const auto& [key, list] : handlers_) {
    if (!list.empty()) out.push_back(key);
  }
  // An exec() waiting for an answer nobody else listens to.
  for (const auto& weak : waits_) {
    auto w = weak.lock();
    if (!w || w->done) continue;
    const std::pair<WidgetId, std::uint32_t> key{w->widget, w->answer};
    if (std::find(out.begin(), out.end(), key) == out.end()) out.push_back(key);
  }
  return out;
}

std::vector<WidgetId> SessionCore::children(WidgetId widget) const {
  const WidgetRecord* rec = store_.find(widget);
  return rec ? rec->children : std::vector<WidgetId>{};
}

// --- incoming ------------------------------------------------------------------

void SessionCore::receive(BrowserId from, std::string_view frame) {
  count_received(frame.size());
  const Turn turn(*this);
  pgwidgets::ClientFrame parsed;
  if (!parsed.ParseFromArray(frame.data(), static_cast<int>(frame.size()))) {
    protocol_error(from, "malformed frame (" + std::to_string(frame.size()) + " bytes): not a ClientFrame");
    return;
  }
  handle(from, parsed);
}

SessionCore::Turn::Turn(SessionCore& core) : core_(core) { ++core_.turns_; }

SessionCore::Turn::~Turn() {
  if (--core_.turns_ > 0 || !core_.flush_scheduled_) return;
  if (std::uncaught_exceptions() > 0) {
    // Not from a destructor that an exception is passing: posted instead.
    core_.flush_scheduled_ = false;
    core_.schedule_flush();
    return;
  }
  core_.flush();
}

void SessionCore::wake(PendingPtr p) {
  // In a turn, the call resumes here, between the frame's messages, as a
  // callback's handler starts there (co_spawn dispatches): in the order the
  // browser sent them. Its calls leave in the turn's frame.
  if (turns_ > 0) {
    p->wake.wake_here();
  } else {
    p->wake.wake_later();
  }
}

void SessionCore::handle(BrowserId from, const pgwidgets::ClientFrame& frame, int first) {
  if (ended_ || !has_browser(from)) return;  // a late frame from a browser that left
  const std::vector<bool> superseded = superseded_reports(frame, first);
  for (int i = first; i < frame.messages_size(); ++i) {
    if (!superseded.empty() && superseded[static_cast<std::size_t>(i)]) continue;
    on_message(from, frame.messages(i));
  }
}

void SessionCore::on_message(BrowserId from, const pgwidgets::ClientMessage& message) {
  switch (message.kind_case()) {
    case pgwidgets::ClientMessage::kResult:
      on_result(from, message.result().seq(), message.result().value());
      break;
    case pgwidgets::ClientMessage::kError: {
      const auto& e = message.error();
      on_error(from, e.seq(), e.widget_id(), e.method_id(), e.class_id(), e.message());
      break;
    }
    case pgwidgets::ClientMessage::kCallback: {
      const auto& cb = message.callback();
      on_callback(from, cb.widget_id(), cb.callback_id(), cb.args());
      break;
    }
    case pgwidgets::ClientMessage::kViewport:
      if (Browser* b = find_browser(from)) {
        b->viewport_width = message.viewport().width();
        b->viewport_height = message.viewport().height();
      }
      break;
    case pgwidgets::ClientMessage::kHello:
      protocol_error(from, "unexpected hello: the session is already established");
      break;
    case pgwidgets::ClientMessage::kUploadStart:
      uploads_->start(from, message.upload_start());
      break;
    case pgwidgets::ClientMessage::kUploadChunk:
      uploads_->chunk(from, message.upload_chunk());
      break;
    case pgwidgets::ClientMessage::kUploadCancel:
      uploads_->cancel(from, message.upload_cancel());
      break;
    case pgwidgets::ClientMessage::kChunkAck:
      on_chunk_ack(from, message.chunk_ack());
      break;
    default:
      protocol_error(from, "unknown message kind " + std::to_string(message.kind_case()));
      break;
  }
}

bool SessionCore::stream_answered(BrowserId from, std::uint32_t seq) {
  Browser* b = find_browser(from);
  if (b == nullptr) return false;
  pgwidgets::ServerFrame out;
  const bool stream = b->flow.answered(seq, out);
  // The frame it held leaves now: it is older than the outbox's messages.
  if (stream) send_flow(*b, out);
  return stream;
}

void SessionCore::on_chunk_ack(BrowserId from, const pgwidgets::ChunkAck& ack) {
  Browser* b = find_browser(from);
  if (b == nullptr) return;
  const std::string error = b->flow.chunk_acked(ack.stream_id(), ack.received());
  if (!error.empty()) {
    protocol_error(from, error);
    return;
  }
  pgwidgets::ServerFrame out;
  send_flow(*b, out);
}

void SessionCore::on_result(BrowserId from, std::uint32_t seq, std::string value) {
  // A stream's frame is acked by every browser; in strict mode the
  // primary's answer also resolves the call waiting for it.
  const bool stream = stream_answered(from, seq);
  // Only the primary was asked anything.
  auto it = is_primary(from) ? pending_.find(seq) : pending_.end();
  if (it == pending_.end()) {
    if (!stream) protocol_error(from, "result for unknown call #" + std::to_string(seq));
    return;
  }
  PendingPtr p = std::move(it->second);
  pending_.erase(it);
  p->done = true;
  p->value = std::move(value);
  wake(std::move(p));
}

void SessionCore::on_error(BrowserId from, std::uint32_t seq, std::uint32_t widget, std::uint32_t method_id,
                           std::uint32_t cls, std::string message) {
  std::string class_name = "widget";
  std::string method_name = "create";
  if (const MethodInfo* m = method_id != 0 ? find_method(method_id) : nullptr) {
    class_name = std::string(m->class_name);
    method_name = std::string(m->name);
  } else if (const ClassInfo* c = cls != 0 ? find_class(cls) : nullptr) {
    class_name = std::string(c->name);
  }
  auto error = std::make_exception_ptr(RemoteError(class_name, widget, method_name, seq, std::move(message)));
  // A stream's failed frame frees its slot (and is reported once: by the primary).
  if (stream_answered(from, seq) && !is_primary(from)) return;
  auto it = is_primary(from) ? pending_.find(seq) : pending_.end();
  if (it == pending_.end()) {
    report(error);  // a pipelined call: no call site waits for it
    return;
  }
  PendingPtr p = std::move(it->second);
  pending_.erase(it);
  p->done = true;
  p->error = error;
  wake(std::move(p));
}

void SessionCore::on_callback(BrowserId from, WidgetId widget, std::uint32_t callback_id, std::string args) {
  const WidgetRecord* rec = store_.find(widget);
  if (rec == nullptr) {
    if (store_.allocated(widget)) {
      log(LogLevel::debug, "callback for destroyed widget " + std::to_string(widget) + " dropped");
    } else {
      protocol_error(from, "callback for unknown widget id " + std::to_string(widget));
    }
    return;
  }
  const CallbackInfo* found = find_callback(callback_id);
  if (found == nullptr) {
    protocol_error(from, "unknown callback id " + std::to_string(callback_id));
    return;
  }
  const CallbackInfo& info = *found;
  if (!is_a(*rec->cls, info.class_id)) {
    protocol_error(from, describe(rec->cls, widget) + " has no callback " + std::string(info.name));
    return;
  }
  if (info.updates_field != 0) {
    if (info.check != nullptr) {
      try {
        info.check(args);
      } catch (const ProtocolError& e) {
        protocol_error(from, describe(rec->cls, widget) + "." + std::string(info.name) + ": " + e.what());
        return;
      }
    }
    try {
      // A collection's report changes it as its setter would, by the same
      // rules: one they refuse (an index out of range, a path not there)
      // is kept out, and no handler hears of it.
      store_.record(widget, info.updates_field, info.updates_method, args);
    } catch (const std::invalid_argument& e) {
      protocol_error(from, describe(rec->cls, widget) + "." + std::string(info.name) + ": " + e.what());
      return;
    }
    // The other browsers show the change too, without firing callbacks
    // there: it reaches the server once, from the browser it was made in.
    if (browsers_.size() > 1) {
      auto* call = queue(Route::all_but, from)->mutable_call();
      call->set_seq(next_seq());
      call->set_widget_id(widget);
      call->set_method_id(info.updates_method);
      call->set_args(args);
      call->set_quiet(true);
    }
  }
  answer_waits(widget, callback_id, args);
  fire(widget, callback_id, std::move(args));
}

void SessionCore::fire(WidgetId widget, std::uint32_t callback_id, std::string args) {
  auto it = handlers_.find({widget, callback_id});
  if (it == handlers_.end() || it->second.empty()) return;
  const CallbackInfo* info = find_callback(callback_id);
  // A copy: a handler may register more handlers while these run.
  auto handlers = std::make_shared<std::vector<RawHandler>>(it->second);
  auto bytes = std::make_shared<std::string>(std::move(args));
  spawn_handler(
      [handlers, bytes]() -> Task<> {
        for (const RawHandler& h : *handlers) co_await h(*bytes);
      },
      (info ? std::string(info->class_name) + ".on_" + std::string(info->name) : std::string("callback")) +
          " handler (widget " + std::to_string(widget) + ")");
}

void SessionCore::protocol_error(BrowserId to, std::string message) {
  // A peer can provoke these at will: one line and one reply a second, the
  // rest counted, so an error flood costs neither disk nor bandwidth.
  const auto held = protocol_error_log_.pass();
  if (!held) return;
  log(LogLevel::warning, "protocol error: " + message + LogThrottle::suffix(*held));
  if (ended_ || !has_browser(to)) return;
  queue(Route::only, to)->mutable_error()->set_message(std::move(message));
}

// --- handlers, errors, disconnect ----------------------------------------------------

void SessionCore::spawn_handler(std::function<Task<>()> body, std::string what) {
  auto lock = config_.lock;
  std::weak_ptr<bool> alive = alive_;
  auto hold = std::make_shared<HandlerHold>();
  hold->lock = std::move(lock);
  // On a HandlerExecutor, so what the handler awaits (exec()) can reach its
  // hold and let the lock go while the user answers (handler_lock.hpp).
  asio::co_spawn(
      HandlerExecutor(executor_, hold),
      [body = std::move(body), hold]() -> Task<> {
        // Let go when the body ends, returning or throwing (the executor's
        // copies of the hold may live on a little longer).
        struct LetGo {
          HandlerHold& hold;
          ~LetGo() { hold.guard.release(); }
        } let_go{*hold};
        if (hold->lock) hold->guard = co_await hold->lock->lock();
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

void SessionCore::fail_pending(const std::string& why) {
  auto pending = std::move(pending_);
  pending_.clear();
  for (auto& [seq, p] : pending) {
    p->done = true;
    p->error = std::make_exception_ptr(Disconnected("pgwidgets: " + p->what + ": " + why));
    p->wake.wake_later();
  }
}

void SessionCore::end(int code, const std::string& why) {
  if (ended_) return;
  ended_ = true;
  log(LogLevel::info, "ended: " + why);
  flush();
  auto browsers = std::move(browsers_);
  browsers_.clear();
  for (Browser& b : browsers) {
    if (b.sink.close) b.sink.close(code, why);
  }
  fail_pending("the session ended (" + why + ")");
  const std::string ended_why = "the session ended (" + why + ")";
  fail_waits(&ended_why);
  uploads_->end(why);
  // Handlers hold widget handles, which hold this session: drop them.
  handlers_.clear();
  for (auto& t : timers_) {
    if (auto timer = t.lock()) timer->shutdown();
  }
  timers_.clear();
  store_.clear();
  if (outbox_) outbox_->Clear();
  routes_.clear();
  shared_args_.clear();
  if (end_hook_) {
    auto hook = std::move(end_hook_);
    end_hook_ = nullptr;
    hook(why);
  }
}

}  // namespace pgw::detail
