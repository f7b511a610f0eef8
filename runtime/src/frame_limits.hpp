// The work one frame from a browser may ask for, bounded before the frame is
// decoded: a frame over max_messages_per_frame is refused whole, so no
// handler of it runs and no memory is spent decoding it; a frame over the
// callback rate waits (see callback_pacer.hpp).
#pragma once

#include <chrono>
#include <cstddef>
#include <optional>
#include <string_view>

namespace pgw::detail {

struct FrameCount {
  std::size_t messages = 0;
  std::size_t callbacks = 0;
  // What the frame costs against max_callbacks_per_second: one for each
  // callback of an act (a click, a key), and one for all of its reports of
  // a latest value (callbacks marked `coalesce`: sizes, positions, drags),
  // which are the page's state after one animation frame, not separate acts.
  std::size_t events = 0;
};

// Counts a ClientFrame's messages, its callbacks and its events by reading
// only the wire format's tags, lengths and callback ids; stops once more
// than `max_messages` are seen (the count is then max_messages + 1).
// nullopt when the bytes are not a well-formed frame (the session reports
// that itself).
std::optional<FrameCount> count_messages(std::string_view frame, std::size_t max_messages);

// A token bucket: `rate` events a second, bursts of up to `burst`. A take
// is allowed while the bucket holds at least min(n, burst), and may leave it
// in debt, so an event count over the burst is never refused forever: it
// only makes the next frames wait longer.
class CallbackBudget {
 public:
  using Clock = std::chrono::steady_clock;
  CallbackBudget(double rate, double burst, Clock::time_point now = Clock::now())
      : rate_(rate), burst_(burst), tokens_(burst), last_(now) {}

  // Takes `n` events from the budget; false (and nothing taken) when it
  // holds too few for them now.
  bool take(std::size_t n, Clock::time_point now = Clock::now());
  // Takes `n` events whatever the bucket holds (it may go into debt).
  void spend(std::size_t n, Clock::time_point now = Clock::now()) {
    refill(now);
    tokens_ -= static_cast<double>(n);
  }
  // How long until take(n) succeeds (zero when it would now).
  Clock::duration wait_for(std::size_t n, Clock::time_point now = Clock::now());

 private:
  void refill(Clock::time_point now);
  double needed(std::size_t n) const;

  double rate_;
  double burst_;
  double tokens_;
  Clock::time_point last_;
};

}  // namespace pgw::detail
