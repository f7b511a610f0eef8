// The program behind browser/parity.test.mjs: the pgwidgets behaviours the
// browser must get right where a port would silently differ (set_color's
// argument order, set_moveable, set_icon's and add_cursor's size,
// get_position's viewport coordinates).
#include <cstdio>
#include <optional>
#include <string>

#include <pgwidgets/pgwidgets.hpp>

#include "example_args.hpp"

namespace {

constexpr const char* kIcon =
    "data:image/svg+xml,%3Csvg xmlns='http://www.w3.org/2000/svg' width='64' height='64'%3E"
    "%3Crect width='64' height='64' fill='teal'/%3E%3C/svg%3E";

pgw::Task<> setup(pgw::Session& session) {
  auto w = session.get_widgets();
  auto top = co_await w.TopLevel({.title = "Fixed window"});
  co_await top.set_position(40, 40);
  co_await top.set_moveable(false);
  auto vbox = co_await w.VBox({.spacing = 4, .padding = 6});
  auto both = co_await w.Label("Both colors");
  co_await both.set_color("rgb(10, 20, 30)", "rgb(200, 100, 50)");
  auto fg_only = co_await w.Label("Text color only");
  co_await fg_only.set_color("rgb(1, 2, 3)");
  co_await fg_only.set_color(std::nullopt, "rgb(0, 128, 0)");
  auto icon = co_await w.Button("Icon");
  co_await icon.set_icon(kIcon, 20);
  // Asked for before the redrawn image is ready: applied once it is.
  co_await icon.add_cursor("square", kIcon, 4, 4, 24);
  co_await icon.set_cursor("square");
  auto allow = co_await w.Button("Allow moving");
  auto where = co_await w.Label("");
  co_await vbox.add_widget(both);
  co_await vbox.add_widget(fg_only);
  co_await vbox.add_widget(icon);
  co_await vbox.add_widget(allow);
  co_await vbox.add_widget(where);
  co_await top.set_widget(vbox);
  co_await top.show();
  allow.on_activated([top, allow, both, where]() -> pgw::Task<> {
    const auto p = co_await both.get_position();
    co_await where.set_text("position " + std::to_string(p.x) + " " + std::to_string(p.y));
    co_await top.set_moveable(true);
    co_await allow.set_text("Moving allowed");
  });
}

}  // namespace

int main(int argc, char** argv) { return example::serve(argc, argv, setup); }
