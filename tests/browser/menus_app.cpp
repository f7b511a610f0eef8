// The program behind browser/menus.test.mjs: a menu bar (File with a
// submenu and separators, Edit with a checkable Wrap, View), a label with
// a context menu, and a button whose handler pops a menu up at (x, y) near
// the window's right edge (its submenu must open on the left). Each
// action's handler writes what it received and what the action's getters
// answer (plain calls: answered by the server) into a Label the test reads.
#include <string>

#include <pgwidgets/pgwidgets.hpp>

#include "example_args.hpp"

namespace {

void report_plain(const pgw::MenuAction& a, const pgw::Label& report) {
  a.on_activated([a, report]() -> pgw::Task<> { co_await report.set_text("activated " + a.get_text()); });
}

pgw::Task<> setup(pgw::Session& session) {
  auto w = session.get_widgets();
  auto top = co_await w.TopLevel({.title = "Menus test", .resizable = true});
  co_await top.set_position(0, 0);
  co_await top.resize(880, 560);
  auto vbox = co_await w.VBox({.spacing = 4, .padding = 0});
  auto bar = co_await w.MenuBar();
  auto report = co_await w.Label("none", {.tooltip = "what the handlers got"});
  auto target = co_await w.Label("right-click here", {.tooltip = "context target"});
  auto pop = co_await w.Button("Pop up");
  co_await vbox.add_widget(bar);
  co_await vbox.add_widget(report);
  co_await vbox.add_widget(target, 1);
  co_await vbox.add_widget(pop);
  co_await top.set_widget(vbox);

  // File: Open, Save, -, Recent > (one.txt, two.txt), -, Quit.
  auto file = co_await bar.add_name("File");
  report_plain(co_await file.add_name("Open"), report);
  report_plain(co_await file.add_name("Save"), report);
  co_await file.add_separator();
  auto recent = co_await file.add_menu("Recent");
  report_plain(co_await recent.add_name("one.txt"), report);
  report_plain(co_await recent.add_name("two.txt"), report);
  co_await file.add_separator();
  report_plain(co_await file.add_name("Quit"), report);

  // Edit: an existing Menu put on the bar with add_menu; Wrap is checkable.
  auto edit = co_await w.Menu();
  co_await bar.add_menu(edit, "Edit");
  auto wrap = co_await edit.add_name("Wrap", true);
  wrap.on_activated([wrap, report](bool checked) -> pgw::Task<> {
    co_await report.set_text(std::string("wrap ") + (checked ? "on" : "off") + " get_checked " +
                             (wrap.get_checked() ? "true" : "false"));
  });
  report_plain(co_await edit.add_name("Cut"), report);
  report_plain(co_await edit.add_name("Copy"), report);
  auto disabled = co_await edit.add_name("Paste");
  co_await disabled.set_enabled(false);
  report_plain(disabled, report);
  report_plain(co_await edit.add_name("Clear"), report);

  // View: Zoom > (an existing menu, add_submenu), and a renamed action.
  auto view = co_await bar.add_name("View");
  auto zoom = co_await w.Menu();
  report_plain(co_await zoom.add_name("Zoom in"), report);
  report_plain(co_await zoom.add_name("Zoom out"), report);
  co_await view.add_submenu("Zoom", zoom);
  auto status = co_await view.add_name("Status bar");
  co_await status.set_text("Status line");
  report_plain(status, report);

  // The label's context menu.
  auto ctx = co_await w.Menu();
  report_plain(co_await ctx.add_name("Inspect"), report);
  report_plain(co_await ctx.add_name("Copy text"), report);
  co_await target.set_menu(ctx);

  // A popup menu opened near the right edge by the button's handler.
  auto popmenu = co_await w.Menu();
  report_plain(co_await popmenu.add_name("Alpha"), report);
  auto more = co_await popmenu.add_menu("More");
  report_plain(co_await more.add_name("Deep one"), report);
  report_plain(co_await more.add_name("Deep two"), report);
  pop.on_activated([popmenu, report]() -> pgw::Task<> {
    co_await popmenu.popup(780, 120);
    auto got = co_await popmenu.get_menu("More");
    co_await report.set_text(std::string("popped, get_menu ") + (got ? "found" : "none"));
  });
  co_await top.show();
}

}  // namespace

int main(int argc, char** argv) { return example::serve(argc, argv, setup); }
