// CheckBox's activated callback passes (bool tf): a handler taking an int
// would accept the bool by conversion, so it must not compile.
#include <pgwidgets/pgwidgets.hpp>

void f(pgw::CheckBox box) {
  box.on_activated([](int state) { (void)state; });
}
