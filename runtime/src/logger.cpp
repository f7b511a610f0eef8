// The stderr Logger. C++17: compiled with the transport.
#include "pgwidgets/logger.hpp"

#include <cstdio>
#include <string>

namespace pgw {

std::string_view to_string(LogLevel level) noexcept {
  switch (level) {
    case LogLevel::debug: return "debug";
    case LogLevel::info: return "info";
    case LogLevel::warning: return "warning";
    case LogLevel::error: return "error";
  }
  return "unknown";
}

Logger stderr_logger(LogLevel min_level) {
  return [min_level](LogLevel level, std::string_view message) {
    if (static_cast<int>(level) < static_cast<int>(min_level)) return;
    std::string line = "pgwidgets ";
    line += to_string(level);
    line += ": ";
    line += message;
    line += '\n';
    // One write per line, so lines from different threads do not interleave.
    std::fwrite(line.data(), 1, line.size(), stderr);
    std::fflush(stderr);
  };
}

Logger quiet_logger() {
  return [](LogLevel, std::string_view) {};
}

}  // namespace pgw
