// An async mutex for coroutines (Asio has none): a channel of capacity one.
// Sending takes the lock; a full channel makes later senders wait, in FIFO
// order, so handlers run in the order their events arrived.
#pragma once

#include <boost/asio/any_io_executor.hpp>
#include <boost/asio/experimental/channel.hpp>

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

  explicit AsyncLock(boost::asio::any_io_executor executor);
  Task<Guard> lock();
  // Fails every waiter (they throw); for shutdown.
  void cancel();

 private:
  void unlock();
  boost::asio::experimental::channel<void(boost::system::error_code)> channel_;
};

}  // namespace pgw::detail
