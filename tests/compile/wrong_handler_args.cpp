// Button's activated callback has no arguments: a handler taking one must not compile.
#include <pgwidgets/pgwidgets.hpp>

void f(pgw::Button button) {
  button.on_activated([](std::string text) { (void)text; });
}
