// A Timer's expired handler takes the duration that ran out: one taking a string must not compile.
#include <pgwidgets/pgwidgets.hpp>

void f(pgw::Timer timer) {
  timer.on_expired([](std::string text) { (void)text; });
}
