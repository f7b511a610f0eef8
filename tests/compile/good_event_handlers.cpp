// Event handlers take their record by value, const& or &&, or auto.
#include <pgwidgets/pgwidgets.hpp>

void f(pgw::Label label) {
  label.on_click([](pgw::PointerEvent e) { (void)e.modifiers.ctrl; });
  label.on_key_down([](const pgw::KeyEvent& e) { (void)e.keycode; });
  label.on_scroll([](pgw::ScrollEvent&& e) { (void)e.delta_y; });
  label.on_drop_end([](auto e) -> pgw::Task<> { (void)e.files.size(); co_return; });
  label.on_focus_in([](pgw::FocusEvent) {});
}
