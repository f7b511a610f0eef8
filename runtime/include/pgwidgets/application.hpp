// pgw::Application: the server. It serves the page, accepts browsers and
// gives each a Session; on_connect handlers build the UI.
#pragma once

#include <chrono>
#include <cstddef>
#include <cstdint>
#include <functional>
#include <memory>
#include <string>
#include <string_view>
#include <type_traits>
#include <vector>

#include "pgwidgets/handler.hpp"
#include "pgwidgets/limits.hpp"
#include "pgwidgets/logger.hpp"
#include "pgwidgets/task.hpp"

namespace pgw {

class Session;
namespace detail {
struct ApplicationAccess;
}

// How handlers (on_connect, callbacks, timers) may interleave.
enum class ConcurrencyMode {
  per_session,  // one async lock per session: a session's handlers run one at a time
  serialized,   // one lock for all sessions
  concurrent,   // no lock
};

// "per_session", "serialized" or "concurrent"; throws std::invalid_argument
// naming the valid values otherwise.
ConcurrencyMode parse_concurrency_mode(std::string_view text);
std::string_view to_string(ConcurrencyMode mode) noexcept;

// Application options; designate any subset: Application app({.max_sessions = 4}).
struct ApplicationOptions {
  // Defaults and meanings in pgwidgets/limits.hpp (pgw::Endpoint).
  std::uint16_t ws_port = default_endpoint.ws_port;
  std::uint16_t http_port = default_endpoint.http_port;
  std::string host = default_endpoint.host;
  bool http_server = default_endpoint.http_server;
  ConcurrencyMode concurrency_handling = ConcurrencyMode::per_session;
  // Sessions alive at once, with or without a browser attached.
  int max_sessions = 1;
  // A session with no browser attached lives on this long (a reload or a
  // dropped link rejoins it), then ends: its handlers, timers and widgets
  // are freed and its max_sessions slot opens. 0: it never expires.
  std::chrono::milliseconds session_timeout = std::chrono::seconds(60);
  // Browsers that may show one session at once (each gets the whole page).
  int max_browsers_per_session = 8;
  // Warnings and errors go to stderr by default; quiet_logger() drops all.
  // An empty Logger counts as quiet too.
  Logger logger = stderr_logger(LogLevel::warning);
  // Every call waits for the browser and throws RemoteError at its call
  // site (like XSynchronize): for debugging, slower.
  bool strict_calls = false;
  // Origins allowed to open the WebSocket besides the page's own
  // (scheme://host:port). "*" allows any.
  std::vector<std::string> allowed_origins = {};
  // Names the server may be reached by besides the bound address,
  // localhost and loopback addresses (e.g. a reverse proxy's public name).
  // A request whose Host names anything else gets 403: that is how a
  // DNS-rebinding page shows itself. "*" turns the check off.
  std::vector<std::string> allowed_hosts = {};
  // A WebSocket request without an Origin header (not from a browser) is
  // refused unless this is set.
  bool allow_missing_origin = false;
  // The limits of one connection: each field's default and its meaning are
  // in pgwidgets/limits.hpp (pgw::Limits), written once for the options and
  // the transport. limits() gathers them.
  std::size_t max_frame_bytes = default_limits.max_frame_bytes;
  std::size_t max_send_backlog_bytes = default_limits.max_send_backlog_bytes;
  std::size_t max_bytes_before_hello = default_limits.max_bytes_before_hello;
  std::size_t max_messages_per_frame = default_limits.max_messages_per_frame;
  std::size_t max_callbacks_per_second = default_limits.max_callbacks_per_second;
  std::size_t max_callback_burst = default_limits.max_callback_burst;
  std::size_t max_callbacks_waiting = default_limits.max_callbacks_waiting;
  std::chrono::milliseconds hello_timeout = default_limits.hello_timeout;
  std::chrono::milliseconds ping_interval = default_limits.ping_interval;
  std::chrono::milliseconds ping_timeout = default_limits.ping_timeout;
  std::size_t max_connections = default_limits.max_connections;
  std::size_t max_http_body_bytes = default_limits.max_http_body_bytes;
  // Close the application on SIGINT/SIGTERM while run() is running.
  bool handle_signals = true;
  // The largest file a FileDialog upload may bring, in bytes: a larger one
  // is refused before any byte is sent (the page shows why; the on_upload
  // handler's read() throws pgw::UploadError). Memory does not grow with
  // it: an upload holds at most a window of chunks (protocol.proto,
  // UploadLimit: 4 x 256 KiB) until the program reads them.
  std::uint64_t max_upload_bytes = 64 * 1024 * 1024;
  // Threads that run the sessions. 1 (the default): everything runs on the
  // thread that runs the Application's io_context, and no two handlers of
  // any session ever run at the same time. More: a pool of that many
  // threads runs the sessions, each on its own strand, so different
  // sessions' handlers run in parallel (README, "Threads"); the network,
  // the session registry and the page server stay on the io_context's
  // thread. concurrency_handling still holds: per_session, one session's
  // handlers and timers never run at once; serialized, no two handlers of
  // any session do; concurrent, a session's handlers interleave at their
  // co_awaits but never run on two threads at once.
  int threads = 1;

  // The limit fields above, as the transport takes them.
  Limits limits() const {
    return Limits{max_frame_bytes,       max_send_backlog_bytes, max_bytes_before_hello, max_messages_per_frame,
                  max_callbacks_per_second, max_callback_burst, max_callbacks_waiting,  hello_timeout,
                  ping_interval,         ping_timeout,           max_connections,        max_http_body_bytes};
  }
};

class Application {
 public:
  using ConnectHandler = std::function<Task<>(Session&)>;

  explicit Application(ApplicationOptions options = {});
  ~Application();
  Application(const Application&) = delete;
  Application& operator=(const Application&) = delete;

  // Handlers may be plain functions or coroutines taking Session&.
  template <class F>
  void on_connect(F handler) {
    static_assert(detail::handler_for<F, Session&>,
                  "pgw::Application::on_connect: the handler must take exactly (pgw::Session& session) and "
                  "return void or pgw::Task<>");
    if constexpr (detail::handler_for<F, Session&>) {
      set_connect_handler(detail::adapt_handler<Session&>(std::move(handler)));
    }
  }
  template <class F>
  void on_disconnect(F handler) {
    static_assert(detail::handler_for<F, Session&>,
                  "pgw::Application::on_disconnect: the handler must take exactly (pgw::Session& session) and "
                  "return void or pgw::Task<>");
    if constexpr (detail::handler_for<F, Session&>) {
      set_disconnect_handler(detail::adapt_handler<Session&>(std::move(handler)));
    }
  }

  // Binds the ports (idempotent). After it, ws_port(), http_port() and
  // url() hold the real values.
  Task<> start();
  // Starts if needed and serves until close().
  Task<> run();
  // Ends every session and makes run() return.
  Task<> close();

  std::uint16_t ws_port() const;
  std::uint16_t http_port() const;
  // The page to open: http://HOST:PORT/ (the WebSocket URL when
  // http_server is false).
  std::string url() const;
  // Live sessions, with or without a browser attached.
  std::vector<std::shared_ptr<Session>> sessions() const;
  const ApplicationOptions& options() const;

 private:
  class Impl;  // runtime/src/application_impl.hpp; tests reach it through detail::ApplicationAccess
  friend struct detail::ApplicationAccess;
  void set_connect_handler(ConnectHandler handler);
  void set_disconnect_handler(ConnectHandler handler);

  std::unique_ptr<Impl> impl_;
};

// Runs `main_task` on a new io_context until it finishes, the counterpart
// of asyncio.run. Rethrows what the task threw; returns 0 otherwise.
int run(Task<> main_task);
int run(Task<int> main_task);

}  // namespace pgw
