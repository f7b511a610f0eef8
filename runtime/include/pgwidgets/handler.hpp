// How a user's handler becomes something the runtime can call: one rule for
// on_connect/on_disconnect, timers and widget callbacks.
#pragma once

#include <concepts>
#include <functional>
#include <memory>
#include <tuple>
#include <type_traits>
#include <utility>

#include "pgwidgets/task.hpp"

namespace pgw::detail {

// A handler is valid for arguments Args... when it can be called with them
// and returns void or pgw::Task<> (a plain function or a coroutine).
// Each registration point static_asserts it with a message naming the
// expected signature, then instantiates nothing more when it fails, so the
// compiler's only error is that message.
template <class F, class... Args>
concept handler_for =
    std::invocable<F&, Args...> &&
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
