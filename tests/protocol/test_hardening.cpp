// The limits that keep one peer from taking the server down or in, each
// tried the way an attacker on loopback would: the real server, raw sockets.
#include <catch2/catch.hpp>

#include <atomic>
#include <fstream>
#include <mutex>
#include <sstream>

#include <unistd.h>

#include <boost/asio/ip/tcp.hpp>
#include <boost/asio/read.hpp>
#include <boost/asio/write.hpp>

#include "protocol/live_server.hpp"
#include "support/child_process.hpp"

using namespace pgw::test;
using namespace std::chrono_literals;
namespace ids = pgw::detail;
namespace asio = boost::asio;

namespace {

class LogCapture {
 public:
  pgw::Logger logger() {
    return [this](pgw::LogLevel level, std::string_view message) {
      std::lock_guard<std::mutex> lock(mutex_);
      lines_.push_back(std::string(pgw::to_string(level)) + ": " + std::string(message));
    };
  }
  std::vector<std::string> matching(const std::string& needle) const {
    std::lock_guard<std::mutex> lock(mutex_);
    std::vector<std::string> out;
    for (const auto& line : lines_) {
      if (line.find(needle) != std::string::npos) out.push_back(line);
    }
    return out;
  }
  bool wait_for(const std::string& needle, std::chrono::milliseconds timeout = 3s) const {
    const auto deadline = std::chrono::steady_clock::now() + timeout;
    while (std::chrono::steady_clock::now() < deadline) {
      if (!matching(needle).empty()) return true;
      std::this_thread::sleep_for(5ms);
    }
    return false;
  }

 private:
  mutable std::mutex mutex_;
  std::vector<std::string> lines_;
};

std::string repeat(const std::string& frame, std::size_t times) {
  std::string out;
  out.reserve(frame.size() * times);
  for (std::size_t i = 0; i < times; ++i) out += frame;  // repeated fields concatenate
  return out;
}

// The status line a WebSocket handshake with these headers gets ("" if none).
std::string handshake_status(std::uint16_t port, const std::string& host, const std::string& origin) {
  asio::io_context io;
  asio::ip::tcp::socket socket(io);
  socket.connect(asio::ip::tcp::endpoint(asio::ip::make_address("127.0.0.1"), port));
  std::string request = "GET / HTTP/1.1\r\nHost: " + host +
                        "\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n"
                        "Sec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\nSec-WebSocket-Version: 13\r\n";
  if (!origin.empty()) request += "Origin: " + origin + "\r\n";
  request += "\r\n";
  asio::write(socket, asio::buffer(request));
  std::string response;
  char c = 0;
  boost::system::error_code ec;
  while (response.find("\r\n") == std::string::npos && !ec) {
    if (asio::read(socket, asio::buffer(&c, 1), ec) == 1) response += c;
  }
  return response.substr(0, response.find("\r\n"));
}

}  // namespace

// How long the victim's round trips take meanwhile is a figure, not a check:
// bench/bench_flood prints it (a timed assertion fails on a loaded machine).
TEST_CASE("protocol: a callback-flood frame is refused with 1008 and another session's clicks are all served") {
  std::atomic<int> clicks{0};
  LiveServer server({.max_sessions = 2, .logger = pgw::quiet_logger()}, counting_button(clicks));
  ScriptedBrowser victim(server);
  auto listen = victim.wait_for([](const auto& m) { return m.has_listen(); });
  REQUIRE(listen);
  ScriptedBrowser attacker(server);
  auto attacker_listen = attacker.wait_for([](const auto& m) { return m.has_listen(); });
  REQUIRE(attacker_listen);
  const auto click = [](const pgwidgets::ServerMessage& l) {
    return client_frame({callback(l.listen().widget_id(), l.listen().callback_id())});
  };
  // A million clicks in one frame of about 12 MB, under max_frame_bytes (callback
  // ids are 31-bit hashes: 5 bytes each on the wire).
  attacker.client.send_binary(repeat(click(*attacker_listen), 1'000'000));
  for (int i = 0; i < 20; ++i) {
    victim.client.send_binary(click(*listen));
    REQUIRE(victim.wait_for_call(ids::methods::Label_set_text.id));
    std::this_thread::sleep_for(20ms);
  }
  auto closed = attacker.client.wait_closed(5s);
  REQUIRE(closed);
  CHECK(closed->first == 1008);
  CHECK(clicks == 20);  // the victim's, none of the flood's
}

TEST_CASE("protocol: a frame over max_messages_per_frame is refused whole with 1008 and one log line") {
  LogCapture log;
  std::atomic<int> clicks{0};
  LiveServer server({.logger = log.logger(), .max_messages_per_frame = 100}, counting_button(clicks));
  ScriptedBrowser browser(server);
  auto listen = browser.wait_for([](const auto& m) { return m.has_listen(); });
  REQUIRE(listen);
  const auto click = client_frame({callback(listen->listen().widget_id(), listen->listen().callback_id())});
  browser.client.send_binary(repeat(click, 101));
  auto closed = browser.client.wait_closed(3s);
  REQUIRE(closed);
  CHECK(closed->first == 1008);
  CHECK(clicks == 0);
  CHECK(log.matching("max_messages_per_frame (100)").size() == 1);
}

TEST_CASE("protocol: callbacks past max_callbacks_per_second wait and all run, in order, with one log line") {
  LogCapture log;
  std::atomic<int> clicks{0};
  LiveServer server({.logger = log.logger(), .max_callbacks_per_second = 50, .max_callback_burst = 50},
                    counting_button(clicks));
  ScriptedBrowser browser(server);
  auto listen = browser.wait_for([](const auto& m) { return m.has_listen(); });
  REQUIRE(listen);
  const auto click = client_frame({callback(listen->listen().widget_id(), listen->listen().callback_id())});
  const auto start = std::chrono::steady_clock::now();
  browser.client.send_binary(repeat(click, 40));  // within the burst
  for (int i = 0; i < 40; ++i) browser.client.send_binary(click);  // 80 in well under a second
  const auto deadline = start + 5s;
  while (clicks < 80 && std::chrono::steady_clock::now() < deadline) std::this_thread::sleep_for(5ms);
  CHECK(clicks == 80);  // none dropped
  // 30 over the burst at 50 a second: about 0.6 s late, not at once.
  CHECK(std::chrono::steady_clock::now() - start > 400ms);
  CHECK(browser.client.is_open());
  CHECK(log.matching("max_callbacks_per_second (50)").size() == 1);
}

TEST_CASE("protocol: a scripted flood of 100,000 callbacks a second is cut off with 1008, its memory bounded") {
  LogCapture log;
  std::atomic<int> clicks{0};
  LiveServer server({.logger = log.logger()}, counting_button(clicks));  // the defaults
  ScriptedBrowser browser(server);
  auto listen = browser.wait_for([](const auto& m) { return m.has_listen(); });
  REQUIRE(listen);
  const auto click = client_frame({callback(listen->listen().widget_id(), listen->listen().callback_id())});
  const auto hundred = repeat(click, 100);
  const pgw::ApplicationOptions defaults;
  // 100 callbacks a millisecond until the server closes the connection.
  const auto start = std::chrono::steady_clock::now();
  int sent = 0;
  while (browser.client.is_open() && std::chrono::steady_clock::now() - start < 5s) {
    browser.client.send_binary(hundred);
    sent += 100;
    std::this_thread::sleep_until(start + std::chrono::milliseconds(sent / 100));
  }
  auto closed = browser.client.wait_closed(3s);
  REQUIRE(closed);
  CHECK(closed->first == 1008);
  const auto took = std::chrono::steady_clock::now() - start;
  INFO(sent << " callbacks sent in " << std::chrono::duration_cast<std::chrono::milliseconds>(took).count() << " ms");
  CHECK(took < 2s);
  std::this_thread::sleep_for(200ms);
  // Handled: the burst and the rate's share, never what waited when it was cut off.
  const double seconds = std::chrono::duration<double>(took).count();
  CHECK(clicks <= static_cast<int>(defaults.max_callback_burst + defaults.max_callbacks_per_second * seconds) + 100);
  CHECK(clicks >= static_cast<int>(defaults.max_callback_burst));
  CHECK(log.matching("max_callbacks_waiting (" + std::to_string(defaults.max_callbacks_waiting) + ")").size() == 1);
}

TEST_CASE("protocol: a rebinding Host gets 403 on HTTP and on the WebSocket, and Origin comes from the bound host") {
  LiveServer server({.logger = pgw::quiet_logger()});
  const std::string http = std::to_string(server.http_port);
  const std::string ws = std::to_string(server.ws_port);
  // DNS rebinding: the attacker's name now points at 127.0.0.1.
  CHECK(http_get("127.0.0.1", server.http_port, "/", "rebind.attacker.test:" + http).status == 403);
  CHECK_THAT(handshake_status(server.ws_port, "rebind.attacker.test:" + ws, "http://rebind.attacker.test:" + http),
             Catch::Contains("403"));
  // Our own names pass.
  CHECK(http_get("127.0.0.1", server.http_port, "/", "127.0.0.1:" + http).status == 200);
  CHECK(http_get("127.0.0.1", server.http_port, "/", "localhost:" + http).status == 200);
  CHECK_THAT(handshake_status(server.ws_port, "127.0.0.1:" + ws, "http://127.0.0.1:" + http), Catch::Contains("101"));
  CHECK_THAT(handshake_status(server.ws_port, "localhost:" + ws, "http://localhost:" + http), Catch::Contains("101"));
  // The page's origin is on our HTTP port, whatever Host says.
  CHECK_THAT(handshake_status(server.ws_port, "127.0.0.1:" + ws, "http://127.0.0.1:1"), Catch::Contains("403"));
  CHECK_THAT(handshake_status(server.ws_port, "127.0.0.1:1", "http://127.0.0.1:1"), Catch::Contains("403"));
  // No Origin: not a browser, refused by default.
  CHECK_THAT(handshake_status(server.ws_port, "127.0.0.1:" + ws, ""), Catch::Contains("403"));
}

TEST_CASE("protocol: allowed_hosts and allow_missing_origin widen the checks") {
  LiveServer server({.logger = pgw::quiet_logger(), .allowed_hosts = {"app.example.test"}, .allow_missing_origin = true});
  const std::string http = std::to_string(server.http_port);
  const std::string ws = std::to_string(server.ws_port);
  CHECK(http_get("127.0.0.1", server.http_port, "/", "app.example.test:" + http).status == 200);
  CHECK(http_get("127.0.0.1", server.http_port, "/", "other.example.test:" + http).status == 403);
  CHECK_THAT(handshake_status(server.ws_port, "app.example.test:" + ws, "http://app.example.test:" + http),
             Catch::Contains("101"));
  CHECK_THAT(handshake_status(server.ws_port, "127.0.0.1:" + ws, ""), Catch::Contains("101"));
}

TEST_CASE("protocol: behind a proxy, public_url's host and origin are our own, and the page is told public_ws_url") {
  LiveServer server({.logger = pgw::quiet_logger(), .public_url = "http://proxy.example.test:8080/",
                     .public_ws_url = "/ws"});
  const std::string ws = std::to_string(server.ws_port);
  // nginx forwards Host: proxy.example.test; the page's origin is the proxy's.
  const auto page = http_get("127.0.0.1", server.http_port, "/?session=p1.0123456789abcdef", "proxy.example.test");
  CHECK(page.status == 200);
  CHECK_THAT(page.body, Catch::Contains("window.PGWIDGETS_WS_URL = \"/ws\";"));
  CHECK_THAT(handshake_status(server.ws_port, "proxy.example.test", "http://proxy.example.test:8080"),
             Catch::Contains("101"));
  // Another port or another name is not the proxy's page.
  CHECK_THAT(handshake_status(server.ws_port, "proxy.example.test", "http://proxy.example.test:8081"),
             Catch::Contains("403"));
  CHECK_THAT(handshake_status(server.ws_port, "other.example.test", "http://proxy.example.test:8080"),
             Catch::Contains("403"));
  CHECK(http_get("127.0.0.1", server.http_port, "/", "other.example.test").status == 403);
  CHECK_THAT(handshake_status(server.ws_port, "127.0.0.1:" + ws, "http://127.0.0.1:8080"), Catch::Contains("403"));
}

TEST_CASE("protocol: a newline in a browser error is escaped in the log") {
  LogCapture log;
  LiveServer server({.logger = log.logger()}, [](pgw::Application& app) {
    app.on_connect([](pgw::Session& s) -> pgw::Task<> {
      auto label = co_await s.get_widgets().Label("x");
      co_await label.set_text("y");
    });
  });
  ScriptedBrowser browser(server);
  auto call = browser.wait_for_call(ids::methods::Label_set_text.id);
  REQUIRE(call);
  const std::string forged = "boom\npgwidgets error: session 0: forged line\x1b[2J";
  browser.client.send_binary(client_frame(
      {error(call->call().seq(), call->call().widget_id(), ids::methods::Label_set_text.id, forged)}));
  REQUIRE(log.wait_for("boom"));
  const auto lines = log.matching("boom");
  REQUIRE(lines.size() == 1);
  CHECK_THAT(lines[0], Catch::Contains("boom\\npgwidgets error: session 0: forged line\\x1b[2J"));
  CHECK(lines[0].find('\n') == std::string::npos);
  CHECK(lines[0].find('\x1b') == std::string::npos);
}

TEST_CASE("protocol: protocol errors are answered and logged at most once a second, with a count") {
  LogCapture log;
  std::atomic<int> clicks{0};
  LiveServer server({.logger = log.logger()}, counting_button(clicks));
  ScriptedBrowser browser(server);
  REQUIRE(browser.wait_for([](const auto& m) { return m.has_listen(); }));
  for (int i = 0; i < 50; ++i) browser.client.send_binary(client_frame({callback(4242, 1)}));
  int errors = 0;
  while (browser.wait_for([](const auto& m) { return m.has_error(); }, 300ms)) ++errors;
  CHECK(errors >= 1);
  CHECK(errors <= 2);  // two when the flood straddles a second
  CHECK(log.matching("protocol error").size() == static_cast<std::size_t>(errors));
  std::this_thread::sleep_for(1100ms);
  browser.client.send_binary(client_frame({callback(4242, 1)}));
  REQUIRE(browser.wait_for([](const auto& m) { return m.has_error(); }));
  CHECK(log.wait_for("similar lines suppressed"));
}

namespace {

double cpu_seconds(pid_t pid) {
  std::ifstream stat("/proc/" + std::to_string(pid) + "/stat");
  std::string text((std::istreambuf_iterator<char>(stat)), std::istreambuf_iterator<char>());
  std::istringstream fields(text.substr(text.rfind(')') + 2));
  std::string field;
  unsigned long long utime = 0, stime = 0;
  for (int i = 3; i <= 15 && fields >> field; ++i) {
    if (i == 14) utime = std::stoull(field);
    if (i == 15) stime = std::stoull(field);
  }
  return static_cast<double>(utime + stime) / static_cast<double>(sysconf(_SC_CLK_TCK));
}

}  // namespace

TEST_CASE("protocol: at the open-file limit the server backs off instead of spinning (prlimit --nofile=64)") {
  // A real server process with default options; it prints its WebSocket port.
  ChildProcess app({"/usr/bin/prlimit", "--nofile=64", "--", PGW_THROWING_APP});
  const auto port_line = app.stdout_line(10s);
  REQUIRE(port_line);
  const auto port = static_cast<std::uint16_t>(std::stoi(*port_line));
  asio::io_context io;
  std::vector<asio::ip::tcp::socket> sockets;
  for (int i = 0; i < 100; ++i) {  // more than 64 descriptors: the server runs out
    sockets.emplace_back(io);
    sockets.back().connect(asio::ip::tcp::endpoint(asio::ip::make_address("127.0.0.1"), port));
  }
  REQUIRE(app.wait_stderr("cannot accept connections", 5s));
  const double before = cpu_seconds(app.pid());
  std::this_thread::sleep_for(5s);
  const double used = cpu_seconds(app.pid()) - before;
  INFO("CPU over 5 s: " << used << " s");
  CHECK(used < 0.5);
  const std::string& err = app.stderr_text();
  std::size_t lines = 0;
  for (auto at = err.find('\n'); at != std::string::npos; at = err.find('\n', at + 1)) ++lines;
  INFO(err.substr(0, 2000));
  CHECK(lines < 20);  // backing off logs once an episode, not 75,000 lines a second
}
