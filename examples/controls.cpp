// Every control in one window: check box, toggle and radio buttons, combo
// box, spin box, slider, dial, scroll bar, progress bar and color chooser,
// then a text area, a text entry with a button, and a status bar.
// Each handler shows what it got in the status line.
#include <cstdio>
#include <sstream>
#include <string>

#include <pgwidgets/pgwidgets.hpp>

#include "example_args.hpp"

namespace {

std::string str(double v) {
  std::ostringstream out;
  out << v;
  return out.str();
}

// Shows a text in the status line: one helper for many handlers. A
// coroutine lambda handler capturing `status` would do as well: the SDK
// keeps each handler (and its captures) for as long as it is registered,
// and across every co_await of a call in progress (hello.cpp's button).
pgw::Task<> show(pgw::Label status, std::string text) { co_await status.set_text(std::move(text)); }

}  // namespace

pgw::Task<> main_task() {
  pgw::Application app(example::with_args({.max_sessions = 4, .logger = pgw::stderr_logger(pgw::LogLevel::info)}));

  app.on_connect([](pgw::Session& session) -> pgw::Task<> {
    auto W = session.get_widgets();
    auto top = co_await W.TopLevel({.title = "Controls", .resizable = true});
    co_await top.resize(640, 800);
    auto vbox = co_await W.VBox({.spacing = 8, .padding = 10});
    auto status = co_await W.Label("Use a control");

    // Buttons that keep a state.
    auto buttons = co_await W.HBox({.spacing = 10});
    auto check = co_await W.CheckBox("Check box", {.tooltip = "Space toggles it"});
    auto toggle = co_await W.ToggleButton("Toggle");
    auto small = co_await W.RadioButton("Small");
    auto medium = co_await W.RadioButton("Medium", {.group = &small});
    auto large = co_await W.RadioButton("Large", {.group = &small});
    co_await medium.set_state(true);
    for (pgw::Widget w : {pgw::Widget(check), pgw::Widget(toggle), pgw::Widget(small), pgw::Widget(medium),
                          pgw::Widget(large)}) {
      co_await buttons.add_widget(w, 0);
    }
    check.on_activated([status](bool on) { return show(status, std::string("check box: ") + (on ? "on" : "off")); });
    toggle.on_activated([status](bool on) { return show(status, std::string("toggle: ") + (on ? "pressed" : "released")); });
    for (auto [radio, name] : {std::pair{small, "small"}, std::pair{medium, "medium"}, std::pair{large, "large"}}) {
      radio.on_activated([status, name](bool) { return show(status, std::string("size: ") + name); });
    }

    // Choosing and numbers.
    auto numbers = co_await W.HBox({.spacing = 10});
    auto combo = co_await W.ComboBox({.editable = true});
    for (const char* fruit : {"Apple", "Banana", "Cherry"}) co_await combo.append_text(fruit);
    auto spin = co_await W.SpinBox({.min = 0, .max = 10, .value = 3});
    auto fspin = co_await W.SpinBox({.dtype = pgw::Dtype::float_, .min = 0, .max = 1, .step = 0.05, .value = 0.5});
    for (pgw::Widget w : {pgw::Widget(combo), pgw::Widget(spin), pgw::Widget(fspin)}) co_await numbers.add_widget(w, 0);
    combo.on_activated([status](int index, std::string text) {
      return show(status, "combo: " + text + " (item " + std::to_string(index) + ")");
    });
    spin.on_activated([status](int value) { return show(status, "spin box (int): " + std::to_string(value)); });
    fspin.on_activated([status](double value) { return show(status, "spin box (float): " + str(value)); });

    // Sliders, a dial, a scroll bar driving a progress bar.
    auto ranges = co_await W.HBox({.spacing = 10});
    auto slider = co_await W.Slider({.track = true, .show_value = true});
    auto fslider = co_await W.Slider({.orientation = pgw::Orientation::vertical, .dtype = pgw::Dtype::float_,
                                      .min = 0, .max = 1, .step = 0.1, .value = 0.3, .show_value = true});
    auto dial = co_await W.Dial({.show_value = true});
    co_await dial.resize(90, 90);
    for (pgw::Widget w : {pgw::Widget(slider), pgw::Widget(fslider), pgw::Widget(dial)}) co_await ranges.add_widget(w, 0);
    slider.on_activated([status](int value) { return show(status, "slider (int): " + std::to_string(value)); });
    fslider.on_activated([status](double value) { return show(status, "slider (float): " + str(value)); });
    dial.on_activated([status](auto value) { return show(status, "dial: " + str(value)); });

    auto scroll = co_await W.ScrollBar();
    auto progress = co_await W.ProgressBar({.value = 0});
    scroll.on_activated([status, progress](double pct) -> pgw::Task<> {
      co_await progress.set_value(pct);
      co_await show(status, "scroll bar: " + str(pct));
    });

    auto color = co_await W.ColorWidget({.color = "#2f6fd6"});
    color.on_pick([status](std::string hex) { return show(status, "color: " + hex); });

    for (pgw::Widget w : {pgw::Widget(buttons), pgw::Widget(numbers), pgw::Widget(ranges), pgw::Widget(scroll),
                          pgw::Widget(progress), pgw::Widget(color)}) {
      co_await vbox.add_widget(w, 0);
    }
    // Text: a TextArea whose typed text reaches the server once typing
    // pauses (get_text() answers locally), a TextEntrySet to search it, and
    // a StatusBar for timed messages.
    auto notes = co_await W.TextArea("Type some notes here.\n", {.wrap = pgw::Wrap::word, .tooltip = "Notes"});
    auto search = co_await W.TextEntrySet("", {.label = "Find", .tooltip = "Enter or Find"});
    auto bar = co_await W.StatusBar();
    co_await bar.set_message("Ready");
    notes.on_changed([bar](std::string text) -> pgw::Task<> {
      co_await bar.set_message(std::to_string(text.size()) + " characters", 2.0);
    });
    search.on_activated([notes, bar](std::string text) -> pgw::Task<> {
      const bool found = !text.empty() && notes.get_text().find(text) != std::string::npos;
      co_await bar.set_message((found ? "Found \"" : "No \"") + text + "\"", 3.0);
    });
    co_await vbox.add_widget(notes, 1);
    co_await vbox.add_widget(search, 0);
    co_await vbox.add_widget(status, 0);
    co_await vbox.add_widget(bar, 0);
    co_await top.set_widget(vbox);
    co_await top.show();
  });

  co_await app.start();
  std::printf("%s\n", app.url().c_str());
  std::fflush(stdout);
  co_await app.run();
}

int main(int argc, char** argv) {
  example::set_args(argc, argv);
  return pgw::run(main_task());
}
