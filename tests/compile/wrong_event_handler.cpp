// A click handler taking a key event (or any other record) must not
// compile: each event callback takes its own record type exactly.
#include <pgwidgets/pgwidgets.hpp>

void f(pgw::Label label) {
  label.on_click([](pgw::KeyEvent e) { (void)e; });
}
