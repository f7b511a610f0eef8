// An alignment is a pgw::HAlign, not a string: a misspelt word (or any
// string) must not compile.
#include <pgwidgets/pgwidgets.hpp>

pgw::Task<> f(pgw::Widgets Widgets) {
  auto label = co_await Widgets.Label("x", {.halign = "centre"});
  (void)label;
}
