// The handlers a dtype-dependent callback takes: exactly int, exactly
// double (by value, const&, &&), a coroutine, a generic lambda.
#include <pgwidgets/pgwidgets.hpp>

void on_int(int) {}

void f(pgw::Slider slider, pgw::SpinBox spin, pgw::Dial dial) {
  slider.on_activated([](int value) { (void)value; });
  slider.on_activated([](double value) { (void)value; });
  slider.on_activated([](const double& value) -> pgw::Task<> {
    (void)value;
    co_return;
  });
  spin.on_activated([](int&& value) { (void)value; });
  spin.on_activated(&on_int);
  dial.on_activated([](auto value) { (void)value; });
}
