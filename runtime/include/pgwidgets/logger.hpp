// The logging sink an Application writes to. C++17 so the transport can use it.
#pragma once

#include <functional>
#include <string_view>

namespace pgw {

enum class LogLevel { debug, info, warning, error };

// Receives every log line; the default Logger is quiet.
using Logger = std::function<void(LogLevel, std::string_view message)>;

// A Logger writing "pgwidgets LEVEL: message" lines to standard error,
// dropping lines below `min_level`.
Logger stderr_logger(LogLevel min_level = LogLevel::info);

std::string_view to_string(LogLevel level) noexcept;

}  // namespace pgw
