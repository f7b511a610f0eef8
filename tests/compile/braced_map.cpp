// A braced map inside co_await (its initializer_list cannot live in a g++ 12
// coroutine frame) is refused at the calling line, saying what to write.
#include <pgwidgets/pgwidgets.hpp>

pgw::Task<> set_values(pgw::Named<std::map<std::string, pgw::Value>> values);

pgw::Task<> f() {
  co_await set_values({{"size", 42}, {"name", "n"}});  // <- the error
}
