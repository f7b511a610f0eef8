// The run-time half of option-dependent callbacks (see option_handler.hpp).
#include "pgwidgets/option_handler.hpp"

#include <stdexcept>
#include <string>

#include "wire_fields.hpp"

namespace pgw::detail {

bool ctor_bool(const SessionLink& link, WidgetId widget, std::uint32_t field_number, bool default_value) {
  const std::string* ctor = link.constructor_args(widget);
  std::optional<std::uint64_t> word = ctor ? varint_field(*ctor, field_number) : std::nullopt;
  return word ? *word != 0 : default_value;
}

bool require_option(SessionLink& link, WidgetId widget, std::uint32_t field_number, bool default_value,
                    std::string_view what, std::string_view option) {
  if (ctor_bool(link, widget, field_number, default_value)) return true;
  const std::string name(option);
  link.report(std::make_exception_ptr(std::invalid_argument(
                  "pgwidgets: " + std::string(what) + ": the widget was created without `" + name +
                  "`, so the page never reports this event; create it with {." + name +
                  " = true}. The handler was not registered.")),
              "");
  return false;
}

bool check_option_shape(SessionLink& link, OptionShape shape, bool on, std::string_view what,
                        std::string_view option, std::string_view with_signature,
                        std::string_view without_signature) {
  const bool fits = shape == OptionShape::generic || (shape == OptionShape::with) == on;
  if (fits) return true;
  const std::string name(option);
  const std::string message =
      on ? "the widget was created with `" + name + "` = true, so the handler must take " +
               std::string(with_signature) + " (or auto)"
         : "the widget was created without `" + name + "`, so the handler must take " +
               std::string(without_signature) + " (or auto)";
  link.report(std::make_exception_ptr(std::invalid_argument("pgwidgets: " + std::string(what) + ": " + message +
                                                            ". The handler was not registered.")),
              "");
  return false;
}

}  // namespace pgw::detail
