// The program behind browser/text.test.mjs: a TextArea, a TextEntrySet and
// a StatusBar. Handlers write what they received and what the getters
// answer (plain calls: answered by the server, no round trip) into Labels
// the test reads.
#include <cstdio>
#include <memory>
#include <string>

#include <pgwidgets/pgwidgets.hpp>

#include "example_args.hpp"

namespace {

pgw::Task<> setup(pgw::Session& session) {
  auto w = session.get_widgets();
  auto top = co_await w.TopLevel({.title = "Text test", .resizable = true});
  co_await top.set_position(10, 10);
  co_await top.resize(520, 420);
  auto vbox = co_await w.VBox({.spacing = 6, .padding = 8});
  auto area = co_await w.TextArea("first line\n", {.wrap = pgw::Wrap::word, .tooltip = "notes"});
  auto set = co_await w.TextEntrySet("", {.label = "Apply"});
  auto status = co_await w.StatusBar();
  co_await status.set_message("Ready");
  auto changed = co_await w.Label("no change");
  auto entered = co_await w.Label("nothing entered");
  co_await vbox.add_widget(area, 1);
  co_await vbox.add_widget(set);
  co_await vbox.add_widget(changed);
  co_await vbox.add_widget(entered);
  co_await vbox.add_widget(status);
  co_await top.set_widget(vbox);
  co_await top.show();

  // How many reports the typing took: a pause-driven report is one per
  // pause, not one per key.
  auto reports = std::make_shared<int>(0);
  area.on_changed([area, changed, reports](std::string text) -> pgw::Task<> {
    const bool same = area.get_text() == text;
    co_await changed.set_text(std::string("changed ") + std::to_string(text.size()) + " chars, get_text " +
                              (same ? "agrees" : "differs") + ", last line: " +
                              text.substr(text.rfind('\n', text.size() - 2) + 1));
    co_await changed.set_tooltip("reports " + std::to_string(++*reports));
  });
  set.on_activated([status, entered](std::string text) -> pgw::Task<> {
    co_await entered.set_text("entered: " + text);
    // "flash" shows a message that clears itself after 0.3 s.
    if (text == "flash") co_await status.set_message("Flash", 0.3);
    else co_await status.set_message("Applied " + text);
    co_await entered.set_tooltip("status says: " + status.get_message());
  });
  status.on_cleared([status, entered]() -> pgw::Task<> {
    co_await entered.set_text("cleared, get_message \"" + status.get_message() + "\"");
  });
}

}  // namespace

int main(int argc, char** argv) { return example::serve(argc, argv, setup); }
