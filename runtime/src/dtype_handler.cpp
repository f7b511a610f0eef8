// The run-time half of dtype-dependent handlers (see dtype_handler.hpp).
#include "pgwidgets/dtype_handler.hpp"

#include <cmath>
#include <limits>
#include <string>

#include "wire_fields.hpp"

namespace pgw::detail {

bool dtype_is_int(const SessionLink& link, WidgetId widget, std::uint32_t field_number, int int_number,
                  int default_number) {
  const std::string* ctor = link.constructor_args(widget);
  std::optional<std::uint64_t> word = ctor ? varint_field(*ctor, field_number) : std::nullopt;
  const auto number = word ? static_cast<int>(*word) : default_number;
  return number == int_number;
}

bool check_dtype_handler(SessionLink& link, DtypeHandler kind, bool is_int, std::string_view what) {
  // A double handler takes an int widget's values exactly; only an int
  // handler on a float widget would lose something.
  if (kind == DtypeHandler::int_only && !is_int) {
    link.report(std::make_exception_ptr(std::invalid_argument(
                    "pgwidgets: " + std::string(what) +
                    ": the widget's dtype is float, so an int handler would drop the fractions; take double (or "
                    "auto). The handler was not registered.")),
                "");
    return false;
  }
  return true;
}

int dtype_int(double value, std::string_view what) {
  // The browser sends an int widget's values whole; anything else is a
  // broken peer, not a value to truncate silently.
  if (!std::isfinite(value) || value != std::round(value) || value < std::numeric_limits<int>::min() ||
      value > std::numeric_limits<int>::max()) {
    throw ProtocolError("pgwidgets: " + std::string(what) + ": " + std::to_string(value) +
                        " is no value of an int widget");
  }
  return static_cast<int>(value);
}

}  // namespace pgw::detail
