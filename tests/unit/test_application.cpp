// Application over an in-memory transport: handshake, max_sessions,
// on_connect/on_disconnect, concurrency modes, close.
#include <catch2/catch.hpp>

#include <set>

#include <boost/asio/detached.hpp>
#include <boost/asio/post.hpp>

#include "app_fixture.hpp"
#include "session_access.hpp"

using namespace pgw::test;
using namespace std::chrono_literals;
namespace transport = pgw::transport;

TEST_CASE("app: an unknown concurrency mode is a clear error") {
  CHECK(pgw::parse_concurrency_mode("serialized") == pgw::ConcurrencyMode::serialized);
  CHECK_THROWS_WITH(pgw::parse_concurrency_mode("parallel"),
                    Catch::Contains("parallel") && Catch::Contains("per_session, serialized or concurrent"));
  CHECK_THROWS_AS(pgw::Application({.max_sessions = 0}), std::invalid_argument);
  CHECK_THROWS_AS(pgw::Application({.max_browsers_per_session = 0}), std::invalid_argument);
  CHECK_THROWS_AS(pgw::Application({.session_timeout = -1ms}), std::invalid_argument);
}

TEST_CASE("app: the handshake answers a hello and runs on_connect") {
  AppFixture f;
  int connects = 0;
  f.app.on_connect([&](pgw::Session& s) -> pgw::Task<> {
    ++connects;
    auto w = s.get_widgets();
    co_await (co_await w.TopLevel({.title = "x"})).show();
  });
  auto c = f.connect();
  CHECK(connects == 1);
  REQUIRE(f.server->sent[c].size() >= 1);
  auto first = parse_server_frame(f.server->sent[c][0]);
  REQUIRE(first.messages(0).has_hello());
  CHECK(first.messages(0).hello().schema_fingerprint() == pgw::detail::schema_fingerprint);
  CHECK(first.messages(0).hello().session_id().size() == 16);
  CHECK(f.app.sessions().size() == 1);
  CHECK(f.app.sessions()[0]->get_screen_size() == pgw::Size{1024, 768});
}

TEST_CASE("app: messages that follow the hello in its frame are handled, after it") {
  AppFixture f;
  const auto id = f.next_id++;
  f.impl().on_open(id, transport::ConnectInfo{"127.0.0.1:1", "", "localhost:4242", "/"});
  // The hello says 1024x768; the viewport message after it in the frame wins.
  f.impl().on_message(id, client_frame({hello(pgw::detail::schema_fingerprint), viewport(800, 600)}));
  drain(f.io);
  REQUIRE(f.app.sessions().size() == 1);
  CHECK(f.app.sessions()[0]->get_screen_size() == pgw::Size{800, 600});
}

TEST_CASE("app: a session's handlers are released when it ends, session_timeout after its browser left") {
  AppFixture f({.session_timeout = 20ms});
  std::weak_ptr<int> token;
  f.app.on_connect([&](pgw::Session& s) -> pgw::Task<> {
    auto button = co_await s.get_widgets().Button("b");
    auto held = std::make_shared<int>(1);
    token = held;
    button.on_activated([held] {});
  });
  auto c = f.connect();
  REQUIRE_FALSE(token.expired());
  f.leave(c);
  CHECK_FALSE(token.expired());  // a reload may come back
  CHECK(f.app.sessions().size() == 1);
  run_coro(f.io, sleep_for(60ms));
  CHECK(token.expired());
  CHECK(f.app.sessions().empty());
}

TEST_CASE("app: Session::stats() counts the hello and every frame each way on the connection") {
  AppFixture f;
  const auto c = f.connect();
  REQUIRE(f.app.sessions().size() == 1);
  auto& session = *f.app.sessions()[0];
  const std::string hello_frame = client_frame({hello(pgw::detail::schema_fingerprint)});
  auto s = session.stats();
  CHECK(s.frames_received == 1);
  CHECK(s.bytes_received == hello_frame.size());
  std::size_t sent_bytes = 0;
  for (const auto& frame : f.server->sent[c]) sent_bytes += frame.size();
  CHECK(s.frames_sent == f.server->sent[c].size());
  CHECK(s.bytes_sent == sent_bytes);

  const std::string viewport = client_frame({[] {
    pgwidgets::ClientMessage m;
    m.mutable_viewport()->set_width(800);
    m.mutable_viewport()->set_height(600);
    return m;
  }()});
  f.impl().on_message(c, viewport);
  drain(f.io);
  s = session.stats();
  CHECK(s.frames_received == 2);
  CHECK(s.bytes_received == hello_frame.size() + viewport.size());
}

TEST_CASE("app: a page built from another schema is refused with 4003") {
  AppFixture f;
  auto c = f.connect(0x1234);
  REQUIRE(f.server->closed.count(c));
  CHECK(f.server->closed[c].first == 4003);
  CHECK_THAT(f.server->closed[c].second, Catch::Contains("another version"));
  CHECK(f.server->closed[c].second.size() <= 123);
  CHECK(f.app.sessions().empty());
}

TEST_CASE("app: past max_sessions a browser is told the server is full, and open sessions keep working") {
  AppFixture f({.max_sessions = 1, .session_timeout = 20ms});
  int disconnects = 0;
  f.app.on_disconnect([&](pgw::Session&) { ++disconnects; });
  auto a = f.connect();
  auto b = f.connect();
  REQUIRE(f.server->closed.count(b));
  CHECK(f.server->closed[b].first == 4002);
  CHECK_THAT(f.server->closed[b].second, Catch::Contains("Server full") && Catch::Contains("max_sessions = 1"));
  CHECK_FALSE(f.server->closed.count(a));
  CHECK(f.app.sessions().size() == 1);
  // The first browser leaves: its session lives on for a reload, but not
  // against a new visitor, who gets the slot at once.
  f.leave(a);
  CHECK(disconnects == 1);
  CHECK(f.app.sessions().size() == 1);
  const auto old_id = f.app.sessions().at(0)->id();
  auto c = f.connect();
  CHECK_FALSE(f.server->closed.count(c));
  REQUIRE(f.app.sessions().size() == 1);
  CHECK(f.app.sessions().at(0)->id() != old_id);
  CHECK(f.server->closed.count(f.connect()));  // full again: c's browser is there
}

TEST_CASE("app: a new visitor takes the slot of the session detached longest, never one with a browser") {
  AppFixture f({.max_sessions = 3, .session_timeout = 0ms});  // 0: detached sessions would live forever
  auto a = f.connect();
  auto b = f.connect();
  auto c = f.connect();
  REQUIRE(f.app.sessions().size() == 3);
  auto session_of = [&](auto id) {
    for (const auto& s : f.app.sessions()) {
      if (pgw::detail::SessionAccess::core(*s).has_browser(id)) return s->id();
    }
    return std::string();
  };
  const auto sa = session_of(a), sb = session_of(b), sc = session_of(c);
  f.leave(b);
  run_coro(f.io, sleep_for(2ms));
  f.leave(a);
  auto ids = [&] {
    std::set<std::string> out;
    for (const auto& s : f.app.sessions()) out.insert(s->id());
    return out;
  };
  auto d = f.connect();  // takes b's slot: b left first
  CHECK_FALSE(f.server->closed.count(d));
  CHECK(ids().count(sa) == 1);
  CHECK(ids().count(sb) == 0);
  CHECK(ids().count(sc) == 1);
  auto e = f.connect();  // then a's
  CHECK_FALSE(f.server->closed.count(e));
  CHECK(ids().count(sa) == 0);
  CHECK(ids().count(sc) == 1);
  CHECK(f.server->closed.count(f.connect()));  // every session has a browser now
  CHECK(f.app.sessions().size() == 3);
}

namespace {

// Two sessions, each with a button whose handler logs "start"/"end"
// around a sleep (40 ms in session 0, 5 ms in session 1); returns the log
// after clicking session 0's button twice and session 1's once.
std::vector<std::string> click_trace(pgw::ConcurrencyMode mode) {
  AppFixture f({.concurrency_handling = mode, .max_sessions = 2});
  std::vector<std::string> trace;
  std::map<std::string, pgw::WidgetId> buttons;
  f.app.on_connect([&](pgw::Session& s) -> pgw::Task<> {
    auto btn = co_await s.get_widgets().Button("b");
    const std::string name = std::to_string(buttons.size());
    buttons[name] = btn.id();
    btn.on_activated([&trace, name]() -> pgw::Task<> {
      trace.push_back(name + " start");
      co_await sleep_for(std::chrono::milliseconds(name == "0" ? 40 : 5));
      trace.push_back(name + " end");
    });
  });
  auto c0 = f.connect();
  auto c1 = f.connect();
  f.click(c0, buttons["0"]);
  f.click(c0, buttons["0"]);
  f.click(c1, buttons["1"]);
  run_coro(f.io, sleep_for(std::chrono::milliseconds(200)));
  return trace;
}

}  // namespace

TEST_CASE("app: per_session runs one session's handlers one at a time, and sessions interleave") {
  auto t = click_trace(pgw::ConcurrencyMode::per_session);
  CHECK(t == std::vector<std::string>{"0 start", "1 start", "1 end", "0 end", "0 start", "0 end"});
}

TEST_CASE("app: serialized runs every handler one at a time, in arrival order") {
  auto t = click_trace(pgw::ConcurrencyMode::serialized);
  CHECK(t == std::vector<std::string>{"0 start", "0 end", "0 start", "0 end", "1 start", "1 end"});
}

TEST_CASE("app: concurrent runs handlers with no lock") {
  auto t = click_trace(pgw::ConcurrencyMode::concurrent);
  CHECK(t == std::vector<std::string>{"0 start", "0 start", "1 start", "1 end", "0 end", "0 end"});
}

TEST_CASE("app: close() closes every session and makes run() return") {
  AppFixture f({.max_sessions = 2, .handle_signals = false});
  auto a = f.connect();
  auto b = f.connect();
  bool returned = false;
  boost::asio::co_spawn(f.io, [&]() -> pgw::Task<> {
    co_await f.app.run();
    returned = true;
  }, boost::asio::detached);
  drain(f.io);
  CHECK_FALSE(returned);
  run_coro(f.io, f.app.close());
  drain(f.io);
  CHECK(returned);
  CHECK(f.server->closed[a].first == 1001);
  CHECK(f.server->closed[b].first == 1001);
  CHECK(f.server->stopped);
  CHECK(f.app.sessions().empty());
}

TEST_CASE("app: url() and ports after start") {
  AppFixture f({.host = "0.0.0.0"});
  CHECK(f.app.ws_port() == 4242);
  CHECK(f.app.http_port() == 4243);
  CHECK(f.app.url() == "http://127.0.0.1:4243/");
}
