// Paces a connection's frames to the rate a person can act at. A frame
// within max_callbacks_per_second goes through at once; past it, frames
// wait, in order, until the budget allows them: nothing a page sends is
// dropped, it is only handled later. Only a sender far beyond any human,
// with more than max_callbacks_waiting events (or max_frame_bytes bytes)
// waiting, is a flood, and the caller closes the connection. Memory is
// bounded by those two limits. No I/O here: the caller owns the timer.
#pragma once

#include <cstddef>
#include <deque>
#include <optional>
#include <string>
#include <string_view>

#include "frame_limits.hpp"
#include "pgwidgets/limits.hpp"

namespace pgw::detail {

class CallbackPacer {
 public:
  using Clock = CallbackBudget::Clock;
  // No defaults here: of() takes them from pgw::Limits (pgwidgets/limits.hpp).
  struct Limits {
    double rate = 0;   // events a second, sustained
    double burst = 0;  // events handled at once before the rate applies
    std::size_t max_waiting_events = 0;
    std::size_t max_waiting_bytes = 0;
    static Limits of(const pgw::Limits& limits) {
      return {static_cast<double>(limits.max_callbacks_per_second), static_cast<double>(limits.max_callback_burst),
              limits.max_callbacks_waiting, limits.max_frame_bytes};
    }
  };
  enum class Verdict {
    now,    // handle the frame now
    waits,  // queued: handle it when pop() returns it
    flood,  // over the waiting limits: close the connection (nothing queued)
  };

  explicit CallbackPacer(Limits limits, Clock::time_point now = Clock::now())
      : limits_(limits), budget_(limits.rate, limits.burst, now) {}

  // A frame of `events` events arrived. Frames that cost nothing (replies)
  // still wait behind waiting ones, so the page's messages keep their order.
  Verdict offer(std::string_view frame, std::size_t events, Clock::time_point now = Clock::now());
  // The next waiting frame, when the budget allows it now.
  std::optional<std::string> pop(Clock::time_point now = Clock::now());
  // Counts `events` handled outside offer() (those sent with the hello).
  void spend(std::size_t events, Clock::time_point now = Clock::now()) { budget_.spend(events, now); }
  // Every waiting frame, in order, whatever the budget: the connection is
  // closing, and what its person did must still be recorded.
  std::deque<std::string> drain();
  // How long until the next waiting frame is due; nullopt when none waits.
  std::optional<Clock::duration> next_due(Clock::time_point now = Clock::now());

  bool waiting() const { return !queue_.empty(); }
  std::size_t waiting_events() const { return waiting_events_; }
  std::size_t waiting_bytes() const { return waiting_bytes_; }

 private:
  struct Held {
    std::string frame;
    std::size_t events;
  };
  Limits limits_;
  CallbackBudget budget_;
  std::deque<Held> queue_;
  std::size_t waiting_events_ = 0;
  std::size_t waiting_bytes_ = 0;
};

}  // namespace pgw::detail
