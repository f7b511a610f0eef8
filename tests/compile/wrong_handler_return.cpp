// A handler returns void or pgw::Task<>: one returning a value must not compile.
#include <pgwidgets/pgwidgets.hpp>

void f(pgw::TextEntry entry) {
  entry.on_activated([](std::string text) { return text.size(); });
}
