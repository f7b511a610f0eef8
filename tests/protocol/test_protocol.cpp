// The real server on loopback, driven by a scripted WebSocket client that
// speaks the binary protocol: no browser.
#include <catch2/catch.hpp>

#include <atomic>
#include <future>
#include <thread>

#include <boost/asio/co_spawn.hpp>
#include <boost/asio/detached.hpp>
#include <boost/asio/io_context.hpp>
#include <boost/asio/post.hpp>

#include "pgwidgets/pgwidgets.hpp"
#include "pgwidgets/protocol.pb.h"
#include "pgwidgets/widgets/base.pb.h"
#include "protocol/live_server.hpp"
#include "support/ws_test_client.hpp"
#include "unit/frames.hpp"

using namespace pgw::test;
using namespace std::chrono_literals;
namespace ids = pgw::detail;

namespace {

void click_sets_text(pgw::Application& app) {
  app.on_connect([](pgw::Session& s) -> pgw::Task<> {
    auto w = s.get_widgets();
    auto top = co_await w.TopLevel({.title = "t"});
    auto label = co_await w.Label("before");
    auto button = co_await w.Button("b");
    co_await top.set_widget(button);
    co_await top.show();
    button.on_activated([label]() -> pgw::Task<> { co_await label.set_text("Hello!"); });
  });
}

}  // namespace

TEST_CASE("protocol: handshake, then the UI arrives in one frame") {
  LiveServer server({}, click_sets_text);
  ScriptedBrowser browser(server);
  auto hello = browser.wait_for([](const auto& m) { return m.has_hello(); });
  REQUIRE(hello);
  CHECK(hello->hello().schema_fingerprint() == ids::schema_fingerprint);
  CHECK_FALSE(hello->hello().token().empty());
  const int frames_before_ui = browser.frames;
  REQUIRE(browser.wait_for([](const auto& m) { return m.has_listen(); }));
  CHECK(browser.frames == frames_before_ui + 1);  // 3 creates, set_widget, show and listen together
  CHECK(browser.created(ids::classes::Button.id) != 0);
}

TEST_CASE("protocol: a callback round trip reaches the C++ handler and its call comes back") {
  LiveServer server({}, click_sets_text);
  ScriptedBrowser browser(server);
  auto listen = browser.wait_for([](const auto& m) { return m.has_listen(); });
  REQUIRE(listen);
  CHECK(listen->listen().callback_id() == ids::callbacks::Button_activated.id);
  browser.client.send_binary(client_frame({callback(listen->listen().widget_id(), listen->listen().callback_id())}));
  auto call = browser.wait_for_call(ids::methods::Label_set_text.id);
  REQUIRE(call);
  CHECK(call->call().widget_id() == browser.created(ids::classes::Label.id));
  CHECK(call->call().args() == "\x0a\x06Hello!");
}

TEST_CASE("protocol: a browser query is answered by a Result matched by seq") {
  std::promise<pgw::Size> got;
  LiveServer server({}, [&](pgw::Application& app) {
    app.on_connect([&](pgw::Session& s) -> pgw::Task<> {
      auto label = co_await s.get_widgets().Label("x");
      got.set_value(co_await label.get_size());
    });
  });
  ScriptedBrowser browser(server);
  auto query = browser.wait_for_call(ids::methods::Widget_get_size.id);
  REQUIRE(query);
  pgwidgets::widgets::Size size;
  size.set_width(120);
  size.set_height(30);
  browser.client.send_binary(client_frame({result(query->call().seq(), size.SerializeAsString())}));
  auto f = got.get_future();
  REQUIRE(f.wait_for(5s) == std::future_status::ready);
  CHECK(f.get() == pgw::Size{120, 30});
}

TEST_CASE("protocol: malformed and unknown frames get an error, and the session goes on") {
  LiveServer server({}, click_sets_text);
  ScriptedBrowser browser(server);
  auto listen = browser.wait_for([](const auto& m) { return m.has_listen(); });
  REQUIRE(listen);
  browser.client.send_binary(std::string("\x0a\xff\xff\xff\x0f garbage", 12));
  auto e1 = browser.wait_for([](const auto& m) { return m.has_error(); });
  REQUIRE(e1);
  CHECK_THAT(e1->error().message(), Catch::Contains("malformed"));
  std::this_thread::sleep_for(1100ms);  // protocol errors are answered once a second
  browser.client.send_binary(client_frame({callback(4242, 1)}));
  auto e2 = browser.wait_for([](const auto& m) { return m.has_error(); });
  REQUIRE(e2);
  CHECK_THAT(e2->error().message(), Catch::Contains("unknown widget id 4242"));
  std::this_thread::sleep_for(1100ms);
  browser.client.send_binary(client_frame({result(999)}));
  REQUIRE(browser.wait_for([](const auto& m) { return m.has_error(); }));
  // Still alive: a click still works.
  browser.client.send_binary(client_frame({callback(listen->listen().widget_id(), listen->listen().callback_id())}));
  REQUIRE(browser.wait_for_call(ids::methods::Label_set_text.id));
}

TEST_CASE("protocol: past max_sessions the server closes with 4002 and the limit, and the first goes on") {
  LiveServer server({.max_sessions = 1}, click_sets_text);
  ScriptedBrowser first(server);
  auto listen = first.wait_for([](const auto& m) { return m.has_listen(); });
  REQUIRE(listen);
  ScriptedBrowser second(server);
  auto closed = second.client.wait_closed(5s);
  REQUIRE(closed);
  CHECK(closed->first == 4002);
  CHECK_THAT(closed->second, Catch::Contains("max_sessions = 1"));
  first.client.send_binary(client_frame({callback(listen->listen().widget_id(), listen->listen().callback_id())}));
  REQUIRE(first.wait_for_call(ids::methods::Label_set_text.id));
}

TEST_CASE("protocol: a page from another schema is refused with 4003") {
  LiveServer server({});
  ScriptedBrowser browser(server, 0xdeadbeef);
  auto closed = browser.client.wait_closed(5s);
  REQUIRE(closed);
  CHECK(closed->first == 4003);
}

TEST_CASE("protocol: a browser leaving fails the pending await at once") {
  std::promise<std::string> outcome;
  LiveServer server({}, [&](pgw::Application& app) {
    app.on_connect([&](pgw::Session& s) -> pgw::Task<> {
      auto label = co_await s.get_widgets().Label("x");
      try {
        co_await label.get_size();
        outcome.set_value("answered");
      } catch (const pgw::Disconnected&) {
        outcome.set_value("disconnected");
      }
    });
  });
  {
    ScriptedBrowser browser(server);
    REQUIRE(browser.wait_for_call(ids::methods::Widget_get_size.id));
    browser.client.close();
  }
  auto f = outcome.get_future();
  REQUIRE(f.wait_for(5s) == std::future_status::ready);
  CHECK(f.get() == "disconnected");
}

TEST_CASE("protocol: the HTTP server serves the page with the WebSocket URL of the host asked for") {
  LiveServer server({.host = "127.0.0.1"});
  auto page = http_get("127.0.0.1", server.http_port, "/", "localhost:" + std::to_string(server.http_port));
  CHECK(page.status == 200);
  CHECK_THAT(page.content_type, Catch::Contains("text/html"));
  CHECK_THAT(page.body, Catch::Contains("ws://localhost:" + std::to_string(server.ws_port) + "/"));
  CHECK_THAT(page.body, Catch::Contains("/pgwidgets.js"));
  auto js = http_get("127.0.0.1", server.http_port, "/pgwidgets.js");
  CHECK(js.status == 200);
  CHECK_THAT(js.content_type, Catch::Contains("javascript"));
  CHECK(js.body.size() > 1000);
  CHECK(http_get("127.0.0.1", server.http_port, "/pgwidgets.css").status == 200);
  CHECK(http_get("127.0.0.1", server.http_port, "/nope").status == 404);
  // A hostile Host header cannot inject into the page.
  auto evil = http_get("127.0.0.1", server.http_port, "/", "\"</script><script>x");
  CHECK_THAT(evil.body, !Catch::Contains("<script>x"));
}

TEST_CASE("protocol: a WebSocket from a foreign origin is refused") {
  LiveServer server({});
  CHECK_THROWS_WITH(WsTestClient(server.ws_url(), "http://evil.example:80"), Catch::Contains("403"));
  const std::string own = "http://127.0.0.1:" + std::to_string(server.http_port);
  WsTestClient ok(server.ws_url(), own);
  CHECK(ok.is_open());
}
