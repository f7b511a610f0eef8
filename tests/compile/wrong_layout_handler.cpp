// TabWidget's page_switch (declared by StackWidget) hands the handler the
// child and its index: a handler taking the index alone must not compile.
#include <pgwidgets/pgwidgets.hpp>

void f(pgw::TabWidget tabs) {
  tabs.on_page_switch([](int index) { (void)index; });
}
