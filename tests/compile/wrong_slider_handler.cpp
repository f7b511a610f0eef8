// Slider's activated callback passes an int (dtype int) or a double (dtype
// float): a handler taking a string must not compile.
#include <pgwidgets/pgwidgets.hpp>

#include <string>

void f(pgw::Slider slider) {
  slider.on_activated([](std::string value) { (void)value; });
}
