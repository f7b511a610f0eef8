// A handler taking std::string& would edit a value nobody sees again; the
// declared type is passed as an rvalue, so it must not compile.
#include <pgwidgets/pgwidgets.hpp>

void f(pgw::TextEntry entry) {
  entry.on_activated([](std::string& text) { text.clear(); });
}
