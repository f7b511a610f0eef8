// The real server on loopback on its own thread, and a scripted client that
// says hello and collects what the server sends: shared by the protocol tests.
#pragma once

#include <atomic>
#include <chrono>
#include <functional>
#include <future>
#include <memory>
#include <optional>
#include <stdexcept>
#include <string>
#include <thread>
#include <vector>

#include <boost/asio/co_spawn.hpp>
#include <boost/asio/detached.hpp>
#include <boost/asio/io_context.hpp>

#include "pgwidgets/pgwidgets.hpp"
#include "pgwidgets/protocol.pb.h"
#include "pgwidgets/schema_info.hpp"
#include "support/ws_test_client.hpp"
#include "unit/frames.hpp"

namespace pgw::test {

using namespace std::chrono_literals;

// An Application serving on loopback from its own thread, on free ports.
class LiveServer {
 public:
  explicit LiveServer(pgw::ApplicationOptions options, std::function<void(pgw::Application&)> setup = {}) {
    options.ws_port = 0;
    options.http_port = 0;
    options.handle_signals = false;
    app_ = std::make_unique<pgw::Application>(std::move(options));
    if (setup) setup(*app_);
    std::promise<void> started;
    auto ready = started.get_future();
    boost::asio::co_spawn(io_, [this, &started]() -> pgw::Task<> {
      co_await app_->start();
      started.set_value();
      co_await app_->run();
    }, boost::asio::detached);
    thread_ = std::thread([this] { io_.run(); });
    if (ready.wait_for(5s) != std::future_status::ready) throw std::runtime_error("server did not start");
    ws_port = app_->ws_port();
    http_port = app_->http_port();
  }
  ~LiveServer() {
    boost::asio::co_spawn(io_, app_->close(), boost::asio::detached);
    thread_.join();
  }
  std::string ws_url() const { return "ws://127.0.0.1:" + std::to_string(ws_port) + "/"; }
  // The Origin of the page this server serves, as a browser would send it.
  std::string origin() const { return "http://127.0.0.1:" + std::to_string(http_port); }

  std::uint16_t ws_port = 0;
  std::uint16_t http_port = 0;

 private:
  boost::asio::io_context io_;
  std::unique_ptr<pgw::Application> app_;
  std::thread thread_;
};

// Says hello and collects server messages until `until` matches one.
class ScriptedBrowser {
 public:
  explicit ScriptedBrowser(const LiveServer& server, std::uint64_t fingerprint = pgw::detail::schema_fingerprint,
                           const std::string& session_id = "", const std::string& token = "")
      : client(server.ws_url(), server.origin()) {
    client.send_binary(
        client_frame({hello(fingerprint, pgwidgets::PROTOCOL_VERSION_CURRENT, session_id, token)}));
  }
  // Rejoins session `sid` with `token`.
  static std::unique_ptr<ScriptedBrowser> rejoin(const LiveServer& server, const std::string& sid,
                                                 const std::string& token) {
    return std::make_unique<ScriptedBrowser>(server, pgw::detail::schema_fingerprint, sid, token);
  }
  const pgwidgets::ServerHello& hello_message() const {
    for (const auto& m : seen) {
      if (m.has_hello()) return m.hello();
    }
    throw std::runtime_error("no hello yet");
  }
  std::optional<pgwidgets::ServerMessage> wait_for(std::function<bool(const pgwidgets::ServerMessage&)> until,
                                                   std::chrono::milliseconds limit = 5s) {
    const auto deadline = std::chrono::steady_clock::now() + limit;
    while (std::chrono::steady_clock::now() < deadline) {
      auto frame = client.receive(std::chrono::duration_cast<std::chrono::milliseconds>(
          deadline - std::chrono::steady_clock::now()));
      if (!frame) return std::nullopt;
      ++frames;
      const auto parsed = parse_server_frame(*frame);
      for (const auto& m : parsed.messages()) {
        seen.push_back(m);
        if (until(m)) return m;
      }
    }
    return std::nullopt;
  }
  std::optional<pgwidgets::ServerMessage> wait_for_call(std::uint32_t method_id) {
    return wait_for([=](const auto& m) { return m.has_call() && m.call().method_id() == method_id; });
  }
  std::uint32_t created(std::uint32_t class_id) const {
    for (const auto& m : seen) {
      if (m.has_create() && m.create().class_id() == class_id) return m.create().widget_id();
    }
    return 0;
  }

  WsTestClient client;
  std::vector<pgwidgets::ServerMessage> seen;
  int frames = 0;
};

// A button whose clicks are counted and answered with Label.set_text.
inline std::function<void(pgw::Application&)> counting_button(std::atomic<int>& clicks) {
  return [&clicks](pgw::Application& app) {
    app.on_connect([&clicks](pgw::Session& s) -> pgw::Task<> {
      auto w = s.get_widgets();
      auto top = co_await w.TopLevel({.title = "t"});
      auto label = co_await w.Label("before");
      auto button = co_await w.Button("b");
      co_await top.set_widget(button);
      co_await top.show();
      button.on_activated([label, &clicks]() -> pgw::Task<> {
        ++clicks;
        co_await label.set_text("clicked");
      });
    });
  };
}

}  // namespace pgw::test
