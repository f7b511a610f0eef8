#include "pgwidgets/application.hpp"

#include <csignal>
#include <stdexcept>

#include <boost/asio/as_tuple.hpp>
#include <boost/asio/co_spawn.hpp>
#include <boost/asio/detached.hpp>
#include <boost/asio/io_context.hpp>
#include <boost/asio/post.hpp>
#include <boost/asio/signal_set.hpp>
#include <boost/asio/strand.hpp>
#include <boost/asio/this_coro.hpp>
#include <boost/asio/use_awaitable.hpp>

#include "application_impl.hpp"
#include "http_pages.hpp"
#include "session_access.hpp"
#include "session_identity.hpp"
#include "pgwidgets/protocol.pb.h"
#include "pgwidgets/schema_info.hpp"
#include "package_check.hpp"
#include "pgwidgets/schema_registry.hpp"

namespace pgw {

namespace asio = boost::asio;

ConcurrencyMode parse_concurrency_mode(std::string_view text) {
  if (text == "per_session") return ConcurrencyMode::per_session;
  if (text == "serialized") return ConcurrencyMode::serialized;
  if (text == "concurrent") return ConcurrencyMode::concurrent;
  throw std::invalid_argument("pgwidgets: unknown concurrency mode \"" + std::string(text) +
                              "\" (expected per_session, serialized or concurrent)");
}

std::string_view to_string(ConcurrencyMode mode) noexcept {
  switch (mode) {
    case ConcurrencyMode::per_session: return "per_session";
    case ConcurrencyMode::serialized: return "serialized";
    case ConcurrencyMode::concurrent: return "concurrent";
  }
  return "unknown";
}

namespace {

// A host a browser can reach: a wildcard bind address is reached at loopback.
std::string reachable_host(const std::string& bind_host) {
  return (bind_host == "0.0.0.0" || bind_host == "::") ? "127.0.0.1" : bind_host;
}

// allowed_hosts, and public_url's host: the name the proxy forwards.
std::vector<std::string> hosts_with_public(const ApplicationOptions& options) {
  auto hosts = options.allowed_hosts;
  const std::string origin = detail::origin_of(options.public_url);
  if (!origin.empty()) {
    const std::string host = detail::host_of(origin.substr(origin.find("://") + 3));
    if (!host.empty()) hosts.push_back(host);
  }
  return hosts;
}

std::string hex64(std::uint64_t v) {
  std::string out(16, '0');
  for (int i = 15; i >= 0; --i, v >>= 4) out[i] = "0123456789abcdef"[v & 0xf];
  return out;
}

// An on_connect/on_disconnect handler's run, its handler and session
// owned by the coroutine's own frame (parameters by value), not captured
// by a coroutine lambda written inside another lambda (see end_for_close).
Task<> run_session_handler(Application::ConnectHandler handler, std::shared_ptr<Session> session) {
  co_await handler(*session);
}

// Ends a session on its strand (close() with threads > 1). A function, not
// a lambda with captures written inside close()'s co_await expression:
// g++ 12 destroys such a lambda twice (README, "g++ 12"), and each
// session's shared_ptr was released once too often (a SIGSEGV in close()).
Task<> end_for_close(std::shared_ptr<Session> session) {
  detail::SessionAccess::core(*session).end(1001, "the application is closing");
  co_return;
}

}  // namespace

// --- Impl ------------------------------------------------------------------------------

Application::Impl::Impl(ApplicationOptions opts)
    : options(std::move(opts)),
      logger_(detail::escaping_logger(options.logger)),
      hosts_(options.host, hosts_with_public(options)) {
  // Two widget packages with colliding ids: a build mistake, said at once.
  if (!detail::registry_error().empty()) throw std::logic_error(detail::registry_error());
  if (options.threads < 1) throw std::invalid_argument("pgwidgets: threads must be at least 1");
  if (options.max_sessions < 1) throw std::invalid_argument("pgwidgets: max_sessions must be at least 1");
  if (options.max_browsers_per_session < 1) {
    throw std::invalid_argument("pgwidgets: max_browsers_per_session must be at least 1");
  }
  if (options.session_timeout.count() < 0) {
    throw std::invalid_argument("pgwidgets: session_timeout must not be negative (0 keeps sessions forever)");
  }
  if (options.max_messages_per_frame < 1) {
    throw std::invalid_argument("pgwidgets: max_messages_per_frame must be at least 1");
  }
  if (options.max_callbacks_per_second < 1) {
    throw std::invalid_argument("pgwidgets: max_callbacks_per_second must be at least 1");
  }
  if (options.max_callback_burst < 1) {
    throw std::invalid_argument("pgwidgets: max_callback_burst must be at least 1");
  }
  if (!options.route.empty() && !detail::valid_route(options.route)) {
    throw std::invalid_argument("pgwidgets: route \"" + options.route + "\" may hold only letters, digits and '-', "
                                "at most " + std::to_string(detail::max_route_chars) +
                                " of them (it starts every session id: \"<route>.<hex>\")");
  }
  if (auto why = detail::public_url_error(options.public_url, {"http://", "https://"}); !why.empty()) {
    throw std::invalid_argument("pgwidgets: public_url \"" + options.public_url + "\" " + why);
  }
  if (auto why = detail::public_url_error(options.public_ws_url, {"/", "ws://", "wss://"}); !why.empty()) {
    throw std::invalid_argument("pgwidgets: public_ws_url \"" + options.public_ws_url + "\" " + why);
  }
  factory_ = [](asio::io_context& io, transport::ServerConfig config, transport::Listener& listener, Logger logger) {
    return transport::make_websocketpp_server(io, std::move(config), listener, std::move(logger));
  };
}

template <class F>
void Application::Impl::on_session(const std::shared_ptr<Session>& session, F&& f) {
  if (!pool_) {
    f();
    return;
  }
  asio::post(detail::SessionAccess::core(*session).executor(), std::forward<F>(f));
}

template <class F>
void Application::Impl::on_app(F&& f) {
  if (!pool_) {
    f();
    return;
  }
  if (!alive_) return;  // being destroyed: the pool is joined, nothing is told
  asio::post(*executor_, [alive = std::weak_ptr<bool>(alive_), f = std::forward<F>(f)]() mutable {
    if (alive.lock()) f();
  });
}

void Application::Impl::forget_session(const std::string& sid) {
  {
    std::lock_guard<std::mutex> hold(sessions_mutex);
    sessions.erase(sid);
  }
  expiry_.erase(sid);
  attached_.erase(sid);
}

Application::Impl::~Impl() {
  if (pool_) {
    // Nothing runs on the pool from here: the sessions are ended on this
    // thread, as with one thread.
    pool_->stop();
    pool_->join();
    alive_.reset();
  }
  auto live = sessions;  // ending a session takes it out of `sessions`
  for (auto& [id, s] : live) detail::SessionAccess::core(*s).end(1001, "application destroyed");
  if (server_) server_->stop();
}

void Application::Impl::log(LogLevel level, const std::string& message) const {
  if (logger_) logger_(level, message);
}

Task<> Application::Impl::start() {
  if (started_) co_return;
  auto executor = co_await asio::this_coro::executor;
  auto* io_executor = executor.target<asio::io_context::executor_type>();
  if (io_executor == nullptr) {
    throw std::logic_error("pgwidgets: Application must run on an io_context (use pgw::run)");
  }
  executor_ = executor;
  closed_ = std::make_unique<asio::steady_timer>(executor, asio::steady_timer::time_point::max());
  if (options.threads > 1) pool_ = std::make_unique<asio::thread_pool>(static_cast<std::size_t>(options.threads));
  if (options.concurrency_handling == ConcurrencyMode::serialized) {
    // With a pool, sessions on different threads take it: the shared kind.
    global_lock_ = pool_ ? std::make_shared<detail::AsyncLock>(executor, detail::AsyncLock::shared)
                         : std::make_shared<detail::AsyncLock>(executor);
  }
  transport::ServerConfig config;
  config.host = options.host;
  config.ws_port = options.ws_port;
  config.http_port = options.http_port;
  config.http_server = options.http_server;
  static_cast<Limits&>(config) = options.limits();
  config.accept_origin = [this](const transport::ConnectInfo& info) { return accept_origin(info); };
  config.http_handler = [this](const transport::HttpRequest& request) { return serve_http(request); };
  server_ = factory_(io_executor->context(), std::move(config), *this, logger_);
  server_->start();
  started_ = true;
  if (!options.http_server && options.allowed_origins.empty()) {
    log(LogLevel::warning, "http_server is off and allowed_origins is empty: any origin may connect");
  }
  warn_if_exposed();
  log(LogLevel::info, std::string(options.http_server ? "serving the page at " : "serving the WebSocket at ") +
                          (options.http_server ? "http://" : "ws://") + reachable_host(options.host) + ":" +
                          std::to_string(options.http_server ? server_->http_port() : server_->ws_port()) + "/");
}

Task<> Application::Impl::run() {
  co_await start();
  std::optional<asio::signal_set> signals;
  if (options.handle_signals) {
    signals.emplace(*executor_, SIGINT, SIGTERM);
    signals->async_wait([this](boost::system::error_code ec, int signal) {
      if (ec) return;
      log(LogLevel::info, "signal " + std::to_string(signal) + ": closing");
      asio::co_spawn(*executor_, close(), asio::detached);
    });
  }
  if (!closing_) co_await closed_->async_wait(asio::as_tuple(asio::use_awaitable));
  if (signals) signals->cancel();
}

Task<> Application::Impl::close() {
  if (closing_) co_return;
  closing_ = true;
  auto live = sessions;
  for (auto& [id, session] : live) {
    if (!pool_) {
      detail::SessionAccess::core(*session).end(1001, "the application is closing");
      continue;
    }
    // Ended on its strand; its browsers' closes are posted here before
    // this coroutine resumes, so they go out before the server stops.
    co_await asio::co_spawn(detail::SessionAccess::core(*session).executor(), end_for_close(session),
                            asio::use_awaitable);
  }
  if (server_) server_->stop();
  if (global_lock_) global_lock_->cancel();
  if (closed_) closed_->cancel();
}

bool Application::Impl::accept_origin(const transport::ConnectInfo& info) {
  const auto refuse = [&](const std::string& why) {
    if (auto held = refusal_log_.pass()) {
      log(LogLevel::warning, "refused a WebSocket from " + info.remote + ": " + why + detail::LogThrottle::suffix(*held));
    }
    return false;
  };
  if (!hosts_.allows_host(info.host)) {
    return refuse("Host \"" + info.host + "\" is not this server (add it to allowed_hosts if it is)");
  }
  if (info.origin.empty()) {
    if (options.allow_missing_origin) return true;
    return refuse("no Origin header (set allow_missing_origin for clients that are not browsers)");
  }
  for (const auto& allowed : options.allowed_origins) {
    if (allowed == "*" || allowed == info.origin) return true;
  }
  // The page as the proxy serves it (public_url) is our own page.
  if (!options.public_url.empty() && detail::origin_of(options.public_url) == info.origin) return true;
  if (!options.http_server) {
    if (options.allowed_origins.empty()) return true;
  } else if (hosts_.is_own_origin(info.origin, server_->http_port())) {
    // Our own page, under a name the Host check accepts: the names come
    // from the configuration, not from this request.
    return true;
  }
  return refuse("origin " + info.origin + " is not allowed (add it to allowed_origins to allow it)");
}

transport::HttpResponse Application::Impl::serve_http(const transport::HttpRequest& request) {
  if (!hosts_.allows_host(request.host)) {
    if (auto held = refusal_log_.pass()) {
      log(LogLevel::warning, "refused HTTP " + request.method + " " + request.resource + ": Host \"" + request.host +
                                 "\" is not this server (add it to allowed_hosts if it is)" +
                                 detail::LogThrottle::suffix(*held));
    }
    transport::HttpResponse response;
    response.status = 403;
    response.body = "403 forbidden: this server is not reached by that name\n";
    return response;
  }
  if (request.method == "GET" || request.method == "HEAD") {
    if (auto ours = extras->serve(std::string_view(request.resource).substr(0, request.resource.find('?')))) {
      return std::move(*ours);
    }
  }
  return detail::serve_http(request, reachable_host(options.host), server_->ws_port(), options.public_ws_url);
}

void Application::Impl::warn_if_exposed() {
  if (hosts_.loopback_only() || !options.allowed_hosts.empty() || !options.allowed_origins.empty()) return;
  log(LogLevel::warning, "listening on " + options.host +
                             ", which is not a loopback address, with neither allowed_hosts nor allowed_origins: "
                             "anyone who can reach this machine can open the page and get a session with no "
                             "credential, and with it everything the application's UI can do");
}

std::shared_ptr<detail::AsyncLock> Application::Impl::lock_for_new_session(const asio::any_io_executor& executor) {
  switch (options.concurrency_handling) {
    case ConcurrencyMode::per_session: return std::make_shared<detail::AsyncLock>(executor);
    case ConcurrencyMode::serialized: return global_lock_;
    case ConcurrencyMode::concurrent: return nullptr;
  }
  return nullptr;
}

void Application::Impl::on_open(transport::ConnectionId id, const transport::ConnectInfo& info) {
  log(LogLevel::debug, "connection " + std::to_string(id) + " from " + info.remote);
  connections_[id] = Connection{};
}

std::optional<std::size_t> Application::Impl::events_within_limits(transport::ConnectionId id,
                                                                   std::string_view bytes) {
  const auto count = detail::count_messages(bytes, options.max_messages_per_frame);
  if (!count) return 0;  // malformed: the session says so
  if (count->messages <= options.max_messages_per_frame) return count->events;
  log(LogLevel::warning, "connection " + std::to_string(id) + " sent a frame of more than max_messages_per_frame (" +
                             std::to_string(options.max_messages_per_frame) + ") messages; refused it and closing (1008)");
  server_->close(id, 1008, "too much work in one frame");
  return std::nullopt;
}

void Application::Impl::deliver(const std::shared_ptr<Session>& session, transport::ConnectionId id,
                                std::string_view bytes) {
  if (!pool_) {
    detail::SessionAccess::core(*session).receive(id, bytes);
    return;
  }
  on_session(session, [session, id, frame = std::string(bytes)] { detail::SessionAccess::core(*session).receive(id, frame); });
}

void Application::Impl::pace(transport::ConnectionId id, Connection& connection, std::string_view bytes) {
  // Over a limit, the connection is closing: websocketpp delivers nothing
  // more from it, and on_close ends the session.
  const auto events = events_within_limits(id, bytes);
  if (!events) return;
  auto session = connection.session;  // the frame's handlers may end it
  const bool was_waiting = connection.pacer->waiting();
  switch (connection.pacer->offer(bytes, *events)) {
    case detail::CallbackPacer::Verdict::now:
      deliver(session, id, bytes);
      return;
    case detail::CallbackPacer::Verdict::waits:
      if (was_waiting) return;  // the timer is armed for the first waiting frame
      if (auto held = connection.pacing_log.pass()) {
        log(LogLevel::warning, "connection " + std::to_string(id) + " sends events faster than max_callbacks_per_second (" +
                                   std::to_string(options.max_callbacks_per_second) + ") after a burst of " +
                                   std::to_string(options.max_callback_burst) +
                                   ": its frames wait and are handled at that rate" +
                                   detail::LogThrottle::suffix(*held));
      }
      arm_pacing(id, connection);
      return;
    case detail::CallbackPacer::Verdict::flood:
      log(LogLevel::warning, "connection " + std::to_string(id) + " sent events far faster than a person can: more than "
                                 "max_callbacks_waiting (" + std::to_string(options.max_callbacks_waiting) +
                                 ") events or max_frame_bytes (" + std::to_string(options.max_frame_bytes) +
                                 ") bytes waiting; dropped them and closing (1008)");
      connection.flooded = true;
      connection.pacer->drain();
      connection.pacing.reset();
      server_->close(id, 1008, "Too many events: far more than a person can send.");
      return;
  }
}

void Application::Impl::arm_pacing(transport::ConnectionId id, Connection& connection) {
  const auto due = connection.pacer->next_due();
  if (!due) return;
  if (!connection.pacing) connection.pacing = std::make_unique<asio::steady_timer>(*executor_);
  connection.pacing->expires_after(*due);
  connection.pacing->async_wait([this, id](boost::system::error_code ec) {
    if (!ec) pace_due(id);  // else cancelled: the connection closed
  });
}

void Application::Impl::pace_due(transport::ConnectionId id) {
  for (;;) {
    auto it = connections_.find(id);
    if (it == connections_.end() || it->second.flooded) return;
    auto frame = it->second.pacer->pop();
    if (!frame) {
      arm_pacing(id, it->second);
      return;
    }
    auto session = it->second.session;
    deliver(session, id, *frame);
  }
}

void Application::Impl::on_message(transport::ConnectionId id, std::string_view bytes) {
  auto it = connections_.find(id);
  if (it == connections_.end() || it->second.flooded) return;
  if (!it->second.session) {
    on_hello(id, bytes);
    return;
  }
  pace(id, it->second, bytes);
}

void Application::Impl::on_hello(transport::ConnectionId id, std::string_view bytes) {
  pgwidgets::ClientFrame frame;
  const bool parsed = frame.ParseFromArray(bytes.data(), static_cast<int>(bytes.size()));
  if (!parsed || frame.messages_size() == 0 || !frame.messages(0).has_hello()) {
    if (auto held = refusal_log_.pass()) {
      log(LogLevel::warning, "connection " + std::to_string(id) + ": the first frame is not a hello" +
                                 detail::LogThrottle::suffix(*held));
    }
    server_->close(id, pgwidgets::CLOSE_CODE_MISMATCH, "pgwidgets: expected a hello frame");
    return;
  }
  const auto& hello = frame.messages(0).hello();
  if (const std::string differs = detail::package_mismatch(hello); !differs.empty()) {
    // The page was built with other widget packages than this program.
    const std::string reason = differs + " Reload the page.";
    log(LogLevel::warning, "connection " + std::to_string(id) + " refused: " + reason);
    server_->close(id, pgwidgets::CLOSE_CODE_MISMATCH, reason.substr(0, 120));  // a close reason holds 123 bytes
    return;
  }
  if (hello.protocol_version() != pgwidgets::PROTOCOL_VERSION_CURRENT ||
      hello.schema_fingerprint() != detail::schema_fingerprint) {
    const std::string reason = "This page was built for another version of the application (protocol " +
                               std::to_string(hello.protocol_version()) + ", schema " +
                               hex64(hello.schema_fingerprint()) + "; the server has protocol " +
                               std::to_string(pgwidgets::PROTOCOL_VERSION_CURRENT) + ", schema " +
                               hex64(detail::schema_fingerprint) + "). Reload the page.";
    log(LogLevel::warning, "connection " + std::to_string(id) + " refused: " + reason);
    server_->close(id, pgwidgets::CLOSE_CODE_MISMATCH, reason.substr(0, 120));  // a close reason holds 123 bytes
    return;
  }
  if (closing_) {
    server_->close(id, 1001, "the application is closing");
    return;
  }
  // A well-formed hello: the connection is past its pre-hello limits, and
  // its pacing starts. The messages sent with the hello count too.
  server_->admit(id);
  auto& connection = connections_[id];
  connection.pacer.emplace(detail::CallbackPacer::Limits::of(options.limits()));
  const auto events = events_within_limits(id, bytes);
  if (!events) return;
  connection.pacer->spend(*events);
  if (!hello.session_id().empty()) {
    auto known = sessions.find(hello.session_id());
    if (known != sessions.end()) {
      auto session = known->second;
      if (!detail::same_secret(hello.token(), detail::SessionAccess::core(*session).token())) {
        log(LogLevel::warning, "connection " + std::to_string(id) + " refused: wrong token for session " +
                                   session->id());
        server_->close(id, pgwidgets::CLOSE_CODE_REJECTED,
                       "The session's token does not match: this link or page may not join it.");
        return;
      }
      const auto limit = static_cast<std::size_t>(options.max_browsers_per_session);
      const std::size_t browsers =
          pool_ ? attached_[session->id()] : detail::SessionAccess::core(*session).browser_count();
      if (browsers >= limit) {
        const std::string reason = "Session full: " + std::to_string(limit) +
                                   " browsers show it already (max_browsers_per_session = " +
                                   std::to_string(limit) + ").";
        log(LogLevel::warning, "connection " + std::to_string(id) + " refused: " + reason);
        server_->close(id, pgwidgets::CLOSE_CODE_SERVER_FULL, reason);
        return;
      }
      join(id, session, frame, true);
      return;
    }
    // An unknown or expired id: a new session, as if none was asked for.
    // The id is the browser's text: logged only when it has an id's form.
    const bool id_like = detail::is_session_id(hello.session_id());
    log(LogLevel::info, "connection " + std::to_string(id) + " asked for " +
                            (id_like ? "session " + hello.session_id() + ", which does not exist (expired?)"
                                     : std::string("a malformed session id")) +
                            ": starting a new session");
  }
  if (static_cast<int>(sessions.size()) >= options.max_sessions && !evict_detached()) {
    const std::string reason = "Server full: all " + std::to_string(options.max_sessions) + " of " +
                               std::to_string(options.max_sessions) + " sessions are in use (max_sessions = " +
                               std::to_string(options.max_sessions) + ").";
    log(LogLevel::warning, "connection " + std::to_string(id) + " refused: " + reason);
    server_->close(id, pgwidgets::CLOSE_CODE_SERVER_FULL, reason);
    return;
  }
  auto session = new_session();
  log(LogLevel::info, "session " + session->id() + " started (" + std::to_string(sessions.size()) + " of " +
                          std::to_string(options.max_sessions) + ")");
  join(id, session, frame, false);
  if (connect_handler) {
    auto handler = connect_handler;
    on_session(session, [handler, session] {
      detail::SessionAccess::core(*session).spawn_handler([handler, session] { return run_session_handler(handler, session); },
                                                          "on_connect handler");
    });
  }
}

std::string Application::Impl::page_url() const {
  if (!options.public_url.empty()) return options.public_url;
  if (!options.http_server || !server_) return "";
  return "http://" + reachable_host(options.host) + ":" + std::to_string(server_->http_port()) + "/";
}

std::shared_ptr<Session> Application::Impl::new_session() {
  std::string sid;
  do {
    sid = detail::new_session_id(options.route);
  } while (sessions.count(sid));
  // With a pool, the session's own strand: its handlers, timers and
  // replies run there, one at a time, on any of the pool's threads.
  const asio::any_io_executor executor =
      pool_ ? asio::any_io_executor(asio::make_strand(pool_->get_executor())) : *executor_;
  detail::SessionConfig config{sid, detail::random_hex(detail::token_bytes), logger_, options.strict_calls,
                               lock_for_new_session(executor), page_url()};
  config.max_upload_bytes = options.max_upload_bytes;
  config.preamble = [extras = extras](pgwidgets::ServerFrame& frame) { extras->preamble(frame); };
  std::shared_ptr<detail::SessionCore> core;
  if (!pool_) {
    core = std::make_shared<detail::SessionCore>(executor, std::move(config));
  } else {
    // The last reference may go on any thread (the network's, when a
    // connection closes): the core is destroyed on its strand, after the
    // work already posted there, never beside it.
    core = std::shared_ptr<detail::SessionCore>(
        new detail::SessionCore(executor, std::move(config)), [executor](detail::SessionCore* dying) {
          asio::post(executor, [owned = std::unique_ptr<detail::SessionCore>(dying)] {});
        });
  }
  auto session = detail::SessionAccess::make(core);
  // Told when the session ends, whoever ends it (timeout, close()).
  core->set_end_hook([this, sid](const std::string& why) {
    on_app([this, sid, why] {
      forget_session(sid);
      log(LogLevel::info, "session " + sid + " ended: " + why);
    });
  });
  {
    std::lock_guard<std::mutex> hold(sessions_mutex);
    sessions[sid] = session;
  }
  return session;
}

void Application::Impl::join(transport::ConnectionId id, const std::shared_ptr<Session>& session,
                             const pgwidgets::ClientFrame& frame, bool rejoined) {
  expiry_.erase(session->id());  // a browser is back: the session stays
  if (pool_) ++attached_[session->id()];
  detail::Sink sink{
      [this, id](std::string bytes) {
        on_app([this, id, bytes = std::move(bytes)]() mutable {
          if (server_) server_->send(id, std::move(bytes));
        });
      },
      [this, id](int code, std::string reason) {
        on_app([this, id, code, reason = std::move(reason)] {
          if (server_) server_->close(id, code, reason);
        });
      }};
  connections_[id].session = session;
  if (!pool_) {
    attach(id, session, std::move(sink), frame, rejoined);
    return;
  }
  on_session(session, [this, id, session, sink = std::move(sink),
                       frame = std::make_shared<pgwidgets::ClientFrame>(frame), rejoined]() mutable {
    if (detail::SessionAccess::core(*session).ended()) {
      // It ended on its own strand (Session::close()) as this browser came.
      sink.close(1001, "the session ended");
      return;
    }
    attach(id, session, std::move(sink), *frame, rejoined);
  });
}

void Application::Impl::attach(transport::ConnectionId id, const std::shared_ptr<Session>& session, detail::Sink sink,
                               const pgwidgets::ClientFrame& frame, bool rejoined) {
  const auto& hello = frame.messages(0).hello();
  auto& core = detail::SessionAccess::core(*session);
  core.count_received(frame.ByteSizeLong());  // the hello's frame, as received
  // The rest of the first frame: on a rejoin, what the page held back when
  // its last connection to this session went, recorded before the rebuild.
  core.attach(id, std::move(sink), pgwidgets::PROTOCOL_VERSION_CURRENT, detail::schema_fingerprint,
              hello.viewport().width(), hello.viewport().height(), rejoined, rejoined ? &frame : nullptr, 1);
  if (rejoined) return;
  // A new session has no widgets yet: callbacks for one that ended are
  // dropped; the rest (a viewport) is handled after the hello.
  pgwidgets::ClientFrame rest;
  int dropped = 0;
  for (int i = 1; i < frame.messages_size(); ++i) {
    if (frame.messages(i).has_callback()) {
      ++dropped;
    } else {
      *rest.add_messages() = frame.messages(i);
    }
  }
  if (dropped > 0) {
    log(LogLevel::debug, "connection " + std::to_string(id) + ": dropped " + std::to_string(dropped) +
                             " callbacks sent with the hello for a session that has ended");
  }
  core.handle(id, rest);
}

void Application::Impl::arm_expiry(const std::shared_ptr<Session>& session) {
  const std::string sid = session->id();
  if (pool_) {
    // Told from the session's strand: a browser may have come back, or
    // the session ended, since.
    const auto browsers = attached_.find(sid);
    if (!sessions.count(sid) || (browsers != attached_.end() && browsers->second > 0)) return;
  } else if (detail::SessionAccess::core(*session).ended()) {
    return;
  }
  Detached detached{std::chrono::steady_clock::now(), nullptr};
  if (options.session_timeout.count() != 0) {
    detached.timer = std::make_unique<asio::steady_timer>(*executor_, options.session_timeout);
    std::weak_ptr<Session> weak = session;
    detached.timer->async_wait([this, weak](boost::system::error_code ec) {
      if (ec) return;  // cancelled: a browser came back, or the session ended
      auto s = weak.lock();
      if (!s) return;
      const std::string why = "no browser for " + std::to_string(options.session_timeout.count()) + " ms";
      if (!pool_) {
        if (detail::SessionAccess::core(*s).connected()) return;
        detail::SessionAccess::core(*s).end(1001, why);
        return;
      }
      const auto browsers = attached_.find(s->id());
      if (browsers != attached_.end() && browsers->second > 0) return;
      forget_session(s->id());  // its slot is free now; it ends on its strand
      on_session(s, [s, why] { detail::SessionAccess::core(*s).end(1001, why); });
    });
  }
  expiry_[sid] = std::move(detached);
}

bool Application::Impl::evict_detached() {
  // A session kept for a reload yields to a visitor who is here now:
  // pgwidgets frees a slot when its browser leaves; we keep the session
  // until its slot is wanted, oldest-detached first.
  auto oldest = expiry_.end();
  for (auto it = expiry_.begin(); it != expiry_.end(); ++it) {
    if (oldest == expiry_.end() || it->second.since < oldest->second.since) oldest = it;
  }
  if (oldest == expiry_.end()) return false;
  auto found = sessions.find(oldest->first);
  if (found == sessions.end()) {  // cannot happen: the end hook erases both
    expiry_.erase(oldest);
    return evict_detached();
  }
  auto session = found->second;  // end() erases it from `sessions`
  const std::string why = "its max_sessions slot (" + std::to_string(options.max_sessions) +
                          ") went to a new visitor while no browser showed it";
  if (!pool_) {
    detail::SessionAccess::core(*session).end(1001, why);
    return true;
  }
  forget_session(session->id());  // the slot is free at once; the session ends on its strand
  on_session(session, [session, why] { detail::SessionAccess::core(*session).end(1001, why); });
  return true;
}

void Application::Impl::on_close(transport::ConnectionId id, int code, const std::string& reason) {
  auto it = connections_.find(id);
  if (it == connections_.end()) return;
  auto session = it->second.session;
  // Frames that waited for the rate are what the person did before leaving
  // (a page sends what it held back as it goes): recorded, not dropped.
  // A flood's were dropped when it was refused.
  std::deque<std::string> waiting;
  if (it->second.pacer && !it->second.flooded) waiting = it->second.pacer->drain();
  connections_.erase(it);
  if (!session) return;
  if (pool_) {
    const auto browsers = attached_.find(session->id());
    if (browsers != attached_.end() && browsers->second > 0) --browsers->second;
  }
  on_session(session, [this, session, id, code, reason, waiting = std::move(waiting)] {
    auto& core = detail::SessionAccess::core(*session);
    for (const std::string& frame : waiting) core.receive(id, frame);
    const bool attached = core.has_browser(id);
    core.detach(id, "connection closed (" + std::to_string(code) + (reason.empty() ? "" : " " + reason) + ")");
    if (disconnect_handler && (attached || core.ended())) {
      auto handler = disconnect_handler;
      // Like every handler: under the concurrency lock, its errors reported.
      core.spawn_handler([handler, session] { return run_session_handler(handler, session); }, "on_disconnect handler");
    }
    if (!core.ended() && !core.connected()) on_app([this, session] { arm_expiry(session); });
  });
}

// --- Application -------------------------------------------------------------------------

Application::Application(ApplicationOptions options) : impl_(std::make_unique<Impl>(std::move(options))) {}
Application::~Application() = default;

void Application::set_connect_handler(ConnectHandler handler) { impl_->connect_handler = std::move(handler); }
void Application::set_disconnect_handler(ConnectHandler handler) { impl_->disconnect_handler = std::move(handler); }

Task<> Application::start() { return impl_->start(); }
Task<> Application::run() { return impl_->run(); }
Task<> Application::close() { return impl_->close(); }

std::uint16_t Application::ws_port() const {
  if (!impl_->server()) throw std::logic_error("pgwidgets: Application::ws_port() before start()");
  return impl_->server()->ws_port();
}

std::uint16_t Application::http_port() const {
  if (!impl_->server()) throw std::logic_error("pgwidgets: Application::http_port() before start()");
  return impl_->server()->http_port();
}

std::string Application::url() const {
  const auto& o = impl_->options;
  const std::string host = reachable_host(o.host);
  if (!o.http_server) return "ws://" + host + ":" + std::to_string(ws_port()) + "/";
  return "http://" + host + ":" + std::to_string(http_port()) + "/";
}

std::vector<std::shared_ptr<Session>> Application::Impl::session_list() const {
  std::vector<std::shared_ptr<Session>> out;
  std::lock_guard<std::mutex> hold(sessions_mutex);
  out.reserve(sessions.size());
  for (const auto& [id, s] : sessions) out.push_back(s);
  return out;
}

std::vector<std::shared_ptr<Session>> Application::sessions() const { return impl_->session_list(); }

const ApplicationOptions& Application::options() const { return impl_->options; }

void Application::Impl::broadcast(const pgwidgets::ServerMessage& message) {
  if (!pool_) {
    for (auto& [id, session] : sessions) detail::SessionAccess::core(*session).send_page_message(message);
    return;
  }
  // Called from any thread (a handler on its session's strand, main before
  // run()): each session sends on its own strand, all sharing one copy.
  auto shared = std::make_shared<const pgwidgets::ServerMessage>(message);
  for (auto& session : session_list()) {
    on_session(session, [session, shared] { detail::SessionAccess::core(*session).send_page_message(*shared); });
  }
}

int Application::register_font(std::string family, const std::filesystem::path& file, FontFace face) {
  std::string bytes = detail::read_page_file(file, "register_font: font file");
  const std::string_view by_name = detail::content_type_for(file);
  std::string mime(by_name.rfind("font/", 0) == 0 ? by_name : detail::font_mime(bytes));
  int id = 0;
  impl_->broadcast(impl_->extras->add_font(std::move(family), std::move(bytes), std::move(mime), face.weight, face.style, id));
  return id;
}

int Application::register_font(std::string family, std::vector<std::uint8_t> bytes, FontFace face) {
  std::string data(bytes.begin(), bytes.end());
  std::string mime(detail::font_mime(data));
  int id = 0;
  impl_->broadcast(impl_->extras->add_font(std::move(family), std::move(data), std::move(mime), face.weight, face.style, id));
  return id;
}

void Application::set_default_font(std::string family, DefaultFont font) {
  impl_->broadcast(impl_->extras->set_default_font(std::move(family), font));
}

void Application::open_url(std::string url) { impl_->broadcast(detail::open_url_message(url)); }

void Application::set_favicon(const std::filesystem::path& file) {
  impl_->broadcast(impl_->extras->set_favicon(detail::read_page_file(file, "set_favicon: image file")));
}

void Application::set_favicon(std::vector<std::uint8_t> bytes) {
  impl_->broadcast(impl_->extras->set_favicon(std::string(bytes.begin(), bytes.end())));
}

void Application::serve_file(std::string url_path, const std::filesystem::path& fs_path) {
  impl_->extras->serve_file(std::move(url_path), fs_path);
}

}  // namespace pgw
