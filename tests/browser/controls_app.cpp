// The controls family under real input (tests/browser/controls.test.mjs):
// every handler writes what its typed arguments were and what the getters
// answer (locally, no round trip) into the "log" label, which the test reads.
#include <cstdio>
#include <sstream>
#include <stdexcept>
#include <string>
#include <type_traits>
#include <vector>

#include <pgwidgets/pgwidgets.hpp>

#include "example_args.hpp"

namespace {

// The exact C++ type a handler got: the dtype-typed callbacks must hand an
// int to an int handler and a double to a double one.
template <class T>
const char* type_name() {
  if constexpr (std::is_same_v<T, int>) return "int";
  if constexpr (std::is_same_v<T, double>) return "double";
  if constexpr (std::is_same_v<T, bool>) return "bool";
  return "other";
}

std::string num(double v) {
  std::ostringstream out;
  out << v;
  return out.str();
}

std::string yes(bool b) { return b ? "true" : "false"; }

pgw::Task<pgw::HBox> row(pgw::Widgets W, std::vector<pgw::Widget> widgets) {
  auto hbox = co_await W.HBox({.spacing = 10});
  for (const pgw::Widget& w : widgets) co_await hbox.add_widget(w, 0);
  co_return hbox;
}

}  // namespace

int main(int argc, char** argv) {
  pgw::ApplicationOptions options{.logger = pgw::stderr_logger(pgw::LogLevel::info)};
  example::parse_args(argc, argv, options);
  return pgw::run([&]() -> pgw::Task<> {
    pgw::Application app(options);
    app.on_connect([](pgw::Session& session) -> pgw::Task<> {
      auto W = session.get_widgets();
      auto top = co_await W.TopLevel({.title = "controls", .resizable = true});
      co_await top.resize(760, 620);
      auto box = co_await W.VBox({.spacing = 6, .padding = 8});
      auto log = co_await W.Label("ready");
      auto url = co_await W.Label("url " + session.get_url());
      auto dtype_check = co_await W.Label("dtype check: none");

      auto check = co_await W.CheckBox("Check me", {.tooltip = "a check box", .name = "check-me"});
      auto toggle = co_await W.ToggleButton("Toggle me");
      auto ra = co_await W.RadioButton("Radio A");
      auto rb = co_await W.RadioButton("Radio B", {.group = &ra});
      auto rc = co_await W.RadioButton("Radio C", {.group = &rb});
      co_await ra.set_state(true);
      // Items in the options (a named list: options views it), one more appended;
      // editable: an item the user enters is added, and the server's list has it.
      const std::vector<std::string> colors{"Red", "Green"};
      auto combo = co_await W.ComboBox({.editable = true, .items = colors});
      co_await combo.append_text("Blue");
      // Never chosen: the page shows its first item, and get_index() says so.
      auto theme = co_await W.ComboBox();
      for (const char* c : {"Light", "Dark"}) co_await theme.append_text(c);
      auto spin = co_await W.SpinBox({.min = 0, .max = 100, .value = 5});
      auto slider = co_await W.Slider({.dtype = pgw::Dtype::float_, .min = 0, .max = 10, .step = 0.5, .value = 5});
      auto dial = co_await W.Dial({.dtype = pgw::Dtype::int_, .value = 50});
      auto scroll = co_await W.ScrollBar({.thickness = 18});
      auto progress = co_await W.ProgressBar({.value = 0.25});
      auto color = co_await W.ColorWidget({.color = "#ff0000"});
      auto disabled = co_await W.CheckBox("Disabled", {.enabled = false});

      // In rows, so that the whole set fits the window without scrolling.
      // Named lists: g++ 12 destroys a braced temporary inside co_await twice.
      const std::vector<pgw::Widget> buttons{check, toggle, disabled}, radios{ra, rb, rc}, choosers{combo, theme, spin},
          knob_and_color{dial, color};
      auto buttons_row = co_await row(W, buttons);
      auto radios_row = co_await row(W, radios);
      auto choosers_row = co_await row(W, choosers);
      auto knob_row = co_await row(W, knob_and_color);
      const std::vector<pgw::Widget> rows{log,    url,       dtype_check, buttons_row, radios_row,
                                          choosers_row, slider, knob_row,  scroll,      progress};
      for (const pgw::Widget& w : rows) co_await box.add_widget(w, 0);
      co_await top.set_widget(box);
      co_await top.show();

      // The dtype is checked when a handler is registered: an int handler
      // on a float slider is reported (stderr) and skipped; setup goes on.
      slider.on_activated([](int) {});
      co_await dtype_check.set_text("dtype check: setup went on, theme index " + std::to_string(theme.get_index()));

      check.on_activated([log, check](bool tf) -> pgw::Task<> {
        co_await log.set_text("check " + yes(tf) + " get " + yes(check.get_state()));
      });
      toggle.on_activated([log, toggle](bool value) -> pgw::Task<> {
        co_await log.set_text("toggle " + yes(value) + " get " + yes(toggle.get_state()));
      });
      auto radio = [log, ra, rb, rc](std::string name) {
        return [log, ra, rb, rc, name](bool value) -> pgw::Task<> {
          co_await log.set_text("radio " + name + " " + yes(value) + " get " + yes(ra.get_state()) + " " +
                                yes(rb.get_state()) + " " + yes(rc.get_state()));
        };
      };
      ra.on_activated(radio("A"));
      rb.on_activated(radio("B"));
      rc.on_activated(radio("C"));
      combo.on_activated([log, combo](int idx, std::string text) -> pgw::Task<> {
        // get_alpha answers from the server's list (an entered item included).
        co_await log.set_text("combo " + std::to_string(idx) + " " + text + " get " +
                              std::to_string(combo.get_index()) + " alpha " + combo.get_alpha(idx) + " next [" +
                              combo.get_alpha(idx + 1) + "]");
      });
      spin.on_activated([log, spin](int val) -> pgw::Task<> {
        co_await log.set_text("spin " + std::string(type_name<decltype(val)>()) + " " + std::to_string(val) +
                              " get " + num(spin.get_value()));
      });
      slider.on_activated([log, slider](double num_) -> pgw::Task<> {
        co_await log.set_text("slider " + std::string(type_name<decltype(num_)>()) + " " + num(num_) + " get " +
                              num(slider.get_value()));
      });
      dial.on_activated([log, dial](auto value) -> pgw::Task<> {
        co_await log.set_text("dial " + std::string(type_name<decltype(value)>()) + " " + num(value) + " get " +
                              num(dial.get_value()));
      });
      scroll.on_activated([log, scroll, progress](double pct) -> pgw::Task<> {
        co_await progress.set_value(pct);
        co_await log.set_text("scroll " + num(pct) + " get " + num(scroll.get_scroll_percent()) + " progress " +
                              num(progress.get_value()));
      });
      color.on_pick([log, color](std::string hex) -> pgw::Task<> {
        co_await log.set_text("color " + hex + " get " + color.get_color());
      });
    });
    co_await app.start();
    std::printf("%s\n", app.url().c_str());
    std::fflush(stdout);
    co_await app.run();
  }());
}
