// pgw::Session: one browser tab's UI.
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
#include "pgwidgets/widgets.hpp"

namespace pgw {

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

  // Closes the browser connection and ends the session.
  Task<> close();

  // Frames and bytes each way since the session started, and pending calls.
  SessionStats stats() const;

 private:
  friend struct detail::SessionAccess;
  explicit Session(std::shared_ptr<detail::SessionCore> core);

  std::shared_ptr<detail::SessionCore> core_;
};

}  // namespace pgw
