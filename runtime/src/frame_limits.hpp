// The work one frame from a browser may ask for, bounded before the frame is
// decoded: a frame that is over a limit is refused whole, so no handler of
// it runs and no memory is spent decoding it.
#pragma once

#include <chrono>
#include <cstddef>
#include <optional>
#include <string_view>

namespace pgw::detail {

struct FrameCount {
  std::size_t messages = 0;
  std::size_t callbacks = 0;
};

// Counts a ClientFrame's messages, and those that are callbacks, by reading
// only the wire format's tags and lengths; stops once more than
// `max_messages` are seen (the count is then max_messages + 1). nullopt when
// the bytes are not a well-formed frame (the session reports that itself).
std::optional<FrameCount> count_messages(std::string_view frame, std::size_t max_messages);

// A token bucket: `rate` callbacks a second, bursts of up to `rate`.
class CallbackBudget {
 public:
  using Clock = std::chrono::steady_clock;
  explicit CallbackBudget(double rate, Clock::time_point now = Clock::now())
      : rate_(rate), tokens_(rate), last_(now) {}

  // Takes `n` callbacks from the budget; false (and nothing taken) when
  // fewer are left.
  bool take(std::size_t n, Clock::time_point now = Clock::now());

 private:
  double rate_;
  double tokens_;
  Clock::time_point last_;
};

}  // namespace pgw::detail
