// MDIWidget::add_widget creates the sub-window around its content: passing
// an MDISubWindow (the old, hand-made form) does not compile, with a
// message saying what to pass.
#include <pgwidgets/pgwidgets.hpp>

pgw::Task<> f(pgw::MDIWidget mdi, pgw::MDISubWindow sub) {
  co_await mdi.add_widget(sub, {.title = "Doc"});
}
