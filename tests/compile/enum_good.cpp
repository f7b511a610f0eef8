// The typed spellings compile: enumerators in options, setters, getters
// and handlers, and the word conversions.
#include <pgwidgets/pgwidgets.hpp>

pgw::Task<> f(pgw::Widgets Widgets) {
  auto label = co_await Widgets.Label("x", {.halign = pgw::HAlign::center});
  auto label2 = co_await Widgets.Label({.text = "y", .halign = pgw::parse<pgw::HAlign>("right")});
  auto box = co_await Widgets.Box({.orientation = pgw::Orientation::vertical, .spacing = 4});
  auto top = co_await Widgets.TopLevel({.title = "t", .window_state = pgw::WindowState::maximized});
  co_await label.set_valign(pgw::VAlign::bottom);
  co_await box.set_align(pgw::Align::center);
  co_await top.set_window_state(pgw::WindowState::shaded);
  top.on_window_state([](pgw::WindowState state) { (void)pgw::to_string(state); });
  pgw::HAlign h = label.get_halign();
  std::string_view word = pgw::to_string(h);
  (void)word; (void)label2;
}
