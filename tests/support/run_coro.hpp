// Runs coroutines to completion in a test, on a test-owned io_context.
#pragma once

#include <chrono>
#include <exception>
#include <optional>
#include <stdexcept>

#include <boost/asio/co_spawn.hpp>
#include <boost/asio/io_context.hpp>
#include <boost/asio/steady_timer.hpp>
#include <boost/asio/use_awaitable.hpp>

#include "pgwidgets/task.hpp"

namespace pgw::test {

// Runs `task` and everything it spawns until the task finishes; rethrows
// its exception. Fails (throws) if it has not finished after `limit`.
template <class T>
T run_coro(boost::asio::io_context& io, Task<T> task, std::chrono::milliseconds limit = std::chrono::seconds(10)) {
  std::exception_ptr error;
  std::optional<std::conditional_t<std::is_void_v<T>, bool, T>> result;
  bool done = false;
  boost::asio::co_spawn(io, std::move(task), [&](std::exception_ptr e, auto... value) {
    error = e;
    done = true;
    if constexpr (sizeof...(value) == 1) {
      result.emplace(std::move(value)...);
    }
  });
  const auto deadline = std::chrono::steady_clock::now() + limit;
  io.restart();
  while (!done && std::chrono::steady_clock::now() < deadline) {
    if (io.run_one_for(std::chrono::milliseconds(50)) == 0 && io.stopped()) io.restart();
  }
  if (!done) throw std::runtime_error("run_coro: the coroutine did not finish in time");
  if (error) std::rethrow_exception(error);
  if constexpr (!std::is_void_v<T>) return std::move(*result);
}

// Runs ready handlers (posted flushes, spawned handlers) without blocking.
inline void drain(boost::asio::io_context& io) {
  io.restart();
  io.poll();
}

// Suspends the calling coroutine for `d`.
inline Task<> sleep_for(std::chrono::steady_clock::duration d) {
  boost::asio::steady_timer t(co_await boost::asio::this_coro::executor, d);
  co_await t.async_wait(boost::asio::use_awaitable);
}

}  // namespace pgw::test
