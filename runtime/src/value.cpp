// pgw::Value to and from pgwidgets.Value (value.hpp).
#include "pgwidgets/value.hpp"

#include <type_traits>
#include <utility>

#include "pgwidgets/value.pb.h"

namespace pgw::detail {

void value_to_wire(Value value, ::pgwidgets::Value& message) {
  message.Clear();
  Value::Variant v = std::move(value).release();
  std::visit(
      [&](auto& v) {
        using T = std::decay_t<decltype(v)>;
        if constexpr (std::is_same_v<T, bool>) {
          message.set_bool_value(v);
        } else if constexpr (std::is_same_v<T, std::int64_t>) {
          message.set_int_value(v);
        } else if constexpr (std::is_same_v<T, double>) {
          message.set_double_value(v);
        } else if constexpr (std::is_same_v<T, std::string>) {
          message.set_string_value(std::move(v));
        }
      },
      v);
}

Value value_from_wire(const ::pgwidgets::Value& message) {
  switch (message.kind_case()) {
    case ::pgwidgets::Value::kBoolValue:
      return Value(message.bool_value());
    case ::pgwidgets::Value::kIntValue:
      return Value(static_cast<std::int64_t>(message.int_value()));
    case ::pgwidgets::Value::kDoubleValue:
      return Value(message.double_value());
    case ::pgwidgets::Value::kStringValue:
      return Value(message.string_value());
    case ::pgwidgets::Value::KIND_NOT_SET:
      break;
  }
  return Value();
}

}  // namespace pgw::detail
