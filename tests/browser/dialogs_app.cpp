// The program behind browser/dialogs.test.mjs: a window holding a toolbar
// (plain action, an exclusive group of three toggles, a separator, a
// spacer, more actions for the overflow) and buttons that open a modal
// dialog with exec(), a plain moveable dialog and a ColorDialog. Every
// handler writes what it got, and what the server's getters answer, into
// the report Label the test reads.
#include <optional>
#include <string>
#include <vector>

#include <pgwidgets/pgwidgets.hpp>

#include "example_args.hpp"

namespace {

std::string states(const std::vector<pgw::ToolBarAction>& group) {
  std::string out;
  for (const auto& a : group) out += a.get_state() ? "1" : "0";
  return out;
}

pgw::Task<> setup(pgw::Session& session) {
  auto w = session.get_widgets();
  auto top = co_await w.TopLevel({.title = "Dialogs test", .resizable = true});
  co_await top.set_position(10, 10);
  co_await top.resize(640, 300);
  auto vbox = co_await w.VBox({.spacing = 4, .padding = 6});
  auto bar = co_await w.ToolBar();
  co_await bar.set_name("bar");
  auto report = co_await w.Label("none", {.tooltip = "what the handlers got"});
  auto ask = co_await w.Button("Ask");
  auto open_plain = co_await w.Button("Open plain");
  auto popup_plain = co_await w.Button("Popup plain");
  auto open_color = co_await w.Button("Pick color");
  auto field = co_await w.TextEntry({.text = "outside"});
  co_await field.set_name("outside");
  co_await vbox.add_widget(bar);
  co_await vbox.add_widget(report);
  co_await vbox.add_widget(ask);
  co_await vbox.add_widget(open_plain);
  co_await vbox.add_widget(popup_plain);
  co_await vbox.add_widget(open_color);
  co_await vbox.add_widget(field);
  co_await top.set_widget(vbox);

  auto run = co_await bar.add_action({.text = "Run"});
  co_await bar.add_separator();
  auto left = co_await bar.add_action({.text = "Left", .toggle = true});
  auto center = co_await bar.add_action({.text = "Center", .toggle = true, .group = &left});
  auto right = co_await bar.add_action({.text = "Right", .toggle = true, .group = &left});
  co_await left.set_state(true);
  co_await bar.add_spacer();
  auto bold = co_await bar.add_action({.text = "Bold", .toggle = true});
  auto more1 = co_await bar.add_action({.text = "Export"});
  auto more2 = co_await bar.add_action({.text = "Print"});
  co_await top.show();

  const std::vector<pgw::ToolBarAction> group{left, center, right};
  run.on_activated([report]() -> pgw::Task<> { co_await report.set_text("activated Run"); });
  for (const auto& a : group) {
    a.on_activated([a, group, report](bool on) -> pgw::Task<> {
      co_await report.set_text("toggled " + a.get_text() + " " + (on ? "on" : "off") + " | " + states(group));
    });
  }
  bold.on_activated([report, bold](bool on) -> pgw::Task<> {
    co_await report.set_text(std::string("toggled Bold ") + (on ? "on" : "off") + " | " + (bold.get_state() ? "1" : "0"));
  });
  more1.on_activated([report]() -> pgw::Task<> { co_await report.set_text("activated Export"); });
  more2.on_activated([report]() -> pgw::Task<> { co_await report.set_text("activated Print"); });

  // A modal dialog answered through exec(): the coroutine resumes when the
  // user answers.
  const std::vector<std::string> answers{"Yes", "No"}, values{"yes", "no"}, close{"Close"};
  auto question = co_await w.Dialog("Really?", answers, {.autoclose = true, .modal = true, .values = values});
  auto note = co_await w.TextEntry({.text = "inside"});
  co_await note.set_name("inside");
  co_await question.add_widget(co_await w.Label("Do it?"));
  co_await question.add_widget(note);
  ask.on_activated([question, report]() -> pgw::Task<> {
    co_await report.set_text("asking");
    const std::optional<std::string> answer = co_await question.exec();
    // Built before the co_await (g++ 12 and a conditional's temporaries).
    const std::string text = "exec " + answer.value_or("cancelled");
    co_await report.set_text(text);
  });

  auto plain = co_await w.Dialog("Plain", close, {.autoclose = true});
  co_await plain.add_widget(co_await w.Label("A moveable dialog"));
  co_await plain.set_position(200, 150);
  plain.on_move([plain, report](int x, int y) -> pgw::Task<> {
    co_await report.set_text("moved " + std::to_string(x) + " " + std::to_string(y));
  });
  open_plain.on_activated([plain]() -> pgw::Task<> { co_await plain.show(); });
  popup_plain.on_activated([plain]() -> pgw::Task<> { co_await plain.popup(300, 120); });

  auto colors = co_await w.ColorDialog({.color = "#336699", .title = "Colors"});
  colors.on_pick([report, colors](std::string hex) -> pgw::Task<> {
    co_await report.set_text("pick " + hex + " | " + colors.get_color());
  });
  open_color.on_activated([colors, report]() -> pgw::Task<> {
    const auto hex = co_await colors.exec();
    const std::string text = "color " + hex.value_or("cancelled");
    co_await report.set_text(text);
  });
}

}  // namespace

int main(int argc, char** argv) { return example::serve(argc, argv, setup); }
