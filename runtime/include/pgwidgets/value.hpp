// pgw::Value: a dynamic value (a table cell, a tree node's column), the
// schema's pgwidgets.Value (schema/pgwidgets/value.proto): null, bool, a
// 64-bit integer, a double or a string.
//
//   pgw::Value a;            // null
//   pgw::Value b = 42;       // integer (any integer type that fits int64)
//   pgw::Value c = 2.5;      // double
//   pgw::Value d = "text";   // string
//   if (b.is<std::int64_t>()) std::int64_t n = b.get<std::int64_t>();
//
// A class with constructors, not an aggregate: a braced Value inside a
// co_await is constructed, not aggregate-initialized, so g++ 12's double
// destruction does not touch it.
#pragma once

#include <concepts>
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <type_traits>
#include <variant>

namespace pgwidgets {
class Value;
}  // namespace pgwidgets

namespace pgw {

class Value {
 public:
  using Variant = std::variant<std::monostate, bool, std::int64_t, double, std::string>;

  Value() = default;
  Value(std::nullptr_t) {}
  Value(bool value) : v_(value) {}
  // Integers that fit in int64 (an unsigned 64-bit one may not: convert it).
  template <std::integral I>
    requires(!std::same_as<I, bool> && (std::is_signed_v<I> || sizeof(I) < sizeof(std::int64_t)))
  Value(I value) : v_(static_cast<std::int64_t>(value)) {}
  template <std::floating_point F>
  Value(F value) : v_(static_cast<double>(value)) {}
  Value(std::string value) : v_(std::move(value)) {}
  Value(std::string_view value) : v_(std::string(value)) {}
  Value(const char* value) : v_(std::string(value)) {}

  bool is_null() const { return std::holds_alternative<std::monostate>(v_); }
  // T: bool, std::int64_t, double or std::string.
  template <class T>
  bool is() const {
    return std::holds_alternative<T>(v_);
  }
  // Throws std::bad_variant_access when the value holds another type.
  template <class T>
  const T& get() const {
    return std::get<T>(v_);
  }
  const Variant& variant() const { return v_; }
  Variant release() && { return std::move(v_); }

  friend bool operator==(const Value&, const Value&) = default;

 private:
  Variant v_;
};

namespace detail {

// To and from the wire (runtime/src/value.cpp): the encoder takes its value
// by value, so a string moved in is moved to the message.
void value_to_wire(Value value, ::pgwidgets::Value& message);
Value value_from_wire(const ::pgwidgets::Value& message);

}  // namespace detail
}  // namespace pgw
