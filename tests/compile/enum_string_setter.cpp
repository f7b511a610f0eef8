// Setters of enum state take the enum: a string does not compile.
#include <pgwidgets/pgwidgets.hpp>

pgw::Task<> f(pgw::TopLevel top) {
  co_await top.set_window_state("maximized");
}
