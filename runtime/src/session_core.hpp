// SessionCore: one session's engine. It implements the SessionLink the
// generated proxies call: it keeps the widget store, queues outgoing
// messages into one frame per event-loop turn, matches replies to pending
// calls, and runs callback handlers under the concurrency lock.
//
// It knows nothing of sockets: the Application gives it a Sink per browser
// to send frames and close the connection, which lets tests drive it in
// memory.
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
#include "outflow.hpp"
#include "pgwidgets/logger.hpp"
#include "pgwidgets/session_link.hpp"
#include "rebuild.hpp"
#include "upload_receiver.hpp"
#include "widget_store.hpp"

namespace pgwidgets {
class ServerFrame;
class ServerMessage;
class ClientFrame;
class ClientMessage;
class ChunkAck;
}  // namespace pgwidgets

namespace pgw::detail {

class TimerState;
class ManualClock;

// Where one browser's frames go.
struct Sink {
  std::function<void(std::string frame)> send;
  std::function<void(int code, std::string reason)> close;
};

// Names a browser attached to the session (the Application's connection id).
using BrowserId = std::uint64_t;

struct SessionConfig {
  std::string id;
  std::string token;
  Logger logger;
  bool strict_calls = false;
  // Serializes handlers; null in concurrent mode.
  std::shared_ptr<AsyncLock> lock;
  // The page's address, for Session::get_url() ("" when not served by us).
  std::string page_url;
  // At most one protocol error answered and logged per interval.
  std::chrono::steady_clock::duration protocol_error_interval = std::chrono::seconds(1);
  // Null: Timers run in real time. The test kit's clock otherwise.
  std::shared_ptr<ManualClock> clock = nullptr;
  // The largest file a FileDialog upload may bring (ApplicationOptions).
  std::uint64_t max_upload_bytes = 64 * 1024 * 1024;
  // Appends, after a joining browser's hello and before its rebuild, what
  // the application gives every page (fonts, the default font, the icon).
  std::function<void(pgwidgets::ServerFrame&)> preamble;
};

// A session outlives its browsers: it holds the widgets, handlers and
// timers, and any number of browsers (0 included) attach and detach. Every
// browser gets the same frames, encoded once; a browser that joins gets the
// whole page rebuilt first. The first-joined browser still attached (the
// primary) answers awaited queries; when it leaves, the queries it had not
// answered fail with Disconnected. With no browser, pipelined calls only
// update the server's copy and awaited queries fail at once.
class SessionCore final : public SessionLink {
 public:
  using ErrorHandler = std::function<void(std::exception_ptr)>;
  // Told once when the session ends (end()), with why.
  using EndHook = std::function<void(const std::string& why)>;

  SessionCore(boost::asio::any_io_executor executor, SessionConfig config);
  ~SessionCore() override;

  // --- SessionLink (the generated proxies) ---
  Task<WidgetId> create(const ClassInfo& cls, std::string args) override;
  Task<WidgetId> create_in(WidgetId owner, const MethodInfo& method, const ClassInfo& cls, std::string args,
                           WidgetId child, const MethodInfo* child_into, std::string child_args) override;
  Task<std::string> call(WidgetId widget, const MethodInfo& method, std::string args, ChildChange change) override;
  void listen(WidgetId widget, const CallbackInfo& callback, RawHandler handler) override;
  const std::string* recorded(WidgetId widget, std::uint32_t field) const override;
  bool holds_items(WidgetId widget, std::uint32_t field) const override;
  std::string collection_answer(WidgetId widget, const MethodInfo& getter, std::string_view request) const override;
  const std::string* constructor_args(WidgetId widget) const override;
  std::vector<WidgetId> children(WidgetId widget) const override;
  std::shared_ptr<ReportWait> expect_report(WidgetId widget, std::uint32_t answer, std::uint32_t cancel) override;
  Task<std::pair<std::uint32_t, std::string>> await_report(std::shared_ptr<ReportWait> wait) override;
  // exec() waits not yet answered (for tests).
  std::size_t report_waits() const;

  // --- browsers ---
  // A browser joins: it is sent the ServerHello (protocol version and
  // schema fingerprint given) and, when the session has widgets, the
  // rebuilt page, before anything else. What was queued before goes to the
  // browsers already attached. Refused (std::logic_error) once ended.
  // `carried`, from message `first` on: what the page held back when its
  // last connection went (typed text, a drag's position), sent with its
  // hello; handled before the rebuild is made, so the rebuilt page shows it.
  void attach(BrowserId browser, Sink sink, std::uint32_t protocol_version, std::uint64_t fingerprint,
              std::uint32_t viewport_width, std::uint32_t viewport_height, bool rejoined,
              const pgwidgets::ClientFrame* carried = nullptr, int first = 0);
  // A browser left (its connection is closed). Idempotent.
  void detach(BrowserId browser, const std::string& why);
  // A page-wide message (a font, open_url) for every browser attached now;
  // dropped when none is (a joining browser gets the preamble instead).
  void send_page_message(const pgwidgets::ServerMessage& message);
  std::size_t browser_count() const { return browsers_.size(); }
  bool has_browser(BrowserId browser) const;

  // One binary frame from a browser (a ClientFrame, hello excepted).
  void receive(BrowserId from, std::string_view frame);
  // The messages of an already decoded frame, from index `first` on.
  void handle(BrowserId from, const pgwidgets::ClientFrame& frame, int first = 0);

  // Ends the session: closes every browser with `code`, fails every pending
  // await with Disconnected, drops the handlers, timers and widgets, and
  // calls the end hook. Later calls throw Disconnected. Idempotent.
  void end(int code, const std::string& why);
  bool ended() const { return ended_; }
  void set_end_hook(EndHook hook) { end_hook_ = std::move(hook); }

  // Runs `body` as a handler: under the concurrency lock, detached, with
  // its exception reported (never swallowed).
  void spawn_handler(std::function<Task<>()> body, std::string what);

  // Reports an error with no call site to the error handler or, without
  // one, to the logger; `context` names where it came from ("Button.on_activated
  // handler (widget 5)"), empty when the exception says it already.
  void report(std::exception_ptr error, std::string_view context = {}) override;
  void set_error_handler(ErrorHandler handler) { error_handler_ = std::move(handler); }

  const std::string& id() const { return config_.id; }
  const std::string& token() const { return config_.token; }
  const std::string& page_url() const { return config_.page_url; }
  // Whether a browser is attached.
  bool connected() const { return !browsers_.empty(); }
  bool strict_calls() const { return config_.strict_calls; }
  void set_strict_calls(bool strict) { config_.strict_calls = strict; }
  // The primary browser's viewport (0x0 with no browser).
  std::uint32_t viewport_width() const { return browsers_.empty() ? 0 : browsers_.front().viewport_width; }
  std::uint32_t viewport_height() const { return browsers_.empty() ? 0 : browsers_.front().viewport_height; }
  const WidgetStore& store() const { return store_; }
  const boost::asio::any_io_executor& executor() const { return executor_; }
  const Logger& logger() const { return config_.logger; }
  const std::shared_ptr<ManualClock>& clock() const { return config_.clock; }
  void add_timer(std::weak_ptr<TimerState> timer);
  // A destroyed timer: forgotten, with any whose handles are all gone.
  void remove_timer(const TimerState* timer);
  std::size_t timer_count() const { return timers_.size(); }
  std::size_t handler_count() const { return handlers_.size(); }
  // The FileDialog `dialog`'s on_upload handler (pgwidgets/upload.hpp).
  void set_upload_handler(WidgetId dialog, UploadHandler handler);
  const UploadReceiver& uploads() const { return *uploads_; }
  // Runs the handlers of callback `callback_id` of `widget` with `args`,
  // as if the browser had fired it (callbacks the server makes: uploads'
  // progress and activated).
  void fire(WidgetId widget, std::uint32_t callback_id, std::string args);
  // The callbacks the server listens to, as a rebuild re-listens them.
  ListenList listens() const;

  // Counters, for Session::stats(): frames and bytes sent to browsers (a
  // frame sent to two browsers counts twice) and received from them, and
  // the size of the last rebuild.
  std::uint64_t frames_sent() const { return frames_sent_; }
  std::uint64_t bytes_sent() const { return bytes_sent_; }
  std::uint64_t frames_received() const { return frames_received_; }
  std::uint64_t bytes_received() const { return bytes_received_; }
  std::size_t pending_calls() const { return pending_.size(); }
  std::uint64_t last_rebuild_bytes() const { return last_rebuild_bytes_; }
  // Streams and chunks, summed over the browsers attached and those gone.
  OutflowStats outflow_stats() const;
  // Frames held back and bytes of chunked messages not yet sent, now.
  std::size_t held_frames() const;
  std::size_t held_bytes() const;
  // A frame that reached the session some other way than receive() (the hello).
  void count_received(std::size_t bytes) {
    ++frames_received_;
    bytes_received_ += bytes;
  }

 private:
  struct Pending;
  using PendingPtr = std::shared_ptr<Pending>;
  struct Browser {
    BrowserId id;
    Sink sink;
    std::uint32_t viewport_width;
    std::uint32_t viewport_height;
    Outflow flow;  // chunks and streams' frames held back for this browser
  };
  // Who gets a queued message: every browser, one, or all but one.
  enum class Route : std::uint8_t { all, only, all_but };
  struct Routing {
    int index;  // in the outbox
    Route route;
    BrowserId browser;
  };

  void check_alive(std::string_view what) const;
  pgwidgets::ServerFrame& outbox();
  pgwidgets::ServerMessage* queue(Route route = Route::all, BrowserId browser = 0);
  void schedule_flush();
  void flush();
  void send_to(Browser& b, std::string frame);
  // Pumps b's outflow into `out` and sends it (when not empty).
  void send_flow(Browser& b, pgwidgets::ServerFrame& out);
  // A call of a `latest_wins` method (never with strict_calls).
  bool stream_frame(const pgwidgets::ServerMessage& m) const;
  // Whether `seq` was a stream's frame sent to `from` (its slot is freed).
  bool stream_answered(BrowserId from, std::uint32_t seq);
  void on_chunk_ack(BrowserId from, const pgwidgets::ChunkAck& ack);
  Browser* find_browser(BrowserId id);
  bool is_primary(BrowserId id) const { return !browsers_.empty() && browsers_.front().id == id; }
  std::uint32_t next_seq() { return ++seq_; }
  PendingPtr add_pending(std::uint32_t seq, std::string what);
  // Resumes the call waiting for `pending`: at once inside a turn, else
  // through the scheduler.
  void wake(PendingPtr pending);
  // A turn is the handling of one frame from a browser: what it queues
  // leaves as it ends, in one frame, not from a handler posted for it.
  class Turn {
   public:
    explicit Turn(SessionCore& core);
    ~Turn();
    Turn(const Turn&) = delete;
    Turn& operator=(const Turn&) = delete;

   private:
    SessionCore& core_;
  };
  Task<std::string> wait_reply(PendingPtr pending);
  void fail_pending(const std::string& why);
  // Resolves the exec() waits on (widget, callback); fails those whose
  // widget is gone, or all with Disconnected when `why` is given.
  Task<std::pair<std::uint32_t, std::string>> wait_for_report(std::shared_ptr<ReportWait> wait);
  void answer_waits(WidgetId widget, std::uint32_t callback, const std::string& args);
  void fail_waits(const std::string* ended_why);
  // Whether the page is told to send `callback` of `widget`: a handler, or
  // an exec() waiting for it.
  bool exec_listened(WidgetId widget, std::uint32_t callback) const;
  void apply_effect(WidgetId widget, const MethodInfo& method, const std::string& args, const ChildChange& change,
                    const SharedBytes& shared);
  void drop_handlers_of_missing_widgets();

  void on_message(BrowserId from, const pgwidgets::ClientMessage& message);
  void on_result(BrowserId from, std::uint32_t seq, std::string value);
  void on_error(BrowserId from, std::uint32_t seq, std::uint32_t widget, std::uint32_t method, std::uint32_t cls,
                std::string message);
  void on_callback(BrowserId from, WidgetId widget, std::uint32_t callback, std::string args);
  void protocol_error(BrowserId to, std::string message);
  void log(LogLevel level, const std::string& message) const;

  boost::asio::any_io_executor executor_;
  SessionConfig config_;
  ErrorHandler error_handler_;
  EndHook end_hook_;
  WidgetStore store_;
  std::unique_ptr<pgwidgets::ServerFrame> outbox_;
  std::vector<Routing> routes_;  // the outbox's messages that do not go to every browser
  // The outbox's Calls whose args are held apart (by index, in order):
  // large requests, shared with the store and sent from there.
  std::vector<std::pair<int, SharedBytes>> shared_args_;
  bool flush_scheduled_ = false;
  int turns_ = 0;  // frames being handled now (Turn)
  bool stream_queued_ = false;  // the outbox holds a latest_wins call
  bool ended_ = false;
  std::vector<Browser> browsers_;  // in join order: front() is the primary
  std::uint32_t seq_ = 0;
  std::map<std::uint32_t, PendingPtr> pending_;  // all asked of the primary
  // (widget, callback) -> handlers, in registration order.
  std::map<std::pair<WidgetId, std::uint32_t>, std::vector<RawHandler>> handlers_;
  std::vector<std::weak_ptr<TimerState>> timers_;
  std::vector<std::weak_ptr<ReportWait>> waits_;  // exec()s in progress
  std::uint64_t frames_sent_ = 0;
  std::uint64_t bytes_sent_ = 0;
  std::uint64_t frames_received_ = 0;
  std::uint64_t bytes_received_ = 0;
  std::uint64_t last_rebuild_bytes_ = 0;
  OutflowStats gone_flows_;  // the counters of browsers that left
  LogThrottle protocol_error_log_{config_.protocol_error_interval};
  std::unique_ptr<UploadReceiver> uploads_;
  // Lives as long as this object: detached work checks it before touching us.
  std::shared_ptr<bool> alive_ = std::make_shared<bool>(true);
};

}  // namespace pgw::detail
