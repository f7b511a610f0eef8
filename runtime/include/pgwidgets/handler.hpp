// How a user's handler becomes something the runtime can call: one rule for
// on_connect/on_disconnect, timers and widget callbacks.
#pragma once

#include <concepts>
#include <functional>
#include <memory>
#include <tuple>
#include <type_traits>
#include <cstddef>
#include <utility>

#include "pgwidgets/task.hpp"

namespace pgw::detail {

// What a handler declares it takes: its one call operator's (or function
// pointer's) parameter list. Unknown for a generic lambda or an overloaded
// functor, which have no single list to compare.
template <class F, class = void>
struct declared_params {
  static constexpr bool known = false;
};
template <class... P>
struct params_list {
  static constexpr bool known = true;
  static constexpr std::size_t size = sizeof...(P);
  using tuple = std::tuple<P...>;
};
template <class M>
struct member_params;
#define PGW_MEMBER_PARAMS(QUALIFIERS)                                  \
  template <class C, class R, class... P>                              \
  struct member_params<R (C::*)(P...) QUALIFIERS> : params_list<P...> {};
PGW_MEMBER_PARAMS()
PGW_MEMBER_PARAMS(const)
PGW_MEMBER_PARAMS(noexcept)
PGW_MEMBER_PARAMS(const noexcept)
PGW_MEMBER_PARAMS(&)
PGW_MEMBER_PARAMS(const&)
PGW_MEMBER_PARAMS(& noexcept)
PGW_MEMBER_PARAMS(const& noexcept)
#undef PGW_MEMBER_PARAMS
template <class F>
struct declared_params<F, std::void_t<decltype(&F::operator())>> : member_params<decltype(&F::operator())> {};
template <class R, class... P>
struct declared_params<R (*)(P...), void> : params_list<P...> {};
template <class R, class... P>
struct declared_params<R (*)(P...) noexcept, void> : params_list<P...> {};

// Each declared parameter is exactly the callback's type, taken by value,
// const& or && (a const or volatile copy is still a copy): no conversion, so
// an `int` handler for a `bool` callback, or a `double` one for an `int`,
// does not compile. A generic lambda (`auto`) takes whatever is passed.
template <class F, class... Args>
constexpr bool takes_exactly() {
  using D = declared_params<F>;
  if constexpr (!D::known) {
    return true;
  } else if constexpr (D::size != sizeof...(Args)) {
    return false;
  } else {
    return []<std::size_t... I>(std::index_sequence<I...>) {
      return (std::is_same_v<std::remove_cvref_t<std::tuple_element_t<I, typename D::tuple>>,
                             std::remove_cvref_t<Args>> && ...);
    }(std::index_sequence_for<Args...>{});
  }
}

// A handler is valid for arguments Args... when it takes exactly them (as
// above), can be called with them, and returns void or pgw::Task<> (a plain
// function or a coroutine). Each registration point static_asserts it with a
// message naming the expected signature, then instantiates nothing more
// when it fails, so the compiler's only error is that message.
template <class F, class... Args>
concept handler_for =
    takes_exactly<F, Args...>() && std::invocable<F&, Args...> &&
    (std::is_void_v<std::invoke_result_t<F&, Args...>> ||
     std::is_same_v<std::invoke_result_t<F&, Args...>, Task<>>);

// Runs a handler with its arguments. A free coroutine taking everything by
// value: a coroutine handler's frame refers to the closure, which `handler`
// keeps alive across every suspension (a coroutine lambda's captures would
// not survive its std::function being dropped).
template <class F, class... Args>
Task<> invoke_handler(std::shared_ptr<F> handler, std::tuple<Args...> args) {
  if constexpr (std::is_void_v<std::invoke_result_t<F&, Args...>>) {
    std::apply(*handler, std::move(args));
  } else {
    co_await std::apply(*handler, std::move(args));
  }
}

// A valid handler as a coroutine of exactly Args...
template <class... Args, class F>
  requires handler_for<F, Args...>
std::function<Task<>(Args...)> adapt_handler(F handler) {
  auto shared = std::make_shared<F>(std::move(handler));
  return [shared](Args... args) { return invoke_handler(shared, std::tuple<Args...>(std::forward<Args>(args)...)); };
}

}  // namespace pgw::detail
