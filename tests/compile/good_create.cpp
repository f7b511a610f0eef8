// MDIWidget::add_widget in pgwidgets' form: the content, then the
// sub-window's options (braced inside co_await, as g++ 12 allows for
// options structs), returning the created pgw::MDISubWindow.
#include <pgwidgets/pgwidgets.hpp>

pgw::Task<> f(pgw::Widgets W, pgw::MDIWidget mdi) {
  auto label = co_await W.Label("text");
  pgw::MDISubWindow sub =
      co_await mdi.add_widget(label, {.title = "Doc", .width = 320, .height = 200, .x = 10, .y = 20});
  co_await sub.set_title("Doc 2");
  auto plain = co_await mdi.add_widget(co_await W.Button("b"));
  co_await plain.resize(100, 100);
}
