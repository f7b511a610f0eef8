// Pointer and keyboard events under real input (tests/browser/events.test.mjs):
// an interactive label's typed handlers write what their event records
// held into one label per event kind, which the test reads. A plain label
// beside it, created without `interactive`, must make the page send nothing.
#include <cmath>
#include <cstdio>
#include <string>

#include <pgwidgets/pgwidgets.hpp>

#include "example_args.hpp"

namespace {

std::string num(double v) { return std::to_string(static_cast<long long>(std::lround(v))); }
std::string yes(bool b) { return b ? "true" : "false"; }

std::string mods(const pgw::Modifiers& m) {
  return "alt " + yes(m.alt) + " ctrl " + yes(m.ctrl) + " shift " + yes(m.shift) + " meta " + yes(m.meta);
}

std::string pointer(const pgw::PointerEvent& e) {
  return "x " + num(e.x) + " y " + num(e.y) + " button " + std::to_string(e.button_trigger) + " mask " +
         std::to_string(e.button_mask) + " " + mods(e.modifiers);
}

}  // namespace

int main(int argc, char** argv) {
  pgw::ApplicationOptions options{.logger = pgw::stderr_logger(pgw::LogLevel::info)};
  example::parse_args(argc, argv, options);
  return pgw::run([&]() -> pgw::Task<> {
    pgw::Application app(options);
    app.on_connect([](pgw::Session& session) -> pgw::Task<> {
      auto W = session.get_widgets();
      auto top = co_await W.TopLevel({.title = "events", .resizable = true});
      co_await top.resize(640, 520);
      auto box = co_await W.VBox({.spacing = 4, .padding = 8});
      auto pad = co_await W.Label("pad", {.interactive = true, .padding = 30});
      auto plain = co_await W.Label("plain", {.padding = 30});
      co_await box.add_widget(pad, 0);
      co_await box.add_widget(plain, 0);
      auto line = [&](std::string text) -> pgw::Task<pgw::Label> {
        auto l = co_await W.Label(text);
        co_await box.add_widget(l, 0);
        co_return l;
      };
      auto click = co_await line("click: none");
      auto dbl = co_await line("dblclick: none");
      auto menu = co_await line("contextmenu: none");
      auto down = co_await line("pointer_down: none");
      auto up = co_await line("pointer_up: none");
      auto move = co_await line("pointer_move: none");
      auto hover = co_await line("hover: none");
      auto key = co_await line("key: none");
      auto focus = co_await line("focus: none");
      auto wheel = co_await line("scroll: none");
      auto drop = co_await line("drop: none");
      auto counts = co_await line("counts: none");
      co_await top.set_widget(box);
      co_await top.show();

      auto n = std::make_shared<int>(0);  // pointer_move reports seen
      pad.on_click([click](pgw::PointerEvent e) -> pgw::Task<> { co_await click.set_text("click: " + pointer(e)); });
      pad.on_dblclick([dbl](pgw::PointerEvent e) -> pgw::Task<> { co_await dbl.set_text("dblclick: " + pointer(e)); });
      pad.on_contextmenu([menu](const pgw::PointerEvent& e) -> pgw::Task<> {
        co_await menu.set_text("contextmenu: " + pointer(e));
      });
      pad.on_pointer_down([down](pgw::PointerEvent e) -> pgw::Task<> {
        co_await down.set_text("pointer_down: " + pointer(e) + " type " + e.pointer_type + " primary " + yes(e.is_primary));
      });
      pad.on_pointer_up([up](pgw::PointerEvent e) -> pgw::Task<> { co_await up.set_text("pointer_up: " + pointer(e)); });
      pad.on_pointer_move([move, n](pgw::PointerEvent e) -> pgw::Task<> {
        ++*n;
        co_await move.set_text("pointer_move: x " + num(e.x) + " y " + num(e.y));
      });
      pad.on_enter([hover](pgw::PointerEvent) -> pgw::Task<> { co_await hover.set_text("hover: enter"); });
      pad.on_leave([hover](pgw::PointerEvent) -> pgw::Task<> { co_await hover.set_text("hover: leave"); });
      pad.on_key_down([key](pgw::KeyEvent e) -> pgw::Task<> {
        co_await key.set_text("key: down " + e.key + " " + e.keycode + " " + mods(e.modifiers));
      });
      pad.on_key_up([key](pgw::KeyEvent e) -> pgw::Task<> {
        co_await key.set_text("key: up " + e.key + " " + e.keycode + " " + mods(e.modifiers));
      });
      pad.on_focus_in([focus](pgw::FocusEvent) -> pgw::Task<> { co_await focus.set_text("focus: in"); });
      pad.on_focus_out([focus](pgw::FocusEvent) -> pgw::Task<> { co_await focus.set_text("focus: out"); });
      pad.on_scroll([wheel](pgw::ScrollEvent e) -> pgw::Task<> {
        co_await wheel.set_text("scroll: dy " + num(e.delta_y) + " mode " + std::to_string(e.delta_mode) + " x " +
                                num(e.pointer.x));
      });
      auto progress = std::make_shared<std::string>();
      pad.on_drop_start([drop, progress](pgw::DropEvent e) -> pgw::Task<> {
        progress->clear();
        std::string text = "drop: start";
        for (const auto& f : e.files) text += " " + f.name + " " + f.type + " " + std::to_string(f.size);
        co_await drop.set_text(text);
      });
      pad.on_drop_progress([progress](pgw::DropProgress p) {
        *progress += " " + p.file_name + " " + std::to_string(p.transferred_bytes) + "/" +
                     std::to_string(p.total_bytes) + " " + std::to_string(p.file_index + 1) + " of " +
                     std::to_string(p.file_count);
      });
      pad.on_drop_end([drop, progress](pgw::DropEvent e) -> pgw::Task<> {
        co_await drop.set_text("drop: end " + std::to_string(e.files.size()) + " files, progress" + *progress);
      });
      // What the move count says once the test has moved the pointer many times.
      pad.on_dblclick([counts, n](pgw::PointerEvent) -> pgw::Task<> {
        co_await counts.set_text("counts: moves " + std::to_string(*n));
      });
    });
    co_await app.start();
    std::printf("%s\n", app.url().c_str());
    std::fflush(stdout);
    co_await app.run();
  }());
}
