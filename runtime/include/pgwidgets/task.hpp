// pgw::Task<T>: every widget call and handler is a Boost.Asio coroutine.
#pragma once

#include <boost/asio/awaitable.hpp>

namespace pgw {

template <class T = void>
using Task = boost::asio::awaitable<T>;

}  // namespace pgw
