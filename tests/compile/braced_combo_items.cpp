// ComboBoxOptions::items views a named list (options structs stay trivially
// destructible): a braced list there is refused at the calling line, by an
// error that says what to write.
#include <pgwidgets/pgwidgets.hpp>

pgw::Task<> f(pgw::Widgets widgets) {
  auto box = co_await widgets.ComboBox({.items = {"Light", "Dark"}});  // <- the error
  (void)box;
}
