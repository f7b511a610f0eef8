#include <boost/asio/co_spawn.hpp>
#include <boost/asio/io_context.hpp>

#include "pgwidgets/application.hpp"

namespace pgw {

namespace {

template <class T>
int run_on_new_context(Task<T> task) {
  boost::asio::io_context io;
  std::exception_ptr error;
  int result = 0;
  boost::asio::co_spawn(io, std::move(task), [&](std::exception_ptr e, auto... value) {
    error = e;
    if constexpr (sizeof...(value) == 1) result = (value, ...);
    io.stop();  // the task is done: whatever else is queued is abandoned
  });
  io.run();
  if (error) std::rethrow_exception(error);
  return result;
}

}  // namespace

int run(Task<> main_task) { return run_on_new_context(std::move(main_task)); }
int run(Task<int> main_task) { return run_on_new_context(std::move(main_task)); }

}  // namespace pgw
