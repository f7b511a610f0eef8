// pgw::Limits: what one connection may cost, and where the server listens
// by default. Its defaults are the only place those numbers are written:
// ApplicationOptions' fields of the same names take their defaults from
// here, and the transport's ServerConfig is a Limits. Compiles as C++17
// too (the transport's sources are C++17).
#pragma once

#include <chrono>
#include <cstddef>
#include <cstdint>

namespace pgw {

struct Limits {
  std::size_t max_frame_bytes = 16 * 1024 * 1024;
  // A browser that stops reading is disconnected once this much is unsent,
  // so one stalled tab costs bounded memory and never holds up the others.
  // 0: no limit.
  std::size_t max_send_backlog_bytes = 64 * 1024 * 1024;
  // Before its hello, a connection may send one frame of at most this
  // many bytes (a hello is well under 1 KiB); a larger one is refused unread.
  std::size_t max_bytes_before_hello = 4096;
  // A frame with more messages is refused whole, and the connection
  // closed with 1008: no handler of it runs.
  std::size_t max_messages_per_frame = 4096;
  // What a person can do: a connection's events (each click or key, and
  // all of one frame's reports of a latest value such as sizes, positions
  // and drags, which count as one) are handled at this rate after a burst
  // of max_callback_burst. Past it frames wait, in order, and are handled
  // later (one log line); none is dropped.
  std::size_t max_callbacks_per_second = 200;
  std::size_t max_callback_burst = 2000;
  // Only a sender far beyond any human gets this many events (or
  // max_frame_bytes of frames) waiting: the connection is then closed with
  // 1008 and the page backs off. It bounds the memory a flood costs.
  std::size_t max_callbacks_waiting = 2000;
  // A connection that has not completed its hello by then is closed (1008).
  // 0: never.
  std::chrono::milliseconds hello_timeout = std::chrono::seconds(10);
  // Every connection is pinged each ping_interval; one that does not answer
  // within ping_timeout is closed, and its session ends. 0: no pings.
  std::chrono::milliseconds ping_interval = std::chrono::seconds(30);
  std::chrono::milliseconds ping_timeout = std::chrono::seconds(30);
  // Open sockets (WebSocket and HTTP); past it new ones are closed at once.
  // 0: no limit.
  std::size_t max_connections = 1024;
  // An HTTP request with a longer body is answered 413 without being read.
  std::size_t max_http_body_bytes = 4096;
};

// Where the server listens unless told otherwise.
struct Endpoint {
  std::uint16_t ws_port = 9500;    // 0 picks a free port
  std::uint16_t http_port = 9501;  // 0 picks a free port
  // The address bound; the page's origin comes from it.
  const char* host = "127.0.0.1";
  // false: serve nothing; host the page and bundle yourself (see README).
  bool http_server = true;
};

inline constexpr Limits default_limits{};
inline constexpr Endpoint default_endpoint{};

}  // namespace pgw
