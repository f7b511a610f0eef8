// The websocketpp transport. Compiled as C++17: websocketpp 0.8.2 does not
// compile as C++20. Everything here runs on the caller's io_context thread.
//
// Lifetime: websocketpp's accept loop binds raw pointers to its endpoints, and
// the completion of an aborted accept can still be queued when the Server is
// destroyed. So the endpoints live in a Core that the Server hands, when it is
// destroyed, to a service of the io_context (the "graveyard"); the Core dies
// with the io_context. A detached Core no longer calls the Listener or logs.
#include "transport/ws_server.hpp"

#include <poll.h>

#include <algorithm>
#include <exception>
#include <map>
#include <new>
#include <random>
#include <stdexcept>
#include <string>
#include <utility>
#include <vector>

#include <boost/asio/execution_context.hpp>
#include <boost/asio/ip/tcp.hpp>
#include <boost/asio/steady_timer.hpp>
#include <websocketpp/close.hpp>
#include <websocketpp/config/asio_no_tls.hpp>
#include <websocketpp/server.hpp>

#include "log_text.hpp"

namespace pgw::transport {
namespace {

namespace asio = boost::asio;
namespace wserr = websocketpp::error;
namespace close_status = websocketpp::close::status;

// One open socket counted against max_connections, for as long as its
// connection object lives (websocketpp destroys it once the socket is gone).
class ConnectionSlot {
 public:
  explicit ConnectionSlot(std::weak_ptr<std::size_t> count) : count_(std::move(count)) {
    if (auto c = count_.lock()) ++*c;
  }
  ~ConnectionSlot() {
    if (auto c = count_.lock()) --*c;
  }
  ConnectionSlot(const ConnectionSlot&) = delete;
  ConnectionSlot& operator=(const ConnectionSlot&) = delete;

 private:
  std::weak_ptr<std::size_t> count_;
};

// websocketpp's asio config, with our bookkeeping in every connection.
struct PgwConfig : websocketpp::config::asio {
  struct connection_base {
    ConnectionId pgw_id = 0;           // 0 until the connection opens
    ConnectInfo pgw_info;              // filled by the validate handler
    bool pgw_close_initiated = false;  // this side started the close handshake
    bool pgw_admitted = false;         // the hello was accepted (Server::admit)
    std::string pgw_ping_payload;      // of our unanswered ping; empty: none
    std::chrono::steady_clock::time_point pgw_last_pong{};
    std::unique_ptr<ConnectionSlot> pgw_slot;
    // The hello deadline, then the ping schedule.
    std::shared_ptr<boost::asio::steady_timer> pgw_timer;
  };
};

using Endpoint = websocketpp::server<PgwConfig>;
using ConnectionPtr = Endpoint::connection_ptr;
using MessagePtr = Endpoint::message_ptr;
using Hdl = websocketpp::connection_hdl;

std::string host_port(const std::string& host, std::uint16_t port) {
  const bool v6 = host.find(':') != std::string::npos;
  return (v6 ? "[" + host + "]" : host) + ":" + std::to_string(port);
}

std::string current_exception_text() {
  try {
    throw;
  } catch (const std::exception& e) {
    return e.what();
  } catch (...) {
    return "unknown exception";
  }
}

class Core {
 public:
  Core(asio::io_context& io, ServerConfig config, Listener& listener, Logger logger)
      : io_(io), config_(std::move(config)), listener_(&listener), logger_(std::move(logger)) {
    setup(ws_);
    ws_.set_max_message_size(config_.max_frame_bytes);
    ws_.set_validate_handler([this](Hdl h) { return on_ws_validate(h); });
    ws_.set_open_handler([this](Hdl h) { guarded("open handler", [&] { on_ws_open(h); }); });
    ws_.set_message_handler(
        [this](Hdl h, MessagePtr msg) { guarded("message handler", [&] { on_ws_message(h, msg); }); });
    ws_.set_close_handler([this](Hdl h) { guarded("close handler", [&] { on_ws_end(h, false); }); });
    ws_.set_fail_handler([this](Hdl h) { guarded("fail handler", [&] { on_ws_end(h, true); }); });
    ws_.set_tcp_pre_init_handler([this](Hdl h) { guarded("TCP init handler", [&] { set_nodelay(h); }); });
    ws_.set_ping_handler([this](Hdl h, const std::string&) { return should_pong(h); });
    ws_.set_pong_handler([this](Hdl h, const std::string& payload) {
      guarded("pong handler", [&] { on_pong(h, payload); });
    });
    if (config_.http_server) {
      http_ = std::make_unique<Endpoint>();
      setup(*http_);
      http_->set_max_message_size(64 * 1024);
      http_timer_ = std::make_unique<asio::steady_timer>(io_);
      http_->set_http_handler([this](Hdl h) { guarded("HTTP handler", [&] { on_http(h); }); });
      http_->set_validate_handler([this](Hdl h) { return on_http_upgrade(h); });
      http_->set_fail_handler([this](Hdl h) { guarded("HTTP fail handler", [&] { on_http_fail(h); }); });
    }
  }

  Core(const Core&) = delete;
  Core& operator=(const Core&) = delete;

  void start() {
    if (started_ || stopped_) return;
    ws_port_ = listen(ws_, config_.ws_port);
    if (http_) {
      try {
        http_port_ = listen(*http_, config_.http_port);
      } catch (...) {
        websocketpp::lib::error_code ec;
        ws_.stop_listening(ec);
        throw;
      }
    }
    started_ = true;
    accept_next(ws_, ws_timer_);
    if (http_) accept_next(*http_, *http_timer_);
    log(LogLevel::debug, "listening: WebSocket on " + host_port(config_.host, ws_port_) +
                             (http_ ? ", HTTP on " + host_port(config_.host, http_port_) : std::string()));
  }

  std::uint16_t ws_port() const { return ws_port_; }
  std::uint16_t http_port() const { return http_port_; }

  void send(ConnectionId id, std::string bytes) {
    try {
      ConnectionPtr con = find(id);
      if (!con) return;
      MessagePtr msg = con->get_message(websocketpp::frame::opcode::binary, 0);
      if (!msg) {
        log(LogLevel::error, "connection " + std::to_string(id) + ": cannot allocate an outgoing frame");
        return;
      }
      msg->get_raw_payload() = std::move(bytes);
      websocketpp::lib::error_code ec = con->send(msg);
      if (ec) {
        log(LogLevel::debug, "connection " + std::to_string(id) + ": frame dropped: " + ec.message());
        return;
      }
      const std::size_t backlog = con->get_buffered_amount();
      if (config_.max_send_backlog_bytes != 0 && backlog > config_.max_send_backlog_bytes) {
        log(LogLevel::warning, "connection " + std::to_string(id) + " is not reading: " + std::to_string(backlog) +
                                   " bytes unsent (max_send_backlog_bytes " +
                                   std::to_string(config_.max_send_backlog_bytes) + "); closing it (1008)");
        start_close(con, 1008, "the browser is not reading its frames");
      }
    } catch (...) {
      log(LogLevel::error, "connection " + std::to_string(id) + ": send failed: " + current_exception_text());
    }
  }

  void admit(ConnectionId id) {
    try {
      ConnectionPtr con = find(id);
      if (!con || con->pgw_admitted) return;
      con->pgw_admitted = true;
      con->set_max_message_size(config_.max_frame_bytes);
      schedule_ping(con, config_.ping_interval);
    } catch (...) {
      log(LogLevel::error, "connection " + std::to_string(id) + ": admit failed: " + current_exception_text());
    }
  }

  void close(ConnectionId id, int code, const std::string& reason) {
    try {
      ConnectionPtr con = find(id);
      if (!con) return;
      start_close(con, code, reason);
    } catch (...) {
      log(LogLevel::error, "connection " + std::to_string(id) + ": close failed: " + current_exception_text());
    }
  }

  void stop() {
    if (stopped_) return;
    stopped_ = true;
    try {
      websocketpp::lib::error_code ec;
      if (started_) {
        ws_.stop_listening(ec);
        if (http_) http_->stop_listening(ec);
      }
      ws_timer_.cancel();
      if (http_timer_) http_timer_->cancel();
      // Connections still in their handshake (or an HTTP exchange) end now.
      auto pending = std::move(pending_);
      pending_.clear();
      for (const Hdl& h : pending) {
        ConnectionPtr con = connection(h);
        if (con && con->get_state() == websocketpp::session::state::connecting) {
          con->terminate(wserr::make_error_code(wserr::operation_canceled));
        }
      }
      // Open ones get a close handshake; on_close follows for each.
      std::vector<Hdl> open;
      open.reserve(open_.size());
      for (const auto& entry : open_) open.push_back(entry.second);
      for (const Hdl& h : open) {
        ConnectionPtr con = connection(h);
        if (con) start_close(con, close_status::going_away, "server shutting down");
      }
    } catch (...) {
      log(LogLevel::error, "stopping the server: " + current_exception_text());
    }
    if (started_) log(LogLevel::debug, "server stopped listening");
  }

  // The Server is gone: stop, and never call the Listener or log again.
  void detach() {
    stop();
    listener_ = nullptr;
    logger_ = nullptr;
  }

 private:
  void setup(Endpoint& ep) {
    ep.clear_access_channels(websocketpp::log::alevel::all);
    ep.clear_error_channels(websocketpp::log::elevel::all);
    ep.init_asio(&io_);
    ep.set_reuse_addr(true);
    ep.set_user_agent("pgwidgets");
    ep.set_close_handshake_timeout(3000);
    ep.set_max_http_body_size(config_.max_http_body_bytes);
    ep.set_tcp_post_init_handler([this](Hdl h) { remember_pending(h); });
  }

  // Frames are whole messages, written at once: Nagle's algorithm would only
  // hold a small frame back until the peer ACKs the one before it (up to its
  // delayed-ACK timeout) whenever two leave close together.
  void set_nodelay(const Hdl& h) {
    ConnectionPtr con = connection(h);
    if (!con) return;
    boost::system::error_code ec;
    con->get_socket().set_option(asio::ip::tcp::no_delay(true), ec);
    if (ec) log(LogLevel::warning, "cannot set TCP_NODELAY on a WebSocket connection: " + ec.message());
  }

  void log(LogLevel level, const std::string& message) const {
    if (!logger_) return;
    try {
      logger_(level, message);
    } catch (...) {
      // A failing logger must not take the server down.
    }
  }

  template <class F>
  void guarded(const char* what, F&& body) {
    try {
      body();
    } catch (...) {
      log(LogLevel::error, std::string("transport ") + what + ": " + current_exception_text());
    }
  }

  ConnectionPtr connection(const Hdl& h) {
    websocketpp::lib::error_code ec;
    ConnectionPtr con = ws_.get_con_from_hdl(h, ec);
    return ec ? nullptr : con;
  }

  ConnectionPtr find(ConnectionId id) {
    auto it = open_.find(id);
    if (it == open_.end()) return nullptr;
    return connection(it->second);
  }

  std::uint16_t listen(Endpoint& ep, std::uint16_t port) {
    const std::string where = host_port(config_.host, port);
    boost::system::error_code ec;
    asio::ip::tcp::resolver resolver(io_);
    auto results = resolver.resolve(config_.host, std::to_string(port),
                                    asio::ip::tcp::resolver::passive | asio::ip::tcp::resolver::numeric_service, ec);
    if (ec || results.empty()) {
      throw std::runtime_error("cannot listen on " + where + ": " +
                               (ec ? ec.message() : std::string("the host name has no address")));
    }
    // Prefer IPv4 when a name ("localhost") has both.
    asio::ip::tcp::endpoint endpoint = results.begin()->endpoint();
    for (const auto& entry : results) {
      if (entry.endpoint().address().is_v4()) {
        endpoint = entry.endpoint();
        break;
      }
    }
    websocketpp::lib::error_code wec;
    ep.listen(endpoint, wec);
    if (wec) throw std::runtime_error("cannot listen on " + where + ": " + bind_failure_reason(endpoint, wec));
    boost::system::error_code lec;
    asio::ip::tcp::endpoint local = ep.get_local_endpoint(lec);
    if (lec) {
      websocketpp::lib::error_code ignored;
      ep.stop_listening(ignored);
      throw std::runtime_error("cannot listen on " + where + ": " + lec.message());
    }
    return local.port();
  }

  // websocketpp reports every bind error as "Underlying Transport Error";
  // binding a probe socket recovers the operating system's reason.
  std::string bind_failure_reason(const asio::ip::tcp::endpoint& endpoint, const websocketpp::lib::error_code& wec) {
    boost::system::error_code ec;
    asio::ip::tcp::acceptor probe(io_);
    probe.open(endpoint.protocol(), ec);
    if (!ec) probe.set_option(asio::socket_base::reuse_address(true), ec);
    if (!ec) probe.bind(endpoint, ec);
    if (!ec) probe.listen(asio::socket_base::max_listen_connections, ec);
    return ec ? ec.message() : wec.message();
  }

  // Our own accept loop, not websocketpp's: that one retries a failed accept
  // at once, and at the open-file limit (EMFILE, ENFILE) every accept fails
  // at once, so it spins. Ours waits, longer each time, and logs once.
  void accept_next(Endpoint& ep, asio::steady_timer& timer) {
    if (stopped_ || !ep.is_listening()) return;
    ConnectionPtr con = ep.get_connection();
    if (!con) {
      accept_failed(ep, timer, "cannot create a connection object");
      return;
    }
    websocketpp::lib::error_code ec;
    ep.async_accept(
        con,
        [this, &ep, &timer, con](const websocketpp::lib::error_code& aec) {
          guarded("accept handler", [&] { on_accept(ep, timer, con, aec); });
        },
        ec);
    if (ec) {
      con->terminate(websocketpp::lib::error_code());
      if (ec != wserr::make_error_code(wserr::async_accept_not_listening)) accept_failed(ep, timer, ec.message());
    }
  }

  void on_accept(Endpoint& ep, asio::steady_timer& timer, const ConnectionPtr& con,
                 const websocketpp::lib::error_code& ec) {
    if (ec) {
      con->terminate(ec);
      if (stopped_ || ec == wserr::make_error_code(wserr::operation_canceled)) return;
      accept_failed(ep, timer, ec.message());
      return;
    }
    if (accept_backoff_.count() != 0) {
      log(LogLevel::warning, "accepting connections again");
      accept_backoff_ = std::chrono::milliseconds(0);
    }
    if (config_.max_connections != 0 && *live_ >= config_.max_connections) {
      // Closed before websocketpp reads a byte: no handshake, no timers.
      if (auto held = full_log_.pass()) {
        log(LogLevel::warning, "max_connections (" + std::to_string(config_.max_connections) +
                                   ") sockets are open; closing new ones at once" + pgw::detail::LogThrottle::suffix(*held));
      }
      boost::system::error_code ignored;
      con->get_raw_socket().close(ignored);
    } else {
      con->pgw_slot = std::make_unique<ConnectionSlot>(live_);
      con->start();
    }
    accept_next(ep, timer);
  }

  void accept_failed(Endpoint& ep, asio::steady_timer& timer, const std::string& why) {
    const bool first = accept_backoff_.count() == 0;
    accept_backoff_ = first ? std::chrono::milliseconds(50) : std::min(accept_backoff_ * 2, kMaxAcceptBackoff);
    if (first) {
      log(LogLevel::error, "cannot accept connections (" + why + "; " + std::to_string(*live_) +
                               " open): out of file descriptors? Retrying every " +
                               std::to_string(kMaxAcceptBackoff.count()) + " ms at most, quietly");
    }
    timer.expires_after(accept_backoff_);
    timer.async_wait([this, &ep, &timer](const boost::system::error_code& ec) {
      if (!ec) guarded("accept retry", [&] { accept_next(ep, timer); });
    });
  }

  // websocketpp answers every ping with a pong and counts only payload
  // bytes as unsent, so a peer that pings and never reads piles up empty
  // pongs without bound (300 bytes of memory for each 6-byte ping). RFC 6455
  // (5.5.3) lets an endpoint leave pings unanswered when more follow: we
  // send at most one pong per kMinPongGap, and only while the socket takes
  // bytes, so a peer that does not read gets none and is closed by its ping
  // timeout.
  bool should_pong(Hdl h) {
    ConnectionPtr con = connection(h);
    if (!con || con->get_state() != websocketpp::session::state::open) return false;
    const auto now = std::chrono::steady_clock::now();
    if (now - con->pgw_last_pong < kMinPongGap) return false;
    if (config_.max_send_backlog_bytes != 0 && con->get_buffered_amount() > config_.max_send_backlog_bytes) {
      return false;
    }
    pollfd pfd{};
    pfd.fd = con->get_raw_socket().native_handle();
    pfd.events = POLLOUT;
    if (::poll(&pfd, 1, 0) != 1 || (pfd.revents & POLLOUT) == 0) return false;
    con->pgw_last_pong = now;
    return true;
  }

  void on_pong(Hdl h, const std::string& payload) {
    ConnectionPtr con = connection(h);
    if (!con || con->pgw_ping_payload.empty() || payload != con->pgw_ping_payload) return;
    con->pgw_ping_payload.clear();
    schedule_ping(con, config_.ping_interval);
  }

  // The connection's one timer: the hello deadline until admit(), then the
  // next ping, then that ping's deadline.
  void arm(const ConnectionPtr& con, std::chrono::milliseconds after) {
    if (!con->pgw_timer) con->pgw_timer = std::make_shared<asio::steady_timer>(io_);
    con->pgw_timer->expires_after(after);
    Hdl weak = con->get_handle();
    con->pgw_timer->async_wait([this, weak](const boost::system::error_code& ec) {
      if (!ec) guarded("connection timer", [&] { on_timer(weak); });
    });
  }

  void schedule_ping(const ConnectionPtr& con, std::chrono::milliseconds after) {
    if (config_.ping_interval.count() > 0) {
      arm(con, after);
    } else if (con->pgw_timer) {
      con->pgw_timer->cancel();
    }
  }

  void on_timer(const Hdl& h) {
    ConnectionPtr con = connection(h);
    if (!con || con->get_state() != websocketpp::session::state::open) return;
    const std::string id = std::to_string(con->pgw_id);
    if (!con->pgw_admitted) {
      log(LogLevel::warning, "connection " + id + " sent no hello within hello_timeout (" +
                                 std::to_string(config_.hello_timeout.count()) + " ms); closing it (1008)");
      start_close(con, close_status::policy_violation, "no hello in time");
      return;
    }
    if (!con->pgw_ping_payload.empty()) {
      log(LogLevel::warning, "connection " + id + " did not answer a ping within ping_timeout (" +
                                 std::to_string(config_.ping_timeout.count()) + " ms); closing it (1008)");
      // A peer that does not read our close frame either is dropped after
      // the close handshake timeout.
      start_close(con, close_status::policy_violation, "no pong in time");
      return;
    }
    con->pgw_ping_payload = std::to_string(rng_());
    websocketpp::lib::error_code ec;
    con->ping(con->pgw_ping_payload, ec);
    if (ec) {
      log(LogLevel::debug, "connection " + id + ": ping failed: " + ec.message());
      return;
    }
    arm(con, config_.ping_timeout);
  }

  // Connections between accept and open (or the end of an HTTP exchange),
  // so that stop() can end them instead of waiting for their timeouts.
  void remember_pending(const Hdl& h) {
    if (pending_.size() >= pending_sweep_at_) {
      pending_.erase(std::remove_if(pending_.begin(), pending_.end(),
                                    [this](const Hdl& p) {
                                      ConnectionPtr con = connection(p);
                                      return !con || con->get_state() != websocketpp::session::state::connecting;
                                    }),
                     pending_.end());
      pending_sweep_at_ = std::max<std::size_t>(64, pending_.size() * 2);
    }
    pending_.push_back(h);
  }

  void start_close(const ConnectionPtr& con, int code, const std::string& reason) {
    auto value = static_cast<close_status::value>(code);
    if (close_status::invalid(value) || close_status::reserved(value)) {
      log(LogLevel::warning, "connection " + std::to_string(con->pgw_id) + ": close code " + std::to_string(code) +
                                 " may not be sent; using 1000");
      value = close_status::normal;
    }
    if (con->get_state() != websocketpp::session::state::open) return;
    con->pgw_close_initiated = true;
    websocketpp::lib::error_code ec;
    con->close(value, reason, ec);
    if (ec) {
      log(LogLevel::warning, "connection " + std::to_string(con->pgw_id) + ": close failed: " + ec.message());
      con->terminate(ec);
    }
  }

  bool on_ws_validate(Hdl h) {
    try {
      ConnectionPtr con = connection(h);
      if (!con) return false;
      ConnectInfo info;
      info.remote = con->get_remote_endpoint();
      info.origin = con->get_request_header("Origin");
      info.host = con->get_request_header("Host");
      info.resource = con->get_request().get_uri();
      con->pgw_info = info;
      if (stopped_) {
        con->set_status(websocketpp::http::status_code::service_unavailable);
        return false;
      }
      if (config_.accept_origin && !config_.accept_origin(info)) {
        con->set_status(websocketpp::http::status_code::forbidden);
        return false;
      }
      return true;
    } catch (...) {
      log(LogLevel::error, "transport validate handler: " + current_exception_text());
      return false;
    }
  }

  void on_ws_open(Hdl h) {
    ConnectionPtr con = connection(h);
    if (!con) return;
    const ConnectionId id = next_id_++;
    con->pgw_id = id;
    open_.emplace(id, h);
    con->set_max_message_size(config_.max_bytes_before_hello);
    if (config_.hello_timeout.count() > 0) arm(con, config_.hello_timeout);
    const ConnectInfo& info = con->pgw_info;
    log(LogLevel::info, "connection " + std::to_string(id) + " open from " + info.remote + " (" + info.resource +
                            (info.origin.empty() ? std::string() : ", origin " + info.origin) + ")");
    if (listener_) {
      try {
        listener_->on_open(id, info);
      } catch (...) {
        log(LogLevel::error, "connection " + std::to_string(id) + ": on_open: " + current_exception_text());
      }
    }
  }

  void on_ws_message(Hdl h, const MessagePtr& msg) {
    ConnectionPtr con = connection(h);
    if (!con || !msg || con->pgw_id == 0) return;
    const ConnectionId id = con->pgw_id;
    if (msg->get_opcode() != websocketpp::frame::opcode::binary) {
      log(LogLevel::warning, "connection " + std::to_string(id) + " sent a text frame; closing it (1003)");
      start_close(con, close_status::unsupported_data, "binary frames only");
      return;
    }
    if (con->get_state() != websocketpp::session::state::open) return;  // closing: drop
    if (!listener_) return;
    try {
      const std::string& payload = msg->get_payload();
      listener_->on_message(id, std::string_view(payload.data(), payload.size()));
    } catch (...) {
      log(LogLevel::error, "connection " + std::to_string(id) + ": on_message: " + current_exception_text());
    }
  }

  // The close handler, or the fail handler: on_close once per opened connection.
  void on_ws_end(Hdl h, bool failed) {
    ConnectionPtr con = connection(h);
    if (!con) return;
    const ConnectionId id = con->pgw_id;
    auto it = id == 0 ? open_.end() : open_.find(id);
    if (it == open_.end()) {
      if (failed) log_handshake_failure(con);
      return;
    }
    open_.erase(it);

    int code = con->get_local_close_code();
    std::string reason = con->get_local_close_reason();
    const int remote = con->get_remote_close_code();
    if (!con->pgw_close_initiated && remote != close_status::abnormal_close) {
      code = remote;
      reason = con->get_remote_close_reason();
    }
    const std::string text = "connection " + std::to_string(id) + " closed (" + std::to_string(code) +
                             (reason.empty() ? std::string() : " " + reason) + ")";
    switch (code) {
      case close_status::message_too_big:
        log(LogLevel::warning,
            text + (con->pgw_admitted ? ": a frame was larger than max_frame_bytes (" +
                                            std::to_string(config_.max_frame_bytes) + ")"
                                      : ": a frame before the hello was larger than max_bytes_before_hello (" +
                                            std::to_string(config_.max_bytes_before_hello) + ")"));
        break;
      case close_status::protocol_error:
      case close_status::unsupported_data:
      case close_status::invalid_payload:
        log(LogLevel::warning, text);
        break;
      default:
        log(LogLevel::info, text);
        break;
    }
    if (listener_) {
      try {
        listener_->on_close(id, code, reason);
      } catch (...) {
        log(LogLevel::error, "connection " + std::to_string(id) + ": on_close: " + current_exception_text());
      }
    }
  }

  void log_handshake_failure(const ConnectionPtr& con) {
    const websocketpp::lib::error_code ec = con->get_ec();
    if (ec == wserr::make_error_code(wserr::operation_canceled) || ec == wserr::make_error_code(wserr::rejected)) {
      return;  // an accept cancelled by stop(), or a refusal already logged
    }
    const std::string remote = con->pgw_info.remote.empty() ? std::string("a client") : con->pgw_info.remote;
    const std::string text = "WebSocket handshake from " + remote + " failed: " + ec.message();
    if (ec == wserr::make_error_code(wserr::open_handshake_timeout)) {
      log(LogLevel::debug, text);
      return;
    }
    // Anyone can send garbage handshakes as fast as they can connect.
    const auto held = handshake_log_.pass();
    if (!held) return;
    if (ec == wserr::make_error_code(wserr::upgrade_required)) {
      log(LogLevel::warning,
          "a plain HTTP request reached the WebSocket port; answered 426" + pgw::detail::LogThrottle::suffix(*held));
    } else {
      log(LogLevel::warning, text + pgw::detail::LogThrottle::suffix(*held));
    }
  }

  void on_http(Hdl h) {
    websocketpp::lib::error_code ec;
    ConnectionPtr con = http_->get_con_from_hdl(h, ec);
    if (ec || !con) return;
    const auto& request = con->get_request();
    HttpRequest req;
    req.method = request.get_method();
    req.resource = request.get_uri();
    req.host = request.get_header("Host");
    HttpResponse resp;
    if (config_.http_handler) {
      try {
        resp = config_.http_handler(req);
      } catch (...) {
        log(LogLevel::error, "HTTP " + req.method + " " + req.resource + ": handler failed: " + current_exception_text());
        resp = HttpResponse{};
        resp.status = 500;
        resp.body = "500 internal server error\n";
      }
    } else {
      resp.status = 404;
      resp.body = "404 not found\n";
    }
    if (resp.status < 100 || resp.status > 999) {
      log(LogLevel::error, "HTTP " + req.method + " " + req.resource + ": handler answered status " +
                               std::to_string(resp.status) + "; sending 500");
      resp.status = 500;
    }
    con->set_status(static_cast<websocketpp::http::status_code::value>(resp.status));
    con->replace_header("Content-Type", resp.content_type);
    con->replace_header("Cache-Control", "no-cache");
    for (const auto& [name, value] : resp.headers) con->replace_header(name, value);
    if (req.method == "HEAD") {
      con->set_body(std::string());
      con->replace_header("Content-Length", std::to_string(resp.body.size()));
    } else {
      con->set_body(resp.body);
    }
    log(LogLevel::debug, "HTTP " + req.method + " " + req.resource + " -> " + std::to_string(resp.status));
  }

  bool on_http_upgrade(Hdl h) {
    try {
      websocketpp::lib::error_code ec;
      ConnectionPtr con = http_->get_con_from_hdl(h, ec);
      if (ec || !con) return false;
      log(LogLevel::warning, "a WebSocket request reached the HTTP port " + std::to_string(http_port_) +
                                 " (the WebSocket port is " + std::to_string(ws_port_) + "); refused");
      con->set_status(websocketpp::http::status_code::bad_request);
    } catch (...) {
      log(LogLevel::error, "transport HTTP validate handler: " + current_exception_text());
    }
    return false;
  }

  void on_http_fail(Hdl h) {
    websocketpp::lib::error_code ec;
    ConnectionPtr con = http_->get_con_from_hdl(h, ec);
    if (ec || !con) return;
    const websocketpp::lib::error_code why = con->get_ec();
    if (why == wserr::make_error_code(wserr::operation_canceled) || why == wserr::make_error_code(wserr::rejected)) {
      return;
    }
    log(LogLevel::debug, "HTTP connection failed: " + why.message());
  }

  asio::io_context& io_;
  ServerConfig config_;
  Listener* listener_;
  Logger logger_;
  Endpoint ws_;
  std::unique_ptr<Endpoint> http_;
  std::map<ConnectionId, Hdl> open_;
  std::vector<Hdl> pending_;
  std::size_t pending_sweep_at_ = 64;
  ConnectionId next_id_ = 1;
  bool started_ = false;
  bool stopped_ = false;
  std::uint16_t ws_port_ = 0;
  std::uint16_t http_port_ = 0;
  // Accept retries: one timer per endpoint, one backoff for both.
  static constexpr std::chrono::milliseconds kMaxAcceptBackoff{1000};
  static constexpr std::chrono::milliseconds kMinPongGap{50};
  asio::steady_timer ws_timer_{io_};
  std::unique_ptr<asio::steady_timer> http_timer_;
  std::chrono::milliseconds accept_backoff_{0};
  std::shared_ptr<std::size_t> live_ = std::make_shared<std::size_t>(0);  // sockets holding a slot
  pgw::detail::LogThrottle full_log_;       // refusals past max_connections
  pgw::detail::LogThrottle handshake_log_;  // failed handshakes
  std::mt19937_64 rng_{std::random_device{}()};
};

// Keeps detached Cores until the io_context is destroyed (see the top).
class Graveyard final : public asio::execution_context::service {
 public:
  using key_type = Graveyard;
  static inline asio::execution_context::id id;

  explicit Graveyard(asio::execution_context& context) : asio::execution_context::service(context) {}

  void keep(std::shared_ptr<Core> core) { cores_.push_back(std::move(core)); }

 private:
  void shutdown() override { cores_.clear(); }

  std::vector<std::shared_ptr<Core>> cores_;
};

class WebsocketppServer final : public Server {
 public:
  WebsocketppServer(asio::io_context& io, ServerConfig config, Listener& listener, Logger logger)
      : io_(io), core_(std::make_shared<Core>(io, std::move(config), listener, std::move(logger))) {}

  ~WebsocketppServer() override {
    try {
      core_->detach();
      asio::use_service<Graveyard>(io_).keep(std::move(core_));
    } catch (...) {
      // Out of memory while retiring: leaking the Core beats a dangling one.
      static_cast<void>(new (std::nothrow) std::shared_ptr<Core>(std::move(core_)));
    }
  }

  void start() override { core_->start(); }
  std::uint16_t ws_port() const override { return core_->ws_port(); }
  std::uint16_t http_port() const override { return core_->http_port(); }
  void send(ConnectionId id, std::string bytes) override { core_->send(id, std::move(bytes)); }
  void admit(ConnectionId id) override { core_->admit(id); }
  void close(ConnectionId id, int code, const std::string& reason) override { core_->close(id, code, reason); }
  void stop() override { core_->stop(); }

 private:
  asio::io_context& io_;
  std::shared_ptr<Core> core_;
};

}  // namespace

std::unique_ptr<Server> make_websocketpp_server(boost::asio::io_context& io, ServerConfig config, Listener& listener,
                                                Logger logger) {
  return std::make_unique<WebsocketppServer>(io, std::move(config), listener, std::move(logger));
}

}  // namespace pgw::transport
