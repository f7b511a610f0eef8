// A clock that only moves when told: the test kit's time (pgw::testing::
// TestSession::advance). A session given one runs its Timers on it instead
// of Asio's steady timers, so a test fires them in simulated time, with no
// sleep and no dependence on the machine's speed.
#pragma once

#include <chrono>
#include <cstdint>
#include <functional>
#include <map>
#include <utility>

namespace pgw::detail {

class ManualClock {
 public:
  using Clock = std::chrono::steady_clock;
  using TimePoint = Clock::time_point;
  using Duration = Clock::duration;
  using Ticket = std::uint64_t;

  TimePoint now() const { return now_; }

  // `wake` runs once `advance` reaches `at` (at once in the next
  // advance when `at` is already past). Returns a ticket for cancel().
  Ticket schedule(TimePoint at, std::function<void()> wake) {
    const Ticket t = ++last_ticket_;
    due_.emplace(std::make_pair(at, t), std::move(wake));
    return t;
  }
  void cancel(Ticket ticket) {
    std::erase_if(due_, [ticket](const auto& entry) { return entry.first.second == ticket; });
  }

  // Moves to the earliest wake-up due by `until` and runs it; false when
  // none is due (the clock then stands at `until`). The caller runs the
  // work each wake-up starts before asking for the next, so handlers see
  // time move in order.
  bool step(TimePoint until) {
    auto first = due_.begin();
    if (first == due_.end() || first->first.first > until) {
      if (until > now_) now_ = until;
      return false;
    }
    if (first->first.first > now_) now_ = first->first.first;
    auto wake = std::move(first->second);
    due_.erase(first);
    wake();
    return true;
  }

  std::size_t pending() const { return due_.size(); }

 private:
  // A fixed origin far from zero: durations subtracted from it never wrap.
  TimePoint now_ = TimePoint{} + std::chrono::hours(24);
  Ticket last_ticket_ = 0;
  std::map<std::pair<TimePoint, Ticket>, std::function<void()>> due_;
};

}  // namespace pgw::detail
