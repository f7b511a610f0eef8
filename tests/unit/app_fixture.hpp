// An Application over an in-memory transport: a FakeServer records what
// each connection was sent and how it was closed.
#pragma once

#include <map>
#include <memory>
#include <string>
#include <utility>
#include <vector>

#include <boost/asio/io_context.hpp>
#include <boost/asio/post.hpp>

#include "application_impl.hpp"
#include "frames.hpp"
#include "pgwidgets/pgwidgets.hpp"
#include "support/run_coro.hpp"

namespace pgw::test {

namespace transport = pgw::transport;

class FakeServer : public transport::Server {
 public:
  FakeServer(boost::asio::io_context& io, transport::Listener& listener) : io_(io), listener_(listener) {}
  void start() override { started = true; }
  std::uint16_t ws_port() const override { return 4242; }
  std::uint16_t http_port() const override { return 4243; }
  void send(transport::ConnectionId id, std::string bytes) override { sent[id].push_back(std::move(bytes)); }
  void close(transport::ConnectionId id, int code, const std::string& reason) override {
    if (closed.count(id)) return;
    closed[id] = {code, reason};
    boost::asio::post(io_, [this, id, code, reason] { listener_.on_close(id, code, reason); });
  }
  void stop() override { stopped = true; }

  boost::asio::io_context& io_;
  transport::Listener& listener_;
  bool started = false, stopped = false;
  std::map<transport::ConnectionId, std::vector<std::string>> sent;
  std::map<transport::ConnectionId, std::pair<int, std::string>> closed;
};

struct AppFixture {
  explicit AppFixture(pgw::ApplicationOptions options = {}) : app(std::move(options)) {
    impl().set_server_factory([this](boost::asio::io_context& ctx, transport::ServerConfig, transport::Listener& l,
                                     pgw::Logger) {
      auto s = std::make_unique<FakeServer>(ctx, l);
      server = s.get();
      return s;
    });
    run_coro(io, app.start());
  }
  pgw::detail::ApplicationAccess::Impl& impl() { return pgw::detail::ApplicationAccess::impl(app); }

  // Opens a connection and says hello; returns its id.
  transport::ConnectionId connect(std::uint64_t fingerprint = pgw::detail::schema_fingerprint) {
    const auto id = next_id++;
    impl().on_open(id, transport::ConnectInfo{"127.0.0.1:1", "", "localhost:4242", "/"});
    impl().on_message(id, client_frame({hello(fingerprint)}));
    drain(io);
    return id;
  }
  // Opens a connection asking to join session `sid` with `token`.
  transport::ConnectionId rejoin(const std::string& sid, const std::string& token) {
    const auto id = next_id++;
    impl().on_open(id, transport::ConnectInfo{"127.0.0.1:1", "", "localhost:4242", "/"});
    impl().on_message(id, client_frame({hello(pgw::detail::schema_fingerprint,
                                              pgwidgets::PROTOCOL_VERSION_CURRENT, sid, token)}));
    drain(io);
    return id;
  }
  // The connection leaves (its socket closed).
  void leave(transport::ConnectionId id) {
    impl().on_close(id, 1001, "gone");
    drain(io);
  }
  // Every message connection `id` was sent.
  std::vector<pgwidgets::ServerMessage> received(transport::ConnectionId id) {
    std::vector<pgwidgets::ServerMessage> out;
    for (const auto& bytes : server->sent[id]) {
      const auto frame = parse_server_frame(bytes);
      for (const auto& m : frame.messages()) out.push_back(m);
    }
    return out;
  }
  void click(transport::ConnectionId conn, pgw::WidgetId widget) {
    impl().on_message(conn, client_frame({callback(widget, pgw::detail::callbacks::Button_activated.id)}));
  }

  boost::asio::io_context io;
  pgw::Application app;
  FakeServer* server = nullptr;
  transport::ConnectionId next_id = 1;
};

}  // namespace pgw::test
