// The logging sink an Application writes to. C++17 so the transport can use it.
#pragma once

#include <functional>
#include <string_view>

namespace pgw {

enum class LogLevel { debug, info, warning, error };

// Receives every log line. An Application logs to stderr_logger(warning)
// unless told otherwise, so a handler's exception, a browser-side failure
// or a protocol error is never silent; quiet_logger() is the explicit way
// to drop everything.
using Logger = std::function<void(LogLevel, std::string_view message)>;

// A Logger writing "pgwidgets LEVEL: message" lines to standard error,
// dropping lines below `min_level`.
Logger stderr_logger(LogLevel min_level = LogLevel::info);

// A Logger that drops every line.
Logger quiet_logger();

std::string_view to_string(LogLevel level) noexcept;

}  // namespace pgw
