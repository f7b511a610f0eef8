// A Slider's value is exactly int (dtype int) or exactly double (dtype
// float): a handler taking bool converts from both, so it must not compile.
#include <pgwidgets/pgwidgets.hpp>

void f(pgw::Slider slider) {
  slider.on_activated([](bool value) { (void)value; });
}
