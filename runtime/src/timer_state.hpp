// The state behind a pgw::Timer handle: an Asio steady_timer on the
// session's executor; expiry and cancellation run the handlers as session
// handlers (under the concurrency lock).
#pragma once

#include <chrono>
#include <functional>
#include <memory>
#include <vector>

#include <boost/asio/steady_timer.hpp>

#include "manual_clock.hpp"
#include "pgwidgets/task.hpp"

namespace pgw::detail {

class SessionCore;

class TimerState : public std::enable_shared_from_this<TimerState> {
 public:
  using Clock = std::chrono::steady_clock;
  using Duration = Clock::duration;

  // With a `clock`, the timer waits on it (simulated time) instead of Asio.
  TimerState(std::weak_ptr<SessionCore> session, boost::asio::any_io_executor executor, Duration duration,
             std::shared_ptr<ManualClock> clock = nullptr);

  void start(Duration duration);
  void stop();
  void cancel();
  bool running() const { return running_; }
  Duration elapsed() const;
  Duration left() const;
  Duration duration() const { return duration_; }
  void set_duration(Duration d) { duration_ = d; }
  void add_expired(std::function<Task<>(Duration)> h) { expired_.push_back(std::move(h)); }
  void add_cancelled(std::function<Task<>(Duration)> h) { cancelled_.push_back(std::move(h)); }
  // The session ended: stop for good and drop the handlers.
  void shutdown();
  // Timer::destroy(): shutdown(), and the session forgets this timer.
  void destroy();
  bool destroyed() const { return destroyed_; }

 private:
  void fire_expired();
  void wake(std::uint64_t generation);
  Clock::time_point now() const { return clock_ ? clock_->now() : Clock::now(); }
  std::weak_ptr<SessionCore> session_;
  boost::asio::steady_timer timer_;
  std::shared_ptr<ManualClock> clock_;
  ManualClock::Ticket ticket_ = 0;  // the clock's wake-up while running on it
  Duration duration_;
  Clock::time_point started_{};
  bool started_once_ = false;
  bool running_ = false;
  bool shut_down_ = false;
  bool destroyed_ = false;
  std::uint64_t generation_ = 0;  // tells a stale wake-up from the current run
  std::vector<std::function<Task<>(Duration)>> expired_;
  std::vector<std::function<Task<>(Duration)>> cancelled_;
};

}  // namespace pgw::detail
