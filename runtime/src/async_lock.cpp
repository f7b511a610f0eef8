#include "async_lock.hpp"

#include <boost/asio/as_tuple.hpp>
#include <boost/asio/post.hpp>
#include <boost/asio/this_coro.hpp>
#include <boost/asio/use_awaitable.hpp>

#include <boost/system/system_error.hpp>

namespace pgw::detail {

namespace asio = boost::asio;

AsyncLock::AsyncLock(asio::any_io_executor executor) : channel_(std::move(executor), 1) {}
AsyncLock::AsyncLock(asio::any_io_executor executor, SharedTag) : channel_(std::move(executor), 1), shared_(true) {}

Task<AsyncLock::Guard> AsyncLock::lock() {
  if (shared_) co_return co_await lock_shared();
  co_await channel_.async_send(boost::system::error_code{}, asio::use_awaitable);
  co_return Guard(this);
}

Task<AsyncLock::Guard> AsyncLock::lock_shared() {
  const auto executor = co_await asio::this_coro::executor;
  std::shared_ptr<Waiter> waiter;
  {
    std::lock_guard<std::mutex> hold(mutex_);
    if (!locked_) {
      locked_ = true;
      co_return Guard(this);
    }
    waiter = std::make_shared<Waiter>(executor);
    waiters_.push_back(waiter);
  }
  // The wake-up is posted to this coroutine's executor, so it cannot come
  // before this wait starts: that executor runs this coroutine now.
  co_await waiter->wake.async_wait(asio::as_tuple(asio::use_awaitable));
  bool granted = false;
  {
    std::lock_guard<std::mutex> hold(mutex_);
    granted = waiter->granted;
  }
  if (!granted) throw boost::system::system_error(asio::error::operation_aborted, "pgwidgets: the concurrency lock was cancelled");
  co_return Guard(this);
}

void AsyncLock::wake(const std::shared_ptr<Waiter>& waiter) {
  asio::post(waiter->wake.get_executor(), [waiter] { waiter->wake.cancel(); });
}

void AsyncLock::unlock() {
  if (!shared_) {
    channel_.try_receive([](boost::system::error_code) {});
    return;
  }
  std::shared_ptr<Waiter> next;
  {
    std::lock_guard<std::mutex> hold(mutex_);
    if (waiters_.empty()) {
      locked_ = false;
      return;
    }
    next = std::move(waiters_.front());
    waiters_.pop_front();
    next->granted = true;  // the lock passes to it, never free in between
  }
  wake(next);
}

void AsyncLock::cancel() {
  if (!shared_) {
    channel_.cancel();
    return;
  }
  std::deque<std::shared_ptr<Waiter>> waiting;
  {
    std::lock_guard<std::mutex> hold(mutex_);
    waiting.swap(waiters_);
  }
  for (const auto& w : waiting) wake(w);
}

}  // namespace pgw::detail
