// A small blocking WebSocket client for protocol tests, and an HTTP GET
// helper. C++17: websocketpp lives only in ws_test_client.cpp. The client runs
// its own io_context on a background thread; every call here blocks with a
// timeout and never hangs.
#pragma once

#include <chrono>
#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <utility>

namespace pgw::test {

class WsTestClient {
 public:
  // Connects to ws://host:port/resource, sending `origin` as the Origin
  // header when it is not empty. Throws std::runtime_error when the handshake
  // fails (the message names the HTTP status when there was one) or times out.
  explicit WsTestClient(const std::string& url, const std::string& origin = "",
                        std::chrono::milliseconds timeout = std::chrono::seconds(5));
  ~WsTestClient();  // closes (1000) if still open, and joins the thread

  WsTestClient(const WsTestClient&) = delete;
  WsTestClient& operator=(const WsTestClient&) = delete;

  void send_binary(const std::string& bytes);
  void send_text(const std::string& text);

  // The next binary frame; std::nullopt when none arrives within `timeout`
  // or the connection closed with none left.
  std::optional<std::string> receive(std::chrono::milliseconds timeout = std::chrono::seconds(5));

  // Waits until the connection is closed; returns the close code and reason
  // the server sent (1006 and "" when it just dropped), or std::nullopt on
  // timeout.
  std::optional<std::pair<int, std::string>> wait_closed(
      std::chrono::milliseconds timeout = std::chrono::seconds(5));

  bool is_open() const;
  // Starts a close handshake from this side; does not wait.
  void close(int code = 1000);

  struct Impl;

 private:
  std::unique_ptr<Impl> impl_;
};

struct HttpResult {
  int status = 0;
  std::string content_type;
  std::string body;
};

// A blocking HTTP/1.1 GET with "Connection: close". host_header defaults to
// "host:port". Throws std::runtime_error on network errors or after `timeout`.
HttpResult http_get(const std::string& host, std::uint16_t port, const std::string& target,
                    const std::string& host_header = "",
                    std::chrono::milliseconds timeout = std::chrono::seconds(5));

}  // namespace pgw::test
