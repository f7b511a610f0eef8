#include "async_lock.hpp"

#include <boost/asio/use_awaitable.hpp>

namespace pgw::detail {

AsyncLock::AsyncLock(boost::asio::any_io_executor executor) : channel_(std::move(executor), 1) {}

Task<AsyncLock::Guard> AsyncLock::lock() {
  co_await channel_.async_send(boost::system::error_code{}, boost::asio::use_awaitable);
  co_return Guard(this);
}

void AsyncLock::unlock() {
  channel_.try_receive([](boost::system::error_code) {});
}

void AsyncLock::cancel() { channel_.cancel(); }

}  // namespace pgw::detail
