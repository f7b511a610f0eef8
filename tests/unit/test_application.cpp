// Application over an in-memory transport: handshake, max_sessions,
// on_connect/on_disconnect, concurrency modes, close.
#include <catch2/catch.hpp>

#include <boost/asio/detached.hpp>
#include <boost/asio/post.hpp>

#include "application_impl.hpp"
#include "frames.hpp"
#include "pgwidgets/pgwidgets.hpp"
#include "support/run_coro.hpp"

using namespace pgw::test;
namespace transport = pgw::transport;

namespace {

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
  void click(transport::ConnectionId conn, pgw::WidgetId widget) {
    impl().on_message(conn, client_frame({callback(widget, pgw::detail::callbacks::Button_activated.id)}));
  }

  boost::asio::io_context io;
  pgw::Application app;
  FakeServer* server = nullptr;
  transport::ConnectionId next_id = 1;
};

}  // namespace

TEST_CASE("app: an unknown concurrency mode is a clear error") {
  CHECK(pgw::parse_concurrency_mode("serialized") == pgw::ConcurrencyMode::serialized);
  CHECK_THROWS_WITH(pgw::parse_concurrency_mode("parallel"),
                    Catch::Contains("parallel") && Catch::Contains("per_session, serialized or concurrent"));
  CHECK_THROWS_AS(pgw::Application({.max_sessions = 0}), std::invalid_argument);
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

TEST_CASE("app: a session's handlers are released when its browser leaves") {
  AppFixture f;
  std::weak_ptr<int> token;
  f.app.on_connect([&](pgw::Session& s) -> pgw::Task<> {
    auto button = co_await s.get_widgets().Button("b");
    auto held = std::make_shared<int>(1);
    token = held;
    button.on_activated([held] {});
  });
  auto c = f.connect();
  REQUIRE_FALSE(token.expired());
  f.impl().on_close(c, 1001, "gone");
  drain(f.io);
  CHECK(token.expired());
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
  AppFixture f({.max_sessions = 1});
  int disconnects = 0;
  f.app.on_disconnect([&](pgw::Session&) { ++disconnects; });
  auto a = f.connect();
  auto b = f.connect();
  REQUIRE(f.server->closed.count(b));
  CHECK(f.server->closed[b].first == 4002);
  CHECK_THAT(f.server->closed[b].second, Catch::Contains("Server full") && Catch::Contains("max_sessions = 1"));
  CHECK_FALSE(f.server->closed.count(a));
  CHECK(f.app.sessions().size() == 1);
  // The first browser leaves: its slot is free again.
  f.impl().on_close(a, 1001, "gone");
  drain(f.io);
  CHECK(disconnects == 1);
  CHECK(f.app.sessions().empty());
  auto c = f.connect();
  CHECK_FALSE(f.server->closed.count(c));
  CHECK(f.app.sessions().size() == 1);
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
