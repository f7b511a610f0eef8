// Application's insides: it listens to the transport, runs the handshake,
// and owns the sessions. Private; tests include it to drive an Application
// over an in-memory transport.
#pragma once

#include <chrono>
#include <functional>
#include <map>
#include <memory>
#include <mutex>
#include <optional>
#include <string>

#include <boost/asio/steady_timer.hpp>
#include <boost/asio/thread_pool.hpp>

#include "async_lock.hpp"
#include "callback_pacer.hpp"
#include "host_policy.hpp"
#include "log_text.hpp"
#include "page_extras.hpp"
#include "pgwidgets/application.hpp"
#include "pgwidgets/session.hpp"
#include "session_core.hpp"
#include "transport/ws_server.hpp"

namespace pgwidgets {
class ClientFrame;
}

namespace pgw {


class Application::Impl final : public transport::Listener {
 public:
  using ServerFactory = std::function<std::unique_ptr<transport::Server>(
      boost::asio::io_context&, transport::ServerConfig, transport::Listener&, Logger)>;

  explicit Impl(ApplicationOptions options);
  ~Impl() override;

  // Tests replace the websocketpp server with their own.
  void set_server_factory(ServerFactory factory) { factory_ = std::move(factory); }
  transport::Server* server() { return server_.get(); }

  Task<> start();
  Task<> run();
  Task<> close();

  // transport::Listener
  void on_open(transport::ConnectionId id, const transport::ConnectInfo& info) override;
  void on_message(transport::ConnectionId id, std::string_view bytes) override;
  void on_close(transport::ConnectionId id, int code, const std::string& reason) override;

  ApplicationOptions options;
  ConnectHandler connect_handler;
  ConnectHandler disconnect_handler;
  // Written on the io_context's thread only, under sessions_mutex; read
  // there freely, and elsewhere (Application::sessions()) under the mutex.
  std::map<std::string, std::shared_ptr<Session>> sessions;
  // Fonts, the default font, the icon and served files (page_extras.hpp).
  std::shared_ptr<detail::PageExtras> extras = std::make_shared<detail::PageExtras>();
  // Sends a page-wide message to every session's browsers.
  void broadcast(const pgwidgets::ServerMessage& message);
  // A copy of the session list, taken under sessions_mutex (callable from any thread).
  std::vector<std::shared_ptr<Session>> session_list() const;
  mutable std::mutex sessions_mutex;
  // The pool that runs the sessions when options.threads > 1 (else null).
  boost::asio::thread_pool* pool() { return pool_.get(); }

 private:
  struct Connection {
    std::shared_ptr<Session> session;  // null until the hello is accepted
    std::optional<detail::CallbackPacer> pacer;  // from the hello on
    // Fires when the pacer's next waiting frame is due.
    std::unique_ptr<boost::asio::steady_timer> pacing;
    detail::LogThrottle pacing_log{std::chrono::seconds(10)};
    bool flooded = false;  // closed as a flood: its waiting frames are dropped
  };
  void log(LogLevel level, const std::string& message) const;
  void on_hello(transport::ConnectionId id, std::string_view bytes);
  bool accept_origin(const transport::ConnectInfo& info);
  transport::HttpResponse serve_http(const transport::HttpRequest& request);
  // False (and the connection closing with 1008) when the frame is over
  // max_messages_per_frame; else its count of events.
  std::optional<std::size_t> events_within_limits(transport::ConnectionId id, std::string_view bytes);
  // A frame past the hello: handled now, or later at the person's rate, or
  // (a flood) refused with the connection.
  void pace(transport::ConnectionId id, Connection& connection, std::string_view bytes);
  // Handles the waiting frames that are due, then waits for the next.
  void pace_due(transport::ConnectionId id);
  void arm_pacing(transport::ConnectionId id, Connection& connection);
  void deliver(const std::shared_ptr<Session>& session, transport::ConnectionId id, std::string_view bytes);
  void warn_if_exposed();
  std::shared_ptr<detail::AsyncLock> lock_for_new_session(const boost::asio::any_io_executor& executor);
  std::shared_ptr<Session> new_session();
  // Attaches connection `id` to `session`: the hello, then its rebuilt page.
  void join(transport::ConnectionId id, const std::shared_ptr<Session>& session,
            const pgwidgets::ClientFrame& hello_frame, bool rejoined);
  // join()'s part on the session's strand.
  void attach(transport::ConnectionId id, const std::shared_ptr<Session>& session, detail::Sink sink,
              const pgwidgets::ClientFrame& hello_frame, bool rejoined);
  // No browser is left: the session ends after session_timeout, or
  // sooner when a new visitor needs its max_sessions slot (evict_detached).
  void arm_expiry(const std::shared_ptr<Session>& session);
  // Ends the session that has had no browser for the longest, so that a
  // new visitor is not locked out by a session nobody is looking at. False
  // when every session has a browser.
  bool evict_detached();
  // The page's address, for Session::get_url().
  std::string page_url() const;
  // With threads > 1, a session's state belongs to its strand and the
  // Application's (connections, sessions, expiry, the transport) to the
  // io_context's thread: each side posts its work to the other. With one
  // thread both run `f` at once, as before threads existed.
  template <class F>
  void on_session(const std::shared_ptr<Session>& session, F&& f);
  template <class F>
  void on_app(F&& f);
  void forget_session(const std::string& sid);

  Logger logger_;  // options.logger behind printable(): network text cannot forge lines
  detail::HostPolicy hosts_;
  detail::LogThrottle refusal_log_;  // refused Hosts and Origins: one line a second
  ServerFactory factory_;
  std::unique_ptr<transport::Server> server_;
  std::optional<boost::asio::any_io_executor> executor_;
  std::map<transport::ConnectionId, Connection> connections_;
  // Sessions with no browser attached: since when, and the timer that ends
  // them after session_timeout (none when it is 0).
  struct Detached {
    std::chrono::steady_clock::time_point since;
    std::unique_ptr<boost::asio::steady_timer> timer;
  };
  std::map<std::string, Detached> expiry_;
  std::shared_ptr<detail::AsyncLock> global_lock_;
  std::unique_ptr<boost::asio::thread_pool> pool_;  // threads > 1
  // Browsers attached to each session, counted here (threads > 1): the
  // session's own count lives on its strand.
  std::map<std::string, std::size_t> attached_;
  // Posted work checks it: the Impl may be gone when it runs.
  std::shared_ptr<bool> alive_ = std::make_shared<bool>(true);
  std::unique_ptr<boost::asio::steady_timer> closed_;  // cancelled when closed
  bool started_ = false;
  bool closing_ = false;
};

namespace detail {
// Tests reach an Application's insides through this.
struct ApplicationAccess {
  using Impl = Application::Impl;
  static Application::Impl& impl(Application& app) { return *app.impl_; }
};
}  // namespace detail

}  // namespace pgw
