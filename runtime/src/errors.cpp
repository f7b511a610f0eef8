#include "pgwidgets/errors.hpp"

namespace pgw {

RemoteError::RemoteError(std::string widget_class, std::uint32_t widget_id, std::string method, std::uint32_t seq,
                         std::string message)
    : Error("pgwidgets: " + widget_class + "." + method + " (widget " + std::to_string(widget_id) + ", call #" +
            std::to_string(seq) + ") failed in the browser: " + message),
      widget_class_(std::move(widget_class)),
      widget_id_(widget_id),
      method_(std::move(method)),
      seq_(seq),
      message_(std::move(message)) {}

}  // namespace pgw
