// TextEntry's activated callback passes the text: a handler taking an int must not compile.
#include <pgwidgets/pgwidgets.hpp>

void f(pgw::TextEntry entry) {
  entry.on_activated([](int value) -> pgw::Task<> {
    (void)value;
    co_return;
  });
}
