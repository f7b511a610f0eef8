// pgw::Application: the server. It serves the page, accepts browsers and
// gives each a Session; on_connect handlers build the UI.
#pragma once

#include <chrono>
#include <cstddef>
#include <cstdint>
#include <filesystem>
#include <functional>
#include <optional>
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
  // Several processes behind one proxy (README, "Deploying"). `route` names
  // this process: every session id it mints is "<route>.<hex>", so a proxy
  // sends the session's page and WebSocket (whose URL carries ?session=)
  // here. Letters, digits and '-' only, at most 32; empty (the default):
  // plain hex ids, as with one process.
  std::string route = {};
  // The page's public address behind a proxy ("https://app.example.org/"):
  // Session::get_url() and the startup log use it. Empty: this server's
  // own http://host:http_port/.
  std::string public_url = {};
  // The WebSocket address the page is told: a path ("/ws"), which the page
  // resolves against its own origin (wss: on an https: page), or a whole
  // ws:// or wss:// URL. Empty: ws://<the Host the page came by>:ws_port/.
  std::string public_ws_url = {};
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

// A registered font face's weight ("normal", "bold", "100".."900") and
// style ("normal", "italic", "oblique").
struct FontFace {
  std::string_view weight = "normal";
  std::string_view style = "normal";
};

// The default font's size in points, weight and style (absent / "": the
// theme's).
struct DefaultFont {
  std::optional<double> size;
  std::string_view weight;
  std::string_view style;
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

  // --- the page (pgwidgets' application features) ---
  // Every browser gets these after its hello, so they survive a reload and
  // reach browsers that join later; browsers attached now get them at once.
  //
  // Registers a font face under `family`, from a font file (.ttf, .otf,
  // .woff, .woff2; read now) or its bytes; the HTTP server serves it and
  // widgets use it by family (a widget's set_font, set_default_font).
  // Returns its id. An empty family, an unreadable file, empty bytes or a
  // weight or style not listed in FontFace throw std::invalid_argument.
  int register_font(std::string family, const std::filesystem::path& file, FontFace face = {});
  int register_font(std::string family, std::vector<std::uint8_t> bytes, FontFace face = {});
  // The font every widget uses unless set otherwise; "" goes back to the
  // theme's. A size that is not positive throws std::invalid_argument.
  void set_default_font(std::string family, DefaultFont font = {});
  // Opens `url` (http:, https: or a path on this server, "/...") in a new
  // tab or window of every session's browsers (Session::open_url: one
  // session's). Anything else (javascript:, data:) throws
  // std::invalid_argument. A browser that blocks the popup shows a link.
  void open_url(std::string url);
  // The page's icon (served as /favicon.ico and /favicon.svg): an image
  // file (SVG, PNG, ICO, ...; read now) or its bytes. Pages already open
  // change to it.
  void set_favicon(const std::filesystem::path& file);
  void set_favicon(std::vector<std::uint8_t> bytes);
  // Serves `fs_path` at `url_path` ("/media/clip.webm"): a file, or a
  // directory whose files are served under `url_path` + "/". A request
  // leaving the directory (.., a symlink out) gets 404. The page's own
  // paths ("/", "/index.html", "/pgwidgets.*", "/favicon.*",
  // "/_pgwidgets/...") and a path not starting with "/" throw
  // std::invalid_argument; so does a fs_path that does not exist.
  void serve_file(std::string url_path, const std::filesystem::path& fs_path);

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
