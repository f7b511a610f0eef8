// SessionCore: one session's engine. It implements the SessionLink the
// generated proxies call: it keeps the widget store, queues outgoing
// messages into one frame per event-loop turn, matches replies to pending
// calls, and runs callback handlers under the concurrency lock.
//
// It knows nothing of sockets: the Application gives it a Sink to send
// frames and close the connection, which lets tests drive it in memory.
#pragma once

#include <chrono>
#include <cstdint>
#include <exception>
#include <functional>
#include <map>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include <boost/asio/any_io_executor.hpp>
#include <boost/asio/steady_timer.hpp>

#include "async_lock.hpp"
#include "log_text.hpp"
#include "pgwidgets/logger.hpp"
#include "pgwidgets/session_link.hpp"
#include "widget_store.hpp"

namespace pgwidgets {
class ServerFrame;
class ClientFrame;
class ClientMessage;
}  // namespace pgwidgets

namespace pgw::detail {

class TimerState;

// Where a session's frames go.
struct Sink {
  std::function<void(std::string frame)> send;
  std::function<void(int code, std::string reason)> close;
};

struct SessionConfig {
  std::string id;
  std::string token;
  Logger logger;
  bool strict_calls = false;
  // Serializes handlers; null in concurrent mode.
  std::shared_ptr<AsyncLock> lock;
  // At most one protocol error answered and logged per interval.
  std::chrono::steady_clock::duration protocol_error_interval = std::chrono::seconds(1);
};

class SessionCore final : public SessionLink {
 public:
  using ErrorHandler = std::function<void(std::exception_ptr)>;

  SessionCore(boost::asio::any_io_executor executor, SessionConfig config, Sink sink);
  ~SessionCore() override;

  // --- SessionLink (the generated proxies) ---
  Task<WidgetId> create(const ClassInfo& cls, std::string args) override;
  Task<std::string> call(WidgetId widget, const MethodInfo& method, std::string args, ChildChange change) override;
  void listen(WidgetId widget, const CallbackInfo& callback, RawHandler handler) override;
  const std::string* recorded(WidgetId widget, std::uint16_t field) const override;
  const std::string* constructor_args(WidgetId widget) const override;
  std::vector<WidgetId> children(WidgetId widget) const override;

  // --- from the connection ---
  // One binary frame from the browser (a ClientFrame, hello excepted).
  void receive(std::string_view frame);
  // The messages of an already decoded frame, from index `first` on.
  void handle(const pgwidgets::ClientFrame& frame, int first = 0);
  void set_viewport(std::uint32_t width, std::uint32_t height) {
    viewport_width_ = width;
    viewport_height_ = height;
  }
  // The browser is gone: every pending await fails with Disconnected,
  // handlers and timers are dropped. Idempotent.
  void disconnect(const std::string& why);

  // Sends what is queued, closes the connection and disconnects.
  void close_connection(int code, const std::string& reason);

  // Queues the ServerHello (the Application sends it once accepted).
  void send_hello(std::uint32_t protocol_version, std::uint64_t fingerprint);

  // Runs `body` as a handler: under the concurrency lock, detached, with
  // its exception reported (never swallowed).
  void spawn_handler(std::function<Task<>()> body, std::string what);

  // Reports an error with no call site to the error handler or, without
  // one, to the logger; `context` names where it came from ("Button.on_activated
  // handler (widget 5)"), empty when the exception says it already.
  void report(std::exception_ptr error, std::string_view context = {});
  void set_error_handler(ErrorHandler handler) { error_handler_ = std::move(handler); }

  const std::string& id() const { return config_.id; }
  const std::string& token() const { return config_.token; }
  bool connected() const { return connected_; }
  bool strict_calls() const { return config_.strict_calls; }
  void set_strict_calls(bool strict) { config_.strict_calls = strict; }
  std::uint32_t viewport_width() const { return viewport_width_; }
  std::uint32_t viewport_height() const { return viewport_height_; }
  const WidgetStore& store() const { return store_; }
  const boost::asio::any_io_executor& executor() const { return executor_; }
  const Logger& logger() const { return config_.logger; }
  void add_timer(std::weak_ptr<TimerState> timer);
  // A destroyed timer: forgotten, with any whose handles are all gone.
  void remove_timer(const TimerState* timer);
  std::size_t timer_count() const { return timers_.size(); }

  // Counters, for tests and benchmarks.
  std::uint64_t frames_sent() const { return frames_sent_; }
  std::uint64_t bytes_sent() const { return bytes_sent_; }

 private:
  struct Pending;
  using PendingPtr = std::shared_ptr<Pending>;

  void check_connected(std::string_view what) const;
  pgwidgets::ServerFrame& outbox();
  void schedule_flush();
  void flush();
  std::uint32_t next_seq() { return ++seq_; }
  PendingPtr add_pending(std::uint32_t seq, std::string what);
  Task<std::string> wait_reply(PendingPtr pending);
  void apply_effect(WidgetId widget, const MethodInfo& method, const std::string& args, const ChildChange& change);
  void drop_handlers_of_missing_widgets();

  void on_message(const pgwidgets::ClientMessage& message);
  void on_result(std::uint32_t seq, std::string value);
  void on_error(std::uint32_t seq, std::uint32_t widget, std::uint32_t method, std::uint32_t cls,
                std::string message);
  void on_callback(WidgetId widget, std::uint32_t callback, std::string args);
  void protocol_error(std::string message);
  void log(LogLevel level, const std::string& message) const;

  boost::asio::any_io_executor executor_;
  SessionConfig config_;
  Sink sink_;
  ErrorHandler error_handler_;
  WidgetStore store_;
  std::unique_ptr<pgwidgets::ServerFrame> outbox_;
  bool flush_scheduled_ = false;
  bool connected_ = true;
  std::uint32_t seq_ = 0;
  std::map<std::uint32_t, PendingPtr> pending_;
  // (widget, callback) -> handlers, in registration order.
  std::map<std::pair<WidgetId, std::uint32_t>, std::vector<RawHandler>> handlers_;
  std::vector<std::weak_ptr<TimerState>> timers_;
  std::uint32_t viewport_width_ = 0;
  std::uint32_t viewport_height_ = 0;
  std::uint64_t frames_sent_ = 0;
  std::uint64_t bytes_sent_ = 0;
  LogThrottle protocol_error_log_{config_.protocol_error_interval};
  // Lives as long as this object: detached work checks it before touching us.
  std::shared_ptr<bool> alive_ = std::make_shared<bool>(true);
};

}  // namespace pgw::detail
