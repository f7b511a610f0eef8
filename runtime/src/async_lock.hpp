// An async mutex for coroutines (Asio has none). Later lockers wait in FIFO
// order, so handlers run in the order their events arrived.
//
// Two kinds: the default is a channel of capacity one, for a lock used from
// one thread or one strand (a session's lock, or serialized mode's on one
// thread). A shared one (AsyncLock::shared) may be locked and unlocked from
// any thread: serialized mode with ApplicationOptions::threads > 1, where
// sessions run on strands of a thread pool. A waiter resumes on its own
// executor (its session's strand) either way.
#pragma once

#include <deque>
#include <memory>
#include <mutex>

#include <boost/asio/any_io_executor.hpp>
#include <boost/asio/experimental/channel.hpp>
#include <boost/asio/steady_timer.hpp>

#include "pgwidgets/task.hpp"

namespace pgw::detail {

class AsyncLock {
 public:
  class Guard {
   public:
    Guard() = default;
    explicit Guard(AsyncLock* lock) : lock_(lock) {}
    Guard(Guard&& other) noexcept : lock_(std::exchange(other.lock_, nullptr)) {}
    Guard& operator=(Guard&& other) noexcept {
      release();
      lock_ = std::exchange(other.lock_, nullptr);
      return *this;
    }
    ~Guard() { release(); }
    bool held() const noexcept { return lock_ != nullptr; }
    void release() {
      if (lock_ != nullptr) std::exchange(lock_, nullptr)->unlock();
    }

   private:
    AsyncLock* lock_ = nullptr;
  };

  struct SharedTag {};
  static constexpr SharedTag shared{};

  explicit AsyncLock(boost::asio::any_io_executor executor);
  // A lock any thread may take and let go.
  AsyncLock(boost::asio::any_io_executor executor, SharedTag);
  Task<Guard> lock();
  // Fails every waiter (they throw); for shutdown.
  void cancel();

 private:
  // One coroutine waiting for the shared lock: its timer, on its own
  // executor, is cancelled (on that executor) when the lock is its or the
  // lock is cancelled.
  struct Waiter {
    explicit Waiter(const boost::asio::any_io_executor& ex)
        : wake(ex, boost::asio::steady_timer::time_point::max()) {}
    boost::asio::steady_timer wake;
    bool granted = false;  // written under mutex_, read after the wake-up
  };
  void unlock();
  Task<Guard> lock_shared();
  static void wake(const std::shared_ptr<Waiter>& waiter);

  boost::asio::experimental::channel<void(boost::system::error_code)> channel_;
  const bool shared_ = false;
  std::mutex mutex_;  // guards the rest (shared kind only)
  bool locked_ = false;
  std::deque<std::shared_ptr<Waiter>> waiters_;
};

}  // namespace pgw::detail
