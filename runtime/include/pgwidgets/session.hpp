// pgw::Session: one user's UI. It outlives browser connections: a reload or
// a dropped link rejoins it (the page is rebuilt from the server's copy),
// and several browsers may show it at once.
#pragma once

#include <chrono>
#include <cstddef>
#include <cstdint>
#include <exception>
#include <functional>
#include <memory>
#include <string>

#include "pgwidgets/task.hpp"
#include "pgwidgets/timer.hpp"
#include "pgwidgets/widgets/base.hpp"  // Size; not the other families

namespace pgw {

// The widget factory: <pgwidgets/widgets.hpp> (or <pgwidgets/pgwidgets.hpp>)
// defines it with every family's classes. A file that only passes sessions
// around does not include them, so a schema edit does not recompile it.
class Widgets;

namespace detail {
class SessionCore;
struct SessionAccess;
}

// A session's traffic since it started: what its connection carried each
// way, and the calls still waiting for the browser's answer.
struct SessionStats {
  std::uint64_t frames_sent = 0;
  std::uint64_t bytes_sent = 0;       // WebSocket payload bytes, frame headers excluded
  std::uint64_t frames_received = 0;  // the page's hello included
  std::uint64_t bytes_received = 0;
  std::size_t pending_calls = 0;
  // FileDialog uploads under way, the bytes they hold that the program has
  // not read yet, and the uploads over (of which `uploads_failed` did not
  // end whole: refused, cancelled, their browser gone).
  std::size_t uploads_active = 0;
  std::uint64_t upload_bytes_buffered = 0;
  std::uint64_t uploads_finished = 0;
  std::uint64_t uploads_failed = 0;
  // Streams (methods marked `latest_wins`: Image.set_binary_image): frames
  // sent to browsers (one sent to two browsers counts twice), frames
  // replaced by a newer one before a browser was sent them (the latest
  // frame wins: a program pushing faster than a browser shows frames
  // drops the surplus, and memory stays bounded), and frames held now,
  // waiting for a browser to take the one before.
  std::uint64_t stream_frames_sent = 0;
  std::uint64_t frames_dropped = 0;
  std::size_t frames_held = 0;
  // Messages over 1 MiB sent in chunks between the other traffic, the
  // chunks sent, and the bytes of such messages not yet sent.
  std::uint64_t chunked_messages = 0;
  std::uint64_t chunks_sent = 0;
  std::uint64_t chunk_bytes_waiting = 0;
};

// Made by the Application for each browser tab; handlers get it by reference.
class Session {
 public:
  // Receives errors that have no call site: browser-side failures of
  // pipelined calls (a RemoteError) and exceptions thrown by handlers.
  using ErrorHandler = std::function<void(std::exception_ptr)>;

  Session(const Session&) = delete;
  Session& operator=(const Session&) = delete;
  ~Session();

  const std::string& id() const;
  // The secret that lets a browser rejoin this session (128 random bits).
  const std::string& token() const;
  // The page's address with ?session=<id>&token=<token>: opened in another
  // browser, it joins this session. Share it as you would a password. With
  // http_server off it is only the query, for your own page's address.
  std::string get_url() const;
  // Whether a browser is attached now.
  bool is_connected() const;
  // The widget factory: co_await session.get_widgets().Button("OK").
  Widgets get_widgets() const;
  // The browser's viewport, from its reports (0x0 before the first).
  Size get_screen_size() const;

  // Every call waits for the browser and throws RemoteError at its site.
  void set_strict_calls(bool strict);
  bool strict_calls() const;
  // Replaces the error handler (default: the application's logger).
  void set_error_handler(ErrorHandler handler);

  // A server-side timer (see Timer); fires with no browser attached.
  Task<Timer> make_timer(std::chrono::steady_clock::duration duration = std::chrono::seconds(0));

  // Opens `url` (http:, https: or a path on this server, "/...") in a new
  // tab or window of this session's browsers; anything else throws
  // std::invalid_argument. A browser that blocks the popup shows a link.
  void open_url(std::string url);

  // Ends the session at once: closes every browser attached, fails what
  // is pending with Disconnected, frees the handlers, timers and widgets.
  Task<> close();

  // Frames and bytes each way since the session started, and pending calls.
  SessionStats stats() const;

 private:
  friend struct detail::SessionAccess;
  explicit Session(std::shared_ptr<detail::SessionCore> core);

  std::shared_ptr<detail::SessionCore> core_;
};

}  // namespace pgw
