// Text from the network on its way to a log: escaped so that it cannot
// forge a line or drive a terminal, cut so that it cannot flood one, and
// log lines a peer can provoke at will, throttled. C++17: the transport
// uses it too.
#pragma once

#include <chrono>
#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "pgwidgets/logger.hpp"

namespace pgw::detail {

// The longest log line a Logger receives from an Application, in bytes
// (before escaping; escaping may add up to four bytes per byte cut).
inline constexpr std::size_t max_log_text_bytes = 2000;

// `text` with control characters written as escapes (\n, \r, \t, \\, \x1b,
// \u009b for C1 controls, \xNN for bytes that are not UTF-8), and cut after
// `max_bytes` input bytes with "... (N bytes more)". Valid printable UTF-8
// passes unchanged.
std::string printable(std::string_view text, std::size_t max_bytes = max_log_text_bytes);

// A Logger that hands `inner` every message through printable(). Empty when
// `inner` is empty.
Logger escaping_logger(Logger inner);

// At most one line per period; the lines held back are counted and the
// next line that passes says how many.
class LogThrottle {
 public:
  using Clock = std::chrono::steady_clock;
  explicit LogThrottle(Clock::duration period = std::chrono::seconds(1)) : period_(period) {}

  // nullopt: hold this line back. Otherwise the number of lines held back
  // since the last one that passed.
  std::optional<std::uint64_t> pass(Clock::time_point now = Clock::now()) {
    if (passed_once_ && now - last_ < period_) {
      ++held_;
      return std::nullopt;
    }
    passed_once_ = true;
    last_ = now;
    const std::uint64_t held = held_;
    held_ = 0;
    return held;
  }
  std::uint64_t held() const { return held_; }

  // " (N similar lines suppressed)" or "".
  static std::string suffix(std::uint64_t held) {
    return held == 0 ? std::string() : " (" + std::to_string(held) + " similar lines suppressed)";
  }

 private:
  Clock::duration period_;
  Clock::time_point last_{};
  bool passed_once_ = false;
  std::uint64_t held_ = 0;
};

}  // namespace pgw::detail
