// A timer passes its own Duration: a handler taking milliseconds would need
// a conversion, so it must not compile.
#include <chrono>
#include <pgwidgets/pgwidgets.hpp>

void f(pgw::Timer timer) {
  timer.on_expired([](std::chrono::milliseconds elapsed) { (void)elapsed; });
}
