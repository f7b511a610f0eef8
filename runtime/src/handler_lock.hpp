// The concurrency lock a handler holds, reachable from code the handler
// awaits. A handler runs on a HandlerExecutor, which carries its HandlerHold
// (the lock and the guard it took); `co_await this_coro::executor` inside
// anything the handler awaits yields it. A wait for the user (exec()) lets
// the lock go with `released_while`, so the session's other handlers run
// meanwhile, as Qt's QDialog::exec() runs other events, and takes it again
// before the handler goes on.
#pragma once

#include <exception>
#include <memory>
#include <optional>
#include <utility>

#include <boost/asio/any_io_executor.hpp>
#include <boost/asio/this_coro.hpp>

#include "async_lock.hpp"
#include "pgwidgets/task.hpp"

namespace pgw::detail {

struct HandlerHold {
  std::shared_ptr<AsyncLock> lock;  // null: no lock (concurrent mode)
  AsyncLock::Guard guard;
};

// An executor that forwards everything to the session's and carries the
// running handler's hold. Asio keeps the co_spawn executor as the
// coroutine's own, so this_coro::executor returns it wrapped in
// any_io_executor, and target<HandlerExecutor>() finds the hold.
class HandlerExecutor {
 public:
  using Inner = boost::asio::any_io_executor;

  HandlerExecutor(Inner inner, std::shared_ptr<HandlerHold> hold) noexcept
      : inner_(std::move(inner)), hold_(std::move(hold)) {}

  template <class P>
  auto query(const P& p) const noexcept -> decltype(boost::asio::query(std::declval<const Inner&>(), p)) {
    return boost::asio::query(inner_, p);
  }
  // SFINAE on what the inner executor takes, through a defaulted template
  // argument: clang refuses the class itself in a trailing return type here.
  template <class P, class = decltype(boost::asio::require(std::declval<const Inner&>(), std::declval<const P&>()))>
  HandlerExecutor require(const P& p) const {
    return HandlerExecutor(boost::asio::require(inner_, p), hold_);
  }
  template <class P, class = decltype(boost::asio::prefer(std::declval<const Inner&>(), std::declval<const P&>()))>
  HandlerExecutor prefer(const P& p) const {
    return HandlerExecutor(boost::asio::prefer(inner_, p), hold_);
  }
  template <class F>
  void execute(F&& f) const {
    inner_.execute(std::forward<F>(f));
  }
  friend bool operator==(const HandlerExecutor& a, const HandlerExecutor& b) noexcept {
    return a.inner_ == b.inner_ && a.hold_ == b.hold_;
  }
  friend bool operator!=(const HandlerExecutor& a, const HandlerExecutor& b) noexcept { return !(a == b); }

  HandlerHold* hold() const noexcept { return hold_.get(); }

 private:
  Inner inner_;
  std::shared_ptr<HandlerHold> hold_;
};

// Awaits `wait` with the calling handler's lock let go (when the caller is a
// handler holding one), then takes the lock again, also when `wait` threw.
template <class T>
Task<T> released_while(Task<T> wait) {
  auto executor = co_await boost::asio::this_coro::executor;
  const HandlerExecutor* handler = executor.template target<HandlerExecutor>();
  HandlerHold* hold = handler != nullptr ? handler->hold() : nullptr;
  const bool held = hold != nullptr && hold->lock && hold->guard.held();
  if (held) hold->guard.release();
  std::exception_ptr error;
  std::optional<T> result;
  try {
    T value = co_await std::move(wait);
    result.emplace(std::move(value));
  } catch (...) {
    error = std::current_exception();
  }
  if (held) hold->guard = co_await hold->lock->lock();
  if (error) std::rethrow_exception(error);
  T value = std::move(*result);
  co_return value;
}

}  // namespace pgw::detail
