// The transport: a WebSocket server and an HTTP server on one io_context.
//
// websocketpp 0.8.2 does not compile as C++20, so its code lives only in
// ws_server.cpp, compiled as C++17; this header is the whole interface the
// C++20 runtime sees, and it stays C++17-clean (no coroutines, no websocketpp).
#pragma once

#include <chrono>
#include <cstddef>
#include <cstdint>
#include <functional>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include <boost/asio/io_context.hpp>

#include "pgwidgets/limits.hpp"
#include "pgwidgets/logger.hpp"

namespace pgw::transport {

using ConnectionId = std::uint64_t;

// What the browser sent when it opened a WebSocket.
struct ConnectInfo {
  std::string remote;    // "ip:port" of the peer
  std::string origin;    // the Origin header ("" if none)
  std::string host;      // the Host header
  std::string resource;  // path and query, e.g. "/ws?session=..."
};

struct HttpRequest {
  std::string method;    // "GET", ...
  std::string resource;  // path and query
  std::string host;      // the Host header, as the browser sent it
};

struct HttpResponse {
  int status = 200;
  std::string content_type = "text/plain; charset=utf-8";
  std::string body;
  std::vector<std::pair<std::string, std::string>> headers;  // extra headers
};

// The limits (pgw::Limits, with the defaults ApplicationOptions has too)
// and what the transport needs besides them.
struct ServerConfig : Limits {
  std::string host = default_endpoint.host;
  std::uint16_t ws_port = default_endpoint.ws_port;
  std::uint16_t http_port = default_endpoint.http_port;
  bool http_server = default_endpoint.http_server;  // false: no HTTP listener at all
  // Returns true when a WebSocket handshake with this Host and Origin may
  // proceed. Called before the connection opens; a false answer is refused
  // with 403. It logs its refusals itself: it knows why.
  std::function<bool(const ConnectInfo&)> accept_origin;
  // Answers every HTTP request on http_port.
  std::function<HttpResponse(const HttpRequest&)> http_handler;
};

// Events, delivered on the io_context's thread, one connection's in order.
class Listener {
 public:
  virtual ~Listener() = default;
  virtual void on_open(ConnectionId id, const ConnectInfo& info) = 0;
  // One binary frame. (Text frames never get here: the server closes the
  // connection with 1003 and logs it.)
  virtual void on_message(ConnectionId id, std::string_view bytes) = 0;
  // The connection is gone (closed by either side, or failed).
  virtual void on_close(ConnectionId id, int code, const std::string& reason) = 0;
};

class Server {
 public:
  virtual ~Server() = default;

  // Binds and starts accepting; throws std::runtime_error (with the address)
  // when a port cannot be bound.
  virtual void start() = 0;
  // The bound ports, valid after start() (the real port when 0 was asked).
  virtual std::uint16_t ws_port() const = 0;
  virtual std::uint16_t http_port() const = 0;

  // Queues one binary frame; frames leave in the order sent. Unknown or
  // closed connections are ignored.
  virtual void send(ConnectionId id, std::string bytes) = 0;
  // The connection passed its hello: it may send frames of max_frame_bytes
  // and the hello timeout no longer applies.
  virtual void admit(ConnectionId /*id*/) {}
  // Starts a close handshake with this code and reason.
  virtual void close(ConnectionId id, int code, const std::string& reason) = 0;
  // Stops listening and closes every connection (code 1001, "server
  // shutting down"); on_close fires for each. Idempotent.
  virtual void stop() = 0;
};

std::unique_ptr<Server> make_websocketpp_server(boost::asio::io_context& io, ServerConfig config,
                                                Listener& listener, Logger logger);

}  // namespace pgw::transport
