// A plain function's parameters are checked like a lambda's: long for int.
#include <pgwidgets/pgwidgets.hpp>

void moved(long x, long y) { (void)x; (void)y; }

void f(pgw::TopLevel top) {
  top.on_move(&moved);
}
