// TopLevel's move callback passes (int x, int y): a handler taking doubles
// converts them silently, so it must not compile.
#include <pgwidgets/pgwidgets.hpp>

void f(pgw::TopLevel top) {
  top.on_move([](double x, double y) { (void)x; (void)y; });
}
