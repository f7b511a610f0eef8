// A braced list of structs inside co_await (g++ 12 would free it twice) is
// refused at the calling line, by an error that says what to write.
#include <pgwidgets/pgwidgets.hpp>

// Any method taking a list of structs has this parameter type.
pgw::Task<> set_columns(pgw::List<pgw::Column> columns);

pgw::Task<> f() {
  co_await set_columns({{.title = "id"}, {.title = "name"}});  // <- the error
}
