// TopLevel's resized callback passes (int width, int height): a handler
// taking bools would see only "zero or not", so it must not compile.
#include <pgwidgets/pgwidgets.hpp>

void f(pgw::TopLevel top) {
  top.on_resized([](bool width, bool height) { (void)width; (void)height; });
}
