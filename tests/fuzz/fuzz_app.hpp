// An Application over an in-memory transport, for the fuzz targets: what
// a fuzzer sends arrives as on_message, as the websocketpp transport would
// deliver it, with no sockets in the way.
#pragma once

#include <map>
#include <set>
#include <memory>
#include <string>
#include <utility>
#include <vector>

#include <boost/asio/io_context.hpp>
#include <boost/asio/post.hpp>

#include "application_impl.hpp"
#include "pgwidgets/pgwidgets.hpp"
#include "pgwidgets/protocol.pb.h"
#include "pgwidgets/schema_info.hpp"
#include "support/run_coro.hpp"

namespace pgw::fuzz {

namespace transport = pgw::transport;

class FakeServer final : public transport::Server {
 public:
  FakeServer(boost::asio::io_context& io, transport::Listener& listener) : io_(io), listener_(listener) {}
  void start() override {}
  std::uint16_t ws_port() const override { return 9500; }
  std::uint16_t http_port() const override { return 9501; }
  void send(transport::ConnectionId id, std::string bytes) override { sent_bytes += bytes.size() + id * 0; }
  void close(transport::ConnectionId id, int code, const std::string& reason) override {
    if (!closed.emplace(id).second) return;
    boost::asio::post(io_, [this, id, code, reason] { listener_.on_close(id, code, reason); });
  }
  void stop() override {}

  std::size_t sent_bytes = 0;
  std::set<transport::ConnectionId> closed;

 private:
  boost::asio::io_context& io_;
  transport::Listener& listener_;
};

// Every widget class a page commonly has, each with its callbacks listened
// to, and a query left waiting for the browser, so that fuzzed results,
// errors and callbacks all find something to hit.
inline void build_ui(Application& app) {
  app.on_connect([](Session& s) -> Task<> {
    auto w = s.get_widgets();
    auto top = co_await w.TopLevel({.title = "fuzz", .resizable = true});
    auto vbox = co_await w.VBox({.spacing = 4});
    auto label = co_await w.Label("label");
    auto button = co_await w.Button("button");
    auto entry = co_await w.TextEntry({.text = "entry"});
    co_await vbox.add_widget(label, 0);
    co_await vbox.add_widget(button, 0);
    co_await vbox.add_widget(entry, 1);
    co_await top.set_widget(vbox);
    co_await top.show();
    button.on_activated([label]() -> Task<> { co_await label.set_text("clicked"); });
    entry.on_activated([label](std::string text) -> Task<> { co_await label.set_text(text); });
    (void)co_await label.get_size();
  });
}

struct FuzzApp {
  FuzzApp()
      : app(ApplicationOptions{.http_server = true, .logger = quiet_logger(), .handle_signals = false}) {
    impl().set_server_factory([this](boost::asio::io_context& ctx, transport::ServerConfig c, transport::Listener& l,
                                     Logger) {
      config = std::move(c);
      auto s = std::make_unique<FakeServer>(ctx, l);
      server = s.get();
      return s;
    });
    build_ui(app);
    test::run_coro(io, app.start());
  }
  detail::ApplicationAccess::Impl& impl() { return detail::ApplicationAccess::impl(app); }

  transport::ConnectionId open() {
    const auto id = next_id++;
    impl().on_open(id, transport::ConnectInfo{"127.0.0.1:1", "http://127.0.0.1:9501", "127.0.0.1:9500", "/"});
    return id;
  }
  void message(transport::ConnectionId id, std::string_view bytes) {
    impl().on_message(id, bytes);
    test::drain(io);
  }
  void close(transport::ConnectionId id) {
    if (!server->closed.count(id)) impl().on_close(id, 1000, "");
    test::drain(io);
  }
  static std::string hello_frame() {
    pgwidgets::ClientFrame frame;
    auto* hello = frame.add_messages()->mutable_hello();
    hello->set_protocol_version(pgwidgets::PROTOCOL_VERSION_CURRENT);
    hello->set_schema_fingerprint(detail::schema_fingerprint);
    hello->mutable_viewport()->set_width(1024);
    hello->mutable_viewport()->set_height(768);
    return frame.SerializeAsString();
  }

  boost::asio::io_context io;
  Application app;
  FakeServer* server = nullptr;
  transport::ServerConfig config;
  transport::ConnectionId next_id = 1;
};

}  // namespace pgw::fuzz
