// A Slider handler takes exactly int or exactly double: one taking a long
// (which an int converts to) must not compile.
#include <pgwidgets/pgwidgets.hpp>

void f(pgw::Slider slider) {
  slider.on_activated([](long value) { (void)value; });
}
