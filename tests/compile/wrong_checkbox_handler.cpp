// CheckBox's activated callback passes its bool state: a handler taking a
// string must not compile.
#include <pgwidgets/pgwidgets.hpp>

#include <string>

void f(pgw::CheckBox box) {
  box.on_activated([](std::string state) { (void)state; });
}
