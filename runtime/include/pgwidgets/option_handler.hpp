// Callbacks that depend on a bool constructor option, in two ways, both
// declared in the schema (options.proto):
//
// - A trait's callbacks (`InteractiveEvents`: click, key_down, ...) exist
//   only on widgets created with the trait's option (`interactive`): the
//   page listens to the DOM events only then. Registering a handler on a
//   widget created without it would never fire, so it is refused:
//   std::invalid_argument naming the widget and the option goes to the
//   session's error handler (stderr by default) and nothing is registered.
//   It does not throw, so the rest of on_connect still runs (as a dtype
//   mismatch, dtype_handler.hpp).
// - A callback whose message marks fields `with_option` (MenuAction's
//   `activated(checked)` when `checkable`) has two handler shapes: every
//   argument, or the unmarked ones. The compiler accepts exactly these two
//   (or a generic `auto` handler taking both); the option's value is a run
//   time fact, so the shape is checked against the widget's recorded
//   constructor when the handler is registered, and a mismatch is refused
//   the same way, never dropped silently.
#pragma once

#include <cstddef>
#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <tuple>
#include <type_traits>
#include <utility>

#include "pgwidgets/handler.hpp"
#include "pgwidgets/session_link.hpp"

namespace pgw::detail {

// The bool constructor field `field_number` of widget `widget` as it was
// created (`default_value` when absent or the widget is unknown).
bool ctor_bool(const SessionLink& link, WidgetId widget, std::uint32_t field_number, bool default_value);

// Whether widget `widget` was created with its bool option set; when not,
// reports std::invalid_argument ("`what`: ... created without `option`")
// through `link` and answers false.
bool require_option(SessionLink& link, WidgetId widget, std::uint32_t field_number, bool default_value,
                    std::string_view what, std::string_view option);

enum class OptionShape { invalid, with, without, generic };

template <class F, class Tuple>
struct handler_for_tuple_t;
template <class F, class... A>
struct handler_for_tuple_t<F, std::tuple<A...>> {
  static constexpr bool value = handler_for<F, A...>;
};
template <class F, class Tuple>
inline constexpr bool handler_for_tuple = handler_for_tuple_t<F, Tuple>::value;

// Which shape a handler takes, by handler.hpp's exact rule: every argument
// (`With`), the unmarked ones (`Without`), either (a generic handler: it
// gets the widget's shape), or neither.
template <class F, class With, class Without>
constexpr OptionShape option_handler_shape() {
  constexpr bool with = handler_for_tuple<F, With>;
  constexpr bool without = handler_for_tuple<F, Without>;
  if constexpr (with && without) return OptionShape::generic;
  else if constexpr (with) return OptionShape::with;
  else if constexpr (without) return OptionShape::without;
  else return OptionShape::invalid;
}

// Whether a handler of `shape` fits a widget whose option is `on`; when
// not, reports std::invalid_argument through `link` and answers false.
bool check_option_shape(SessionLink& link, OptionShape shape, bool on, std::string_view what,
                        std::string_view option, std::string_view with_signature,
                        std::string_view without_signature);

// A raw handler passing only the arguments at `Keep...` of the decoded tuple.
template <std::size_t... Keep, class... Args, class F>
RawHandler make_subset_handler(std::tuple<Args...> (*decode)(SessionLink&, std::string_view), SessionLink& link,
                               F handler) {
  using Full = std::tuple<Args...>;
  auto typed = adapt_handler<std::tuple_element_t<Keep, Full>...>(std::move(handler));
  std::weak_ptr<SessionLink> weak = link.shared_from_this();
  return [typed = std::move(typed), weak, decode](std::string_view bytes) -> Task<> {
    auto strong = weak.lock();
    if (!strong) throw Disconnected("pgwidgets: the session is gone");
    Full full = decode(*strong, bytes);
    return typed(std::move(std::get<Keep>(full))...);
  };
}

// The raw handler for a valid handler of `shape` on a widget whose option
// is `on`; an empty one (register nothing) when check_option_shape refused it.
template <OptionShape shape, std::size_t... Keep, class... Args, class F>
RawHandler make_option_handler(std::tuple<Args...> (*decode)(SessionLink&, std::string_view),
                               std::index_sequence<Keep...>, SessionLink& link, bool on, F handler,
                               std::string_view what, std::string_view option, std::string_view with_signature,
                               std::string_view without_signature) {
  if (!check_option_shape(link, shape, on, what, option, with_signature, without_signature)) return {};
  if constexpr (shape == OptionShape::with) {
    return make_raw_handler(decode, link, std::move(handler));
  } else if constexpr (shape == OptionShape::without) {
    return make_subset_handler<Keep...>(decode, link, std::move(handler));
  } else {
    if (on) return make_raw_handler(decode, link, std::move(handler));
    return make_subset_handler<Keep...>(decode, link, std::move(handler));
  }
}

}  // namespace pgw::detail
