// The real server on loopback, driven by a scripted WebSocket client that
// speaks the binary protocol: no browser.
#include <catch2/catch.hpp>

#include <algorithm>
#include <atomic>
#include <future>
#include <thread>

#include <boost/asio/co_spawn.hpp>
#include <boost/asio/detached.hpp>
#include <boost/asio/io_context.hpp>
#include <boost/asio/post.hpp>

#include "pgwidgets/pgwidgets.hpp"
#include "pgwidgets/schema_registry.hpp"
#include "pgwidgets/protocol.pb.h"
#include "pgwidgets/widgets/base.pb.h"
#include "protocol/live_server.hpp"
#include "support/ws_test_client.hpp"
#include "async_demo_ui.hpp"
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

// --- sessions outlive connections ------------------------------------------------

namespace {

// The seed's UI (setters, children, listens, a deferred show), counting on_connect.
void seed_ui(pgw::Application& app, std::atomic<int>& connects) {
  app.on_connect([&connects](pgw::Session& s) -> pgw::Task<> {
    ++connects;
    co_await async_demo::on_connect(s);
  });
}

// Where rebuild.hpp puts a message: its phase (creates, setters, child
// lists, listens, deferred setters), then its widget (the parent, for an
// attach); calls on one widget keep their order.
std::pair<int, std::uint32_t> rebuild_place(const pgwidgets::ServerMessage& m) {
  if (m.has_create()) return {0, m.create().widget_id()};
  if (m.has_listen()) return {3, m.listen().widget_id()};
  const auto& info = *ids::find_method(m.call().method_id());
  if (info.kind == ids::MethodKind::attach) return {2, m.call().widget_id()};
  return {info.deferred ? 4 : 1, m.call().widget_id()};
}

// A message without its sequence number, for comparing.
std::string without_seq(pgwidgets::ServerMessage m) {
  if (m.has_create()) m.mutable_create()->set_seq(0);
  if (m.has_call()) m.mutable_call()->set_seq(0);
  return m.ShortDebugString();
}

bool is_rebuild_end(const pgwidgets::ServerMessage& m) {
  return m.has_rebuild() && m.rebuild().phase() == pgwidgets::Rebuild::PHASE_END;
}

}  // namespace

TEST_CASE("protocol: a reconnect with the token gets the page rebuilt, message by message as first sent") {
  std::atomic<int> connects = 0;
  LiveServer server({}, [&](pgw::Application& app) { seed_ui(app, connects); });
  std::vector<pgwidgets::ServerMessage> original;
  std::string sid, token;
  {
    ScriptedBrowser first(server);
    int listens = 0;
    REQUIRE(first.wait_for([&](const auto& m) { return m.has_listen() && ++listens == 2; }));
    sid = first.hello_message().session_id();
    token = first.hello_message().token();
    for (const auto& m : first.seen) {
      if (!m.has_hello()) original.push_back(m);
    }
    first.client.close();
    REQUIRE(first.client.wait_closed(5s));
  }
  auto second = ScriptedBrowser::rejoin(server, sid, token);
  REQUIRE(second->wait_for(is_rebuild_end));
  CHECK(second->frames == 1);  // hello and rebuild travel together
  CHECK(second->hello_message().rejoined());
  CHECK(second->hello_message().session_id() == sid);
  std::vector<std::string> rebuilt;
  for (const auto& m : second->seen) {
    if (!m.has_hello() && !m.has_rebuild()) rebuilt.push_back(without_seq(m));
  }
  // Each field was set once and children appended, so the rebuild is the
  // original messages in the rebuild's documented order, each one unchanged.
  std::stable_sort(original.begin(), original.end(),
                   [](const auto& a, const auto& b) { return rebuild_place(a) < rebuild_place(b); });
  std::vector<std::string> expected;
  for (const auto& m : original) expected.push_back(without_seq(m));
  REQUIRE(rebuilt.size() == expected.size());
  for (std::size_t i = 0; i < expected.size(); ++i) {
    INFO("message " << i);
    CHECK(rebuilt[i] == expected[i]);
  }
  CHECK(connects == 1);
  // The handlers are the session's: a click from the rejoined page runs one.
  const auto button = second->created(ids::classes::Button.id);
  second->client.send_binary(client_frame({callback(button, ids::callbacks::Button_activated.id)}));
  auto call = second->wait_for_call(ids::methods::Label_set_text.id);
  REQUIRE(call);
  CHECK(call->call().args() == "\x0a\x06Hello!");
}

TEST_CASE("protocol: a wrong token is refused with 4001, and the session's browser goes on") {
  std::atomic<int> connects = 0;
  LiveServer server({.max_sessions = 2}, [&](pgw::Application& app) { seed_ui(app, connects); });
  ScriptedBrowser first(server);
  REQUIRE(first.wait_for([](const auto& m) { return m.has_listen(); }));
  std::string wrong = first.hello_message().token();
  wrong.back() = wrong.back() == 'a' ? 'b' : 'a';
  auto intruder = ScriptedBrowser::rejoin(server, first.hello_message().session_id(), wrong);
  auto closed = intruder->client.wait_closed(5s);
  REQUIRE(closed);
  CHECK(closed->first == 4001);
  CHECK(intruder->seen.empty());
  CHECK(connects == 1);
  const auto button = first.created(ids::classes::Button.id);
  first.client.send_binary(client_frame({callback(button, ids::callbacks::Button_activated.id)}));
  REQUIRE(first.wait_for_call(ids::methods::Label_set_text.id));
}

TEST_CASE("protocol: an expired session id starts a new session") {
  std::atomic<int> connects = 0;
  LiveServer server({.session_timeout = 50ms}, [&](pgw::Application& app) { seed_ui(app, connects); });
  std::string sid, token;
  {
    ScriptedBrowser first(server);
    REQUIRE(first.wait_for([](const auto& m) { return m.has_listen(); }));
    sid = first.hello_message().session_id();
    token = first.hello_message().token();
    first.client.close();
    REQUIRE(first.client.wait_closed(5s));
  }
  std::this_thread::sleep_for(300ms);  // the server's session_timeout, not the page
  auto again = ScriptedBrowser::rejoin(server, sid, token);
  REQUIRE(again->wait_for([](const auto& m) { return m.has_listen(); }));
  CHECK_FALSE(again->hello_message().rejoined());
  CHECK(again->hello_message().session_id() != sid);
  CHECK(connects == 2);
  // The old id was never rebuilt: a new on_connect built this page.
  CHECK(std::none_of(again->seen.begin(), again->seen.end(), [](const auto& m) { return m.has_rebuild(); }));
}

TEST_CASE("protocol: two clients in one session: each gets the calls, a change in one reaches the other quietly") {
  std::atomic<int> connects = 0;
  LiveServer server({}, [&](pgw::Application& app) { seed_ui(app, connects); });
  ScriptedBrowser a(server);
  REQUIRE(a.wait_for([](const auto& m) { return m.has_listen(); }));
  auto b = ScriptedBrowser::rejoin(server, a.hello_message().session_id(), a.hello_message().token());
  REQUIRE(b->wait_for(is_rebuild_end));
  const auto entry = b->created(ids::classes::TextEntry.id);
  const auto label = b->created(ids::classes::Label.id);
  REQUIRE(entry != 0);
  pgwidgets::widgets::Text typed;
  typed.set_text("from b");
  b->client.send_binary(
      client_frame({callback(entry, ids::callbacks::TextEntry_activated.id, typed.SerializeAsString())}));
  // a: the entry's text, quiet; then the handler's label text, in both.
  auto quiet = a.wait_for_call(ids::methods::TextEntry_set_text.id);
  REQUIRE(quiet);
  CHECK(quiet->call().quiet());
  CHECK(quiet->call().widget_id() == entry);
  CHECK(quiet->call().args() == typed.SerializeAsString());
  for (ScriptedBrowser* s : {&a, b.get()}) {
    auto set = s->wait_for_call(ids::methods::Label_set_text.id);
    REQUIRE(set);
    CHECK(set->call().widget_id() == label);
    CHECK_FALSE(set->call().quiet());
  }
  // b was not sent its own change back.
  CHECK(std::none_of(b->seen.begin(), b->seen.end(), [&](const auto& m) {
    return m.has_call() && m.call().method_id() == ids::methods::TextEntry_set_text.id && m.call().quiet();
  }));
  CHECK(connects == 1);
}

TEST_CASE("protocol: max_sessions = 1: a closed tab's session yields its slot to a new visitor at once") {
  std::atomic<int> connects = 0;
  LiveServer server({.max_sessions = 1, .session_timeout = 60s},
                    [&](pgw::Application& app) { seed_ui(app, connects); });
  // A reload of a session whose browser is there rejoins it, and a new
  // visitor meanwhile is refused: someone is looking at that session.
  auto first = std::make_unique<ScriptedBrowser>(server);
  REQUIRE(first->wait_for([](const auto& m) { return m.has_listen(); }));
  const std::string sid = first->hello_message().session_id();
  const std::string token = first->hello_message().token();
  {
    ScriptedBrowser visitor(server);
    auto closed = visitor.client.wait_closed(5s);
    REQUIRE(closed);
    CHECK(closed->first == 4002);
  }
  first->client.close();
  REQUIRE(first->client.wait_closed(5s));
  auto reloaded = ScriptedBrowser::rejoin(server, sid, token);
  REQUIRE(reloaded->wait_for(is_rebuild_end));
  CHECK(reloaded->hello_message().rejoined());
  CHECK(connects == 1);
  // The tab closes for good; a fresh browser (no session id) gets a session
  // at once, not after session_timeout (60 s here).
  reloaded->client.close();
  REQUIRE(reloaded->client.wait_closed(5s));
  ScriptedBrowser fresh(server);
  REQUIRE(fresh.wait_for([](const auto& m) { return m.has_listen(); }, 5s));
  CHECK_FALSE(fresh.hello_message().rejoined());
  CHECK(fresh.hello_message().session_id() != sid);
  CHECK(connects == 2);
  // The old session is gone: its link starts a new session, which finds the
  // slot taken by a browser that is there, so it is refused.
  auto late = ScriptedBrowser::rejoin(server, sid, token);
  auto closed = late->client.wait_closed(5s);
  REQUIRE(closed);
  CHECK(closed->first == 4002);
}

TEST_CASE("protocol: threads = 4, eight browsers click at once, each gets its own answers, in order") {
  LiveServer server({.max_sessions = 8, .threads = 4}, [&](pgw::Application& app) {
    app.on_connect([&](pgw::Session& s) -> pgw::Task<> {
      auto w = s.get_widgets();
      auto label = co_await w.Label("0");
      auto button = co_await w.Button("b");
      auto count = std::make_shared<int>(0);  // the session's own: its strand guards it
      button.on_activated([label, count]() -> pgw::Task<> {
        ++*count;
        co_await label.set_text(std::to_string(*count));
      });
    });
  });
  std::vector<std::thread> browsers;
  std::atomic<int> good{0};
  for (int b = 0; b < 8; ++b) {
    browsers.emplace_back([&] {
      ScriptedBrowser browser(server);
      auto listen = browser.wait_for([](const auto& m) { return m.has_listen(); });
      if (!listen) return;
      for (int i = 0; i < 20; ++i) {
        browser.client.send_binary(client_frame({callback(listen->listen().widget_id(), listen->listen().callback_id())}));
      }
      int next = 1;
      while (next <= 20) {
        auto call = browser.wait_for_call(ids::methods::Label_set_text.id);
        if (!call) return;
        const std::string text = std::to_string(next);  // field 1, a string: tag, length, bytes
        if (call->call().args() != "\x0a" + std::string(1, static_cast<char>(text.size())) + text) return;
        ++next;
      }
      ++good;
    });
  }
  for (auto& t : browsers) t.join();
  CHECK(good.load() == 8);
}
