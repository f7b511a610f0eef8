// A Slider handler taking float would narrow the wire's double (a float
// widget's 0.1 is not a float's): it must not compile, whatever the dtype.
#include <pgwidgets/pgwidgets.hpp>

void f(pgw::Slider slider) {
  slider.on_activated([](float value) { (void)value; });
}
