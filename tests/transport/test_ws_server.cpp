// The websocketpp transport on loopback, driven by a real WebSocket client.
// C++17, like the transport itself. The server runs on an io_context in a
// background thread; the test thread reaches it only through on_io().
#include <catch2/catch.hpp>

#include <algorithm>
#include <atomic>
#include <chrono>
#include <filesystem>
#include <fstream>
#include <future>
#include <memory>
#include <mutex>
#include <stdexcept>
#include <string>
#include <thread>
#include <vector>

#include <boost/asio/connect.hpp>
#include <boost/asio/io_context.hpp>
#include <boost/asio/ip/tcp.hpp>
#include <boost/asio/post.hpp>
#include <boost/asio/read.hpp>
#include <boost/asio/write.hpp>

#include <arpa/inet.h>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <sys/socket.h>

#include "support/ws_test_client.hpp"
#include "transport/ws_server.hpp"

namespace {

namespace asio = boost::asio;
using namespace std::chrono_literals;
using pgw::test::WsTestClient;
using pgw::transport::ConnectInfo;
using pgw::transport::ConnectionId;
using pgw::transport::HttpRequest;
using pgw::transport::HttpResponse;
using pgw::transport::Server;
using pgw::transport::ServerConfig;

struct Closed {
  ConnectionId id;
  int code;
  std::string reason;
};

// Records every event and echoes binary frames back.
class Recorder final : public pgw::transport::Listener {
 public:
  Server* server = nullptr;
  // Admits every connection as it opens, as an Application does once the
  // hello is in; false leaves them to the pre-hello limits.
  std::atomic<bool> admit{true};

  void on_open(ConnectionId id, const ConnectInfo& info) override {
    if (server && admit) server->admit(id);
    std::lock_guard<std::mutex> lock(mutex_);
    opened_.emplace_back(id, info);
  }
  void on_message(ConnectionId id, std::string_view bytes) override {
    {
      std::lock_guard<std::mutex> lock(mutex_);
      ++messages_;
    }
    if (server) server->send(id, std::string(bytes));
  }
  void on_close(ConnectionId id, int code, const std::string& reason) override {
    std::lock_guard<std::mutex> lock(mutex_);
    closed_.push_back(Closed{id, code, reason});
  }

  std::vector<std::pair<ConnectionId, ConnectInfo>> opened() const {
    std::lock_guard<std::mutex> lock(mutex_);
    return opened_;
  }
  std::vector<Closed> closed() const {
    std::lock_guard<std::mutex> lock(mutex_);
    return closed_;
  }
  // The client sees the handshake answer before the server's open handler
  // has run, so tests wait for it. Polls (briefly) until `n` have opened.
  std::vector<std::pair<ConnectionId, ConnectInfo>> wait_opened(std::size_t n,
                                                                std::chrono::milliseconds timeout = 3s) const {
    const auto deadline = std::chrono::steady_clock::now() + timeout;
    while (std::chrono::steady_clock::now() < deadline) {
      if (opened().size() >= n) break;
      std::this_thread::sleep_for(1ms);
    }
    return opened();
  }
  // Polls (briefly) until `n` connections have closed.
  std::vector<Closed> wait_closed(std::size_t n, std::chrono::milliseconds timeout = 3s) const {
    const auto deadline = std::chrono::steady_clock::now() + timeout;
    while (std::chrono::steady_clock::now() < deadline) {
      if (closed().size() >= n) break;
      std::this_thread::sleep_for(2ms);
    }
    return closed();
  }

 private:
  mutable std::mutex mutex_;
  std::vector<std::pair<ConnectionId, ConnectInfo>> opened_;
  std::vector<Closed> closed_;
  int messages_ = 0;
};

class LogCapture {
 public:
  pgw::Logger logger() {
    return [this](pgw::LogLevel level, std::string_view message) {
      std::lock_guard<std::mutex> lock(mutex_);
      lines_.push_back(std::string(pgw::to_string(level)) + ": " + std::string(message));
    };
  }
  bool contains(const std::string& level, const std::string& needle) const {
    std::lock_guard<std::mutex> lock(mutex_);
    for (const auto& line : lines_) {
      if (line.rfind(level + ": ", 0) == 0 && line.find(needle) != std::string::npos) return true;
    }
    return false;
  }
  std::string all() const {
    std::lock_guard<std::mutex> lock(mutex_);
    std::string out;
    for (const auto& line : lines_) out += line + "\n";
    return out;
  }

 private:
  mutable std::mutex mutex_;
  std::vector<std::string> lines_;
};

ServerConfig loopback_config() {
  ServerConfig config;
  config.host = "127.0.0.1";
  config.ws_port = 0;
  config.http_port = 0;
  return config;
}

// A started server whose io_context runs on a background thread.
class Harness {
 public:
  explicit Harness(ServerConfig config = loopback_config()) {
    server = pgw::transport::make_websocketpp_server(io, std::move(config), listener, log.logger());
    listener.server = server.get();
    server->start();
    io_done_ = io_finished_.get_future();
    thread_ = std::thread([this] {
      io.run();
      io_finished_.set_value();
    });
  }

  ~Harness() {
    if (thread_.joinable()) {
      if (!join_within(3s)) {
        io.stop();
        thread_.join();
      }
    }
    // The server outlives io.run(); destroy it before the io_context.
    server.reset();
  }

  template <class F>
  auto on_io(F f) -> decltype(f()) {
    std::packaged_task<decltype(f())()> task(std::move(f));
    auto result = task.get_future();
    asio::post(io, [&task] { task(); });
    if (result.wait_for(5s) != std::future_status::ready) throw std::runtime_error("on_io: timed out");
    return result.get();
  }

  // Stops the server and reports whether io.run() then returns by itself.
  bool stop_and_join(std::chrono::milliseconds timeout = 3s) {
    on_io([this] { server->stop(); });
    return join_within(timeout);
  }

  bool join_within(std::chrono::milliseconds timeout) {
    if (!thread_.joinable()) return true;
    if (io_done_.wait_for(timeout) != std::future_status::ready) return false;
    thread_.join();
    return true;
  }

  std::string ws_url(const std::string& resource = "/ws") const {
    return "ws://127.0.0.1:" + std::to_string(server->ws_port()) + resource;
  }

  asio::io_context io;
  Recorder listener;
  LogCapture log;
  std::unique_ptr<Server> server;

 private:
  std::promise<void> io_finished_;
  std::future<void> io_done_;
  std::thread thread_;
};

std::string frame_payload(int i) {
  std::string s = "frame-" + std::to_string(i) + "-";
  s.append(static_cast<std::size_t>(i * 37 % 500), static_cast<char>(i));  // binary bytes, some NULs
  return s;
}

}  // namespace

TEST_CASE("binary frames round trip in order", "[transport]") {
  Harness h;
  REQUIRE(h.server->ws_port() != 0);
  {
    WsTestClient client(h.ws_url("/ws?session=abc"), "http://example.test");
    for (int i = 0; i < 100; ++i) client.send_binary(frame_payload(i));
    for (int i = 0; i < 100; ++i) {
      auto frame = client.receive(2s);
      REQUIRE(frame);
      REQUIRE(*frame == frame_payload(i));
    }
    const auto opened = h.listener.opened();
    REQUIRE(opened.size() == 1);
    CHECK(opened[0].first >= 1);
    CHECK(opened[0].second.resource == "/ws?session=abc");
    CHECK(opened[0].second.origin == "http://example.test");
    CHECK(opened[0].second.host == "127.0.0.1:" + std::to_string(h.server->ws_port()));
    CHECK(opened[0].second.remote.rfind("127.0.0.1:", 0) == 0);
    client.close(1000);
    REQUIRE(client.wait_closed(2s));
  }
  const auto closed = h.listener.wait_closed(1);
  REQUIRE(closed.size() == 1);
  CHECK(closed[0].id == h.listener.opened()[0].first);
  CHECK(closed[0].code == 1000);
  CHECK(h.log.contains("info", "open"));
  CHECK(h.stop_and_join());
  CHECK(h.listener.closed().size() == 1);  // exactly once
}

namespace {
// The TCP_NODELAY flag of every accepted socket of this process whose local
// port is `port` (the test client and the server share the process).
std::vector<int> nodelay_of_accepted(std::uint16_t port) {
  std::vector<int> flags;
  for (const auto& entry : std::filesystem::directory_iterator("/proc/self/fd")) {
    int fd = 0;
    try {
      fd = std::stoi(entry.path().filename().string());
    } catch (...) {
      continue;
    }
    sockaddr_in local{}, peer{};
    socklen_t len = sizeof local;
    if (getsockname(fd, reinterpret_cast<sockaddr*>(&local), &len) != 0 || local.sin_family != AF_INET) continue;
    if (ntohs(local.sin_port) != port) continue;
    len = sizeof peer;
    if (getpeername(fd, reinterpret_cast<sockaddr*>(&peer), &len) != 0) continue;  // the listener
    int flag = -1;
    len = sizeof flag;
    if (getsockopt(fd, IPPROTO_TCP, TCP_NODELAY, &flag, &len) == 0) flags.push_back(flag);
  }
  return flags;
}
}  // namespace

TEST_CASE("WebSocket connections are accepted with TCP_NODELAY", "[transport]") {
  Harness h;
  WsTestClient client(h.ws_url());
  REQUIRE(h.listener.wait_opened(1).size() == 1);
  const auto flags = h.on_io([&] { return nodelay_of_accepted(h.server->ws_port()); });
  REQUIRE(flags.size() == 1);
  CHECK(flags[0] != 0);
  CHECK(h.stop_and_join());
}

TEST_CASE("connection ids increase and server->close() sends the code", "[transport]") {
  Harness h;
  WsTestClient a(h.ws_url());
  WsTestClient b(h.ws_url());
  const auto opened = h.listener.wait_opened(2);
  REQUIRE(opened.size() == 2);
  CHECK(opened[1].first > opened[0].first);
  h.on_io([&] { h.server->close(opened[0].first, 4001, "go away"); });
  // Unknown ids are ignored: no close reaches the listener, nothing is logged as an error.
  h.on_io([&] { h.server->close(9999, 1000, "unknown id is ignored"); });
  h.on_io([&] { h.server->send(9999, "unknown id is ignored"); });
  auto closed = a.wait_closed(2s);
  REQUIRE(closed);
  CHECK(closed->first == 4001);
  CHECK(closed->second == "go away");
  b.send_binary("still here");
  CHECK(b.receive(2s) == std::optional<std::string>("still here"));
  const auto server_closed = h.listener.wait_closed(1);
  REQUIRE(server_closed.size() == 1);
  CHECK(server_closed[0].code == 4001);
  // Sending to a connection that is gone is quietly ignored.
  h.on_io([&] { h.server->send(opened[0].first, "late"); });
  b.send_binary("after the late send");
  CHECK(b.receive(2s) == std::optional<std::string>("after the late send"));
  CHECK(h.listener.closed().size() == 1);
  CHECK(h.listener.opened().size() == 2);
  CHECK_FALSE(h.log.contains("error", ""));
  CHECK_FALSE(h.log.contains("warning", ""));
  CHECK(h.stop_and_join());
}

TEST_CASE("a text frame closes the connection with 1003, and the server keeps serving", "[transport]") {
  Harness h;
  {
    WsTestClient client(h.ws_url());
    client.send_text("{\"not\": \"binary\"}");
    auto closed = client.wait_closed(2s);
    REQUIRE(closed);
    CHECK(closed->first == 1003);
    CHECK(closed->second == "binary frames only");
  }
  auto closed = h.listener.wait_closed(1);
  REQUIRE(closed.size() == 1);
  CHECK(closed[0].code == 1003);
  CHECK(h.log.contains("warning", "text frame"));

  WsTestClient again(h.ws_url());
  again.send_binary("hello");
  CHECK(again.receive(2s) == std::optional<std::string>("hello"));
  CHECK(h.stop_and_join());
}

TEST_CASE("an oversize frame closes the connection with 1009, and the server survives", "[transport]") {
  ServerConfig config = loopback_config();
  config.max_frame_bytes = 1024;
  Harness h(config);
  {
    WsTestClient client(h.ws_url());
    client.send_binary(std::string(1024, 'a'));
    CHECK(client.receive(2s) == std::optional<std::string>(std::string(1024, 'a')));
    client.send_binary(std::string(4096, 'b'));
    auto closed = client.wait_closed(2s);
    REQUIRE(closed);
    CHECK(closed->first == 1009);
  }
  auto closed = h.listener.wait_closed(1);
  REQUIRE(closed.size() == 1);
  CHECK(closed[0].code == 1009);
  CHECK(h.log.contains("warning", "max_frame_bytes"));

  WsTestClient again(h.ws_url());
  again.send_binary("small");
  CHECK(again.receive(2s) == std::optional<std::string>("small"));
  CHECK(h.stop_and_join());
}

TEST_CASE("accept_origin refuses a handshake with 403", "[transport]") {
  ServerConfig config = loopback_config();
  std::atomic<int> asked{0};
  config.accept_origin = [&asked](const ConnectInfo& info) {
    ++asked;
    return info.origin == "http://good.test";
  };
  Harness h(config);
  try {
    WsTestClient client(h.ws_url(), "http://evil.test");
    FAIL("the handshake should have been refused");
  } catch (const std::runtime_error& e) {
    CHECK(std::string(e.what()).find("403") != std::string::npos);
  }
  CHECK(h.listener.opened().empty());

  WsTestClient good(h.ws_url(), "http://good.test");
  CHECK(good.is_open());
  CHECK(asked == 2);
  CHECK(h.listener.wait_opened(1).size() == 1);
  CHECK(h.stop_and_join());
  CHECK(h.listener.closed().size() == 1);  // the refused one never opened, so never closes
}

TEST_CASE("the HTTP port answers through http_handler", "[transport]") {
  ServerConfig config = loopback_config();
  config.http_handler = [](const HttpRequest& request) {
    if (request.resource == "/boom") throw std::runtime_error("handler exploded");
    HttpResponse response;
    if (request.resource == "/missing") {
      response.status = 404;
      response.body = "nope";
      return response;
    }
    response.content_type = "text/html; charset=utf-8";
    response.body = request.method + " " + request.resource + " " + request.host;
    response.headers.emplace_back("X-Test", "1");
    return response;
  };
  Harness h(config);
  const std::uint16_t port = h.server->http_port();
  REQUIRE(port != 0);
  CHECK(port != h.server->ws_port());

  auto page = pgw::test::http_get("127.0.0.1", port, "/index.html?x=1", "myhost:123");
  CHECK(page.status == 200);
  CHECK(page.content_type == "text/html; charset=utf-8");
  CHECK(page.body == "GET /index.html?x=1 myhost:123");

  auto missing = pgw::test::http_get("127.0.0.1", port, "/missing");
  CHECK(missing.status == 404);
  CHECK(missing.content_type == "text/plain; charset=utf-8");
  CHECK(missing.body == "nope");

  auto boom = pgw::test::http_get("127.0.0.1", port, "/boom");
  CHECK(boom.status == 500);
  CHECK(h.log.contains("error", "handler exploded"));

  // A WebSocket handshake on the HTTP port fails; a plain GET on the
  // WebSocket port is refused (426). Neither hurts the server.
  CHECK_THROWS_AS(WsTestClient("ws://127.0.0.1:" + std::to_string(port) + "/ws", "", 2s), std::runtime_error);
  auto on_ws_port = pgw::test::http_get("127.0.0.1", h.server->ws_port(), "/");
  CHECK(on_ws_port.status == 426);
  CHECK(pgw::test::http_get("127.0.0.1", port, "/again").status == 200);
  CHECK(h.listener.opened().empty());
  CHECK(h.stop_and_join());
}

TEST_CASE("http_server = false opens no HTTP listener", "[transport]") {
  ServerConfig config = loopback_config();
  config.http_server = false;
  Harness h(config);
  CHECK(h.server->http_port() == 0);
  WsTestClient client(h.ws_url());
  CHECK(client.is_open());
  CHECK(h.stop_and_join());
}

TEST_CASE("a port that cannot be bound makes start() throw", "[transport]") {
  Harness first;
  const std::uint16_t taken = first.server->ws_port();
  asio::io_context io;
  Recorder listener;
  {
    ServerConfig config = loopback_config();
    config.ws_port = taken;
    auto server = pgw::transport::make_websocketpp_server(io, config, listener, {});
    try {
      server->start();
      FAIL("start() should have thrown");
    } catch (const std::runtime_error& e) {
      const std::string what = e.what();
      CHECK(what.find("cannot listen on 127.0.0.1:" + std::to_string(taken)) != std::string::npos);
      CHECK(what.find("in use") != std::string::npos);
    }
  }
  {
    ServerConfig config = loopback_config();
    config.http_port = first.server->http_port();
    auto server = pgw::transport::make_websocketpp_server(io, config, listener, {});
    CHECK_THROWS_WITH(server->start(), Catch::Contains(std::to_string(config.http_port)));
  }
  {
    ServerConfig config = loopback_config();
    config.host = "203.0.113.1";  // not an address of this machine
    auto server = pgw::transport::make_websocketpp_server(io, config, listener, {});
    CHECK_THROWS_AS(server->start(), std::runtime_error);
  }
  // Nothing is left behind that keeps an io_context busy.
  io.run_for(1s);
  CHECK(io.stopped());
  CHECK(first.stop_and_join());
}

TEST_CASE("stop() closes every connection with 1001 and lets io.run() return", "[transport]") {
  Harness h;
  WsTestClient a(h.ws_url());
  WsTestClient b(h.ws_url());
  REQUIRE(h.listener.wait_opened(2).size() == 2);
  // Idle sockets that never send a request must not hold the io_context.
  asio::io_context raw_io;
  asio::ip::tcp::socket idle_http(raw_io), idle_ws(raw_io);
  idle_http.connect({asio::ip::make_address("127.0.0.1"), h.server->http_port()});
  idle_ws.connect({asio::ip::make_address("127.0.0.1"), h.server->ws_port()});
  // Each port accepts in order: once a later connection is served, the
  // idle one before it was accepted too.
  WsTestClient after_idle(h.ws_url());
  REQUIRE(h.listener.wait_opened(3).size() == 3);
  CHECK(pgw::test::http_get("127.0.0.1", h.server->http_port(), "/").status != 0);

  const auto started = std::chrono::steady_clock::now();
  h.on_io([&] {
    h.server->stop();
    h.server->stop();  // idempotent
  });
  for (WsTestClient* client : {&a, &b, &after_idle}) {
    auto closed = client->wait_closed(2s);
    REQUIRE(closed);
    CHECK(closed->first == 1001);
    CHECK(closed->second == "server shutting down");
  }
  CHECK(h.join_within(2s));
  CHECK(std::chrono::steady_clock::now() - started < 2s);
  const auto closed = h.listener.closed();
  REQUIRE(closed.size() == 3);
  for (const auto& c : closed) CHECK(c.code == 1001);
  CHECK_THROWS_WITH(WsTestClient(h.ws_url(), "", 500ms), Catch::Contains("failed") || Catch::Contains("timed out"));
}

TEST_CASE("destroying the server closes connections and never calls the listener again", "[transport]") {
  Harness h;
  WsTestClient client(h.ws_url());
  REQUIRE(h.listener.wait_opened(1).size() == 1);
  h.on_io([&] {
    h.listener.server = nullptr;
    h.server.reset();
  });
  auto closed = client.wait_closed(2s);
  REQUIRE(closed);
  CHECK(closed->first == 1001);
  CHECK(h.join_within(2s));
  CHECK(h.listener.closed().empty());
}

namespace {

// A WebSocket client that completes the handshake and then never reads:
// a browser tab that stalled.
class StalledClient {
 public:
  explicit StalledClient(std::uint16_t port) : socket_(io_) {
    asio::ip::tcp::endpoint endpoint(asio::ip::make_address("127.0.0.1"), port);
    socket_.connect(endpoint);
    // A small receive buffer, so the server's frames pile up on its side.
    socket_.set_option(asio::socket_base::receive_buffer_size(4096));
    const std::string request =
        "GET /ws HTTP/1.1\r\nHost: 127.0.0.1:" + std::to_string(port) +
        "\r\nUpgrade: websocket\r\nConnection: Upgrade\r\nSec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\n"
        "Sec-WebSocket-Version: 13\r\n\r\n";
    asio::write(socket_, asio::buffer(request));
    std::string response;
    char c = 0;
    while (response.find("\r\n\r\n") == std::string::npos && response.size() < 4096) {
      asio::read(socket_, asio::buffer(&c, 1));
      response += c;
    }
    if (response.rfind("HTTP/1.1 101", 0) != 0) throw std::runtime_error("handshake failed: " + response);
  }

  // Sends empty pings as fast as the socket takes them, never reading,
  // until a write fails or `dropped()` says the server dropped us, or
  // `limit` passes; calls `dropped` between writes. True if dropped.
  template <class F>
  bool flood_pings(std::chrono::milliseconds limit, F dropped) {
    // A masked, empty ping is 6 bytes: 0x89, 0x80, then a 4-byte mask.
    std::string batch;
    for (int i = 0; i < 10000; ++i) batch.append("\x89\x80\x01\x02\x03\x04", 6);
    socket_.non_blocking(true);
    const auto deadline = std::chrono::steady_clock::now() + limit;
    std::size_t offset = 0;
    while (std::chrono::steady_clock::now() < deadline) {
      if (dropped()) return true;
      boost::system::error_code ec;
      offset += socket_.write_some(asio::buffer(batch.data() + offset, batch.size() - offset), ec);
      if (offset == batch.size()) offset = 0;
      if (ec == asio::error::would_block) {
        std::this_thread::sleep_for(1ms);
      } else if (ec) {
        return true;
      }
    }
    return false;
  }

 private:
  asio::io_context io_;
  asio::ip::tcp::socket socket_;
};

}  // namespace

TEST_CASE("a client that stops reading is closed with 1008 once its backlog passes the limit", "[transport]") {
  ServerConfig config = loopback_config();
  config.max_send_backlog_bytes = 1024 * 1024;
  config.max_frame_bytes = 64 * 1024 * 1024;
  Harness h(config);
  StalledClient stalled(h.server->ws_port());
  auto opened = h.listener.wait_opened(1);
  REQUIRE(opened.size() == 1);
  const ConnectionId id = opened[0].first;
  // 64 MiB in 1 MiB frames: far more than the kernel buffers hold.
  for (int i = 0; i < 64; ++i) {
    h.on_io([&] { h.server->send(id, std::string(1024 * 1024, 'x')); });
  }
  auto closed = h.listener.wait_closed(1, 10s);
  REQUIRE(closed.size() == 1);
  CHECK(closed[0].id == id);
  // 1008 when the close frame got out, 1006 when the handshake timed out.
  CHECK((closed[0].code == 1008 || closed[0].code == 1006));
  CHECK(h.log.contains("warning", "is not reading"));
  // Others are still served.
  WsTestClient other(h.ws_url());
  other.send_binary("still here");
  CHECK(other.receive(2s) == std::optional<std::string>("still here"));
  CHECK(h.stop_and_join());
}

namespace {

std::size_t rss_bytes() {
  std::ifstream status("/proc/self/status");
  std::string line;
  while (std::getline(status, line)) {
    if (line.rfind("VmRSS:", 0) == 0) return std::stoul(line.substr(6)) * 1024;
  }
  throw std::runtime_error("no VmRSS in /proc/self/status");
}

// One raw HTTP exchange; returns the status line, or "" if the server sent
// nothing within `timeout`.
std::string http_status_line(std::uint16_t port, const std::string& request, std::chrono::milliseconds timeout) {
  asio::io_context io;
  asio::ip::tcp::socket socket(io);
  socket.connect(asio::ip::tcp::endpoint(asio::ip::make_address("127.0.0.1"), port));
  asio::write(socket, asio::buffer(request));
  socket.non_blocking(true);
  std::string response;
  const auto deadline = std::chrono::steady_clock::now() + timeout;
  char buffer[1024];
  while (response.find("\r\n") == std::string::npos && std::chrono::steady_clock::now() < deadline) {
    boost::system::error_code ec;
    const std::size_t n = socket.read_some(asio::buffer(buffer), ec);
    if (ec == asio::error::would_block) {
      std::this_thread::sleep_for(5ms);
      continue;
    }
    if (ec) break;
    response.append(buffer, n);
  }
  return response.substr(0, response.find("\r\n"));
}

}  // namespace

TEST_CASE("a peer that floods pings and never reads is closed, and memory stays bounded", "[transport]") {
  ServerConfig config = loopback_config();
  config.ping_interval = 500ms;
  config.ping_timeout = 2s;
  Harness h(config);
  StalledClient flooder(h.server->ws_port());
  REQUIRE(h.listener.wait_opened(1).size() == 1);
  // The bound is on what the flood adds, not on the process (whose size
  // grows with the test binary, and under ASan with its shadow memory).
  const std::size_t base = rss_bytes();
  std::size_t peak = base;
  // Without a bound, websocketpp queues a pong per ping: about 300 bytes of
  // memory for each 6 bytes sent, over 1 GB in these seconds.
  std::string timeline;
  auto next = std::chrono::steady_clock::now();
  const bool dropped = flooder.flood_pings(15s, [&] {
    peak = std::max(peak, rss_bytes());
    if (std::chrono::steady_clock::now() > next) {
      timeline += std::to_string(rss_bytes() / 1024 / 1024) + " ";
      next += 250ms;
    }
    return !h.listener.closed().empty();
  });
  INFO("timeline " << timeline);
  INFO("RSS " << base / (1024 * 1024) << " MiB before the flood, peak " << peak / (1024 * 1024) << " MiB");
  INFO(h.log.all());
  CHECK(dropped);
  CHECK(peak - base < 64u * 1024 * 1024);
  auto closed = h.listener.wait_closed(1, 5s);
  REQUIRE(closed.size() == 1);
  CHECK(h.log.contains("warning", "did not answer a ping within ping_timeout"));
  CHECK(h.stop_and_join());
}

TEST_CASE("a peer that answers pings stays open past ping_timeout", "[transport]") {
  ServerConfig config = loopback_config();
  config.ping_interval = 100ms;
  config.ping_timeout = 300ms;
  Harness h(config);
  WsTestClient client(h.ws_url());  // websocketpp's client answers pings
  std::this_thread::sleep_for(1s);
  CHECK(client.is_open());
  CHECK(h.listener.closed().empty());
  client.send_binary("alive");
  CHECK(client.receive(2s) == std::optional<std::string>("alive"));
  CHECK(h.stop_and_join());
}

TEST_CASE("a connection not admitted within hello_timeout is closed with 1008, an admitted one stays", "[transport]") {
  ServerConfig config = loopback_config();
  config.hello_timeout = 300ms;
  Harness h(config);
  h.listener.admit = false;
  WsTestClient idle(h.ws_url());
  auto closed = idle.wait_closed(3s);
  REQUIRE(closed);
  CHECK(closed->first == 1008);
  CHECK(h.log.contains("warning", "sent no hello within hello_timeout"));
  h.listener.admit = true;
  WsTestClient admitted(h.ws_url());
  std::this_thread::sleep_for(600ms);
  CHECK(admitted.is_open());
  CHECK(h.stop_and_join());
}

TEST_CASE("before admit, a frame over max_bytes_before_hello is refused with 1009", "[transport]") {
  ServerConfig config = loopback_config();
  config.max_bytes_before_hello = 1024;
  Harness h(config);
  h.listener.admit = false;
  WsTestClient early(h.ws_url());
  early.send_binary(std::string(64 * 1024, 'x'));
  auto closed = early.wait_closed(3s);
  REQUIRE(closed);
  CHECK(closed->first == 1009);
  REQUIRE(h.listener.wait_closed(1).size() == 1);  // the server logs once its side is closed
  CHECK(h.log.contains("warning", "larger than max_bytes_before_hello"));
  // Once admitted, the same frame is fine.
  h.listener.admit = true;
  WsTestClient admitted(h.ws_url());
  admitted.send_binary(std::string(64 * 1024, 'x'));
  CHECK(admitted.receive(3s) == std::optional<std::string>(std::string(64 * 1024, 'x')));
  CHECK(h.stop_and_join());
}

TEST_CASE("past max_connections a new socket is closed at once, and a freed slot is reused", "[transport]") {
  ServerConfig config = loopback_config();
  config.max_connections = 2;
  Harness h(config);
  auto first = std::make_unique<WsTestClient>(h.ws_url());
  WsTestClient second(h.ws_url());
  REQUIRE(h.listener.wait_opened(2).size() == 2);
  CHECK_THROWS(WsTestClient(h.ws_url(), "", 2s));
  CHECK(h.log.contains("warning", "max_connections (2)"));
  first.reset();
  REQUIRE(h.listener.wait_closed(1).size() == 1);
  std::this_thread::sleep_for(100ms);  // the closed connection's object goes away
  WsTestClient third(h.ws_url());
  CHECK(third.is_open());
  CHECK(h.stop_and_join());
}

TEST_CASE("an HTTP request announcing a 1 MB body is answered 413 without the body being sent", "[transport]") {
  ServerConfig config = loopback_config();
  config.http_handler = [](const HttpRequest&) { return HttpResponse{}; };
  Harness h(config);
  const std::string port = std::to_string(h.server->http_port());
  const std::string post = "POST / HTTP/1.1\r\nHost: 127.0.0.1:" + port +
                           "\r\nContent-Type: text/plain\r\nContent-Length: 1048576\r\n\r\n";
  CHECK_THAT(http_status_line(h.server->http_port(), post, 2s), Catch::StartsWith("HTTP/1.1 413"));
  const std::string small = "POST / HTTP/1.1\r\nHost: 127.0.0.1:" + port + "\r\nContent-Length: 5\r\n\r\nhello";
  CHECK_THAT(http_status_line(h.server->http_port(), small, 2s), Catch::StartsWith("HTTP/1.1 200"));
  CHECK(h.stop_and_join());
}
