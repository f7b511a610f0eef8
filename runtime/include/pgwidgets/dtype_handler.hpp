// Handlers of callbacks whose value is an int or a float as the widget's
// dtype says (SpinBox, Slider, Dial): the wire carries a double; the C++
// handler takes exactly double (any dtype: an int widens to it exactly) or
// exactly int (dtype int only).
//
// One C++ type per callback is impossible here: the dtype is a constructor
// option, known at run time. So the handler's parameter type is read at
// compile time (exact: by value, const&, &&; no conversions: anything but
// int, double or `auto` does not compile), and an int handler is checked
// against the widget's recorded dtype when it is registered: on a float
// widget it would drop fractions, so it is not registered and the mistake
// goes to the session's error handler (stderr by default). It does not
// throw: the rest of on_connect still runs. A generic handler (`auto`) gets
// the widget's type.
#pragma once

#include <cmath>
#include <cstdint>
#include <functional>
#include <memory>
#include <optional>
#include <stdexcept>
#include <string>
#include <string_view>
#include <tuple>
#include <type_traits>
#include <utility>

#include "pgwidgets/handler.hpp"
#include "pgwidgets/session_link.hpp"

namespace pgw::detail {

enum class DtypeHandler { invalid, int_only, double_only, generic };

// Which value type a handler takes, by handler.hpp's exact rule: a handler
// with one parameter list takes exactly int or exactly double; a generic
// one (`auto`) must take both and gets the widget's type.
template <class F>
constexpr DtypeHandler dtype_handler_kind() {
  if constexpr (!declared_params<F>::known) {
    if constexpr (handler_for<F, int> && handler_for<F, double>) return DtypeHandler::generic;
    return DtypeHandler::invalid;
  } else if constexpr (handler_for<F, int>) {
    return DtypeHandler::int_only;
  } else if constexpr (handler_for<F, double>) {
    return DtypeHandler::double_only;
  } else {
    return DtypeHandler::invalid;
  }
}

// Whether widget `widget` was created with dtype int: reads the varint
// constructor field `field_number`, `default_number` when absent.
bool dtype_is_int(const SessionLink& link, WidgetId widget, std::uint32_t field_number, int int_number,
                  int default_number);

// Whether a handler of `kind` can take the widget's values; when it cannot,
// reports std::invalid_argument through `link` and answers false.
bool check_dtype_handler(SessionLink& link, DtypeHandler kind, bool is_int, std::string_view what);

// The wire's double as the int of an int widget (the browser rounds it).
int dtype_int(double value, std::string_view what);

template <class T, class F>
RawHandler make_dtype_raw_handler(std::tuple<double> (*decode)(SessionLink&, std::string_view), SessionLink& link,
                                  F handler, std::string_view what) {
  auto typed = adapt_handler<T>(std::move(handler));
  std::weak_ptr<SessionLink> weak = link.shared_from_this();
  return [typed = std::move(typed), weak, decode, what = std::string(what)](std::string_view bytes) -> Task<> {
    auto strong = weak.lock();
    if (!strong) throw Disconnected("pgwidgets: the session is gone");
    const double value = std::get<0>(decode(*strong, bytes));
    if constexpr (std::is_same_v<T, int>) {
      return typed(dtype_int(value, what));
    } else {
      return typed(value);
    }
  };
}

// The raw handler for a valid handler of `kind` on a widget of this dtype;
// an empty one (to register nothing) when check_dtype_handler refused it.
template <DtypeHandler kind, class F>
RawHandler make_dtype_handler(std::tuple<double> (*decode)(SessionLink&, std::string_view), SessionLink& link,
                              bool is_int, F handler, std::string_view what) {
  if (!check_dtype_handler(link, kind, is_int, what)) return {};
  if constexpr (kind == DtypeHandler::int_only) {
    return make_dtype_raw_handler<int>(decode, link, std::move(handler), what);
  } else if constexpr (kind == DtypeHandler::double_only) {
    return make_dtype_raw_handler<double>(decode, link, std::move(handler), what);
  } else {
    if (is_int) return make_dtype_raw_handler<int>(decode, link, std::move(handler), what);
    return make_dtype_raw_handler<double>(decode, link, std::move(handler), what);
  }
}

}  // namespace pgw::detail
