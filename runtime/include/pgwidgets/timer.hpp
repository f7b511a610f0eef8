// pgw::Timer: a server-side timer with pgwidgets' Timer API. It runs in the
// server, so it fires with no browser attached, once however many browsers
// are attached, and its handlers run under the session's lock like
// widget callbacks.
#pragma once

#include <chrono>
#include <functional>
#include <memory>
#include <optional>
#include <type_traits>

#include "pgwidgets/handler.hpp"
#include "pgwidgets/task.hpp"

namespace pgw {

namespace detail {
class TimerState;
}

class Timer {
 public:
  using Duration = std::chrono::steady_clock::duration;

  Timer() = default;
  explicit Timer(std::shared_ptr<detail::TimerState> state);

  // Starts (or restarts) the timer: it expires after `duration`, or after
  // the current duration when none is given.
  void start(std::optional<Duration> duration = std::nullopt) const;
  // Same as start(duration).
  void set(Duration duration) const;
  // Starts only if it is not already running.
  void cond_set(Duration duration) const;
  // Stops without firing anything.
  void stop() const;
  // Stops and fires cancelled(elapsed), running or not (as pgwidgets does;
  // elapsed is zero when it was not running).
  void cancel() const;
  bool is_set() const;
  // Since the last start while running; zero when not running.
  Duration elapsed_time() const;
  // Until expiry (zero if not running).
  Duration time_left() const;
  void set_duration(Duration duration) const;
  Duration get_duration() const;

  // Stops without firing anything and drops the handlers (and what they
  // capture), for good: the session forgets the timer, and any later call
  // on it throws std::logic_error. A second destroy() does nothing.
  void destroy() const;

  // Handlers, plain or coroutines, run in registration order. expired
  // carries the duration that ran out, cancelled the time elapsed.
  template <class F>
  void on_expired(F handler) const {
    static_assert(detail::handler_for<F, Duration>,
                  "pgw::Timer::on_expired: the handler must take exactly (pgw::Timer::Duration duration) (by value, const& or &&, or auto) and "
                  "return void or pgw::Task<>");
    if constexpr (detail::handler_for<F, Duration>) add_expired(detail::adapt_handler<Duration>(std::move(handler)));
  }
  template <class F>
  void on_cancelled(F handler) const {
    static_assert(detail::handler_for<F, Duration>,
                  "pgw::Timer::on_cancelled: the handler must take exactly (pgw::Timer::Duration elapsed) (by value, const& or &&, or auto) and "
                  "return void or pgw::Task<>");
    if constexpr (detail::handler_for<F, Duration>) add_cancelled(detail::adapt_handler<Duration>(std::move(handler)));
  }

  explicit operator bool() const noexcept { return static_cast<bool>(state_); }

 private:
  void add_expired(std::function<Task<>(Duration)> handler) const;
  void add_cancelled(std::function<Task<>(Duration)> handler) const;

  std::shared_ptr<detail::TimerState> state_;
};

}  // namespace pgw
