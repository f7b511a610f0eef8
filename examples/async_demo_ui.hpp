// The seed example's page (pgwidgets' async API documentation, line for
// line): a window with a label, a Hello button and an entry. async_demo.cpp
// serves it; examples/tests/test_async_demo.cpp tests it with pgw::testing.
#pragma once

#include <string>

#include <pgwidgets/pgwidgets.hpp>

namespace async_demo {

inline pgw::Task<> on_connect(pgw::Session& session) {
  auto Widgets = session.get_widgets();
  auto top = co_await Widgets.TopLevel({.title = "Async Demo", .resizable = true});
  co_await top.resize(400, 300);
  auto vbox = co_await Widgets.VBox({.spacing = 8, .padding = 10});
  auto status = co_await Widgets.Label("Click a button!");
  auto hbox = co_await Widgets.HBox({.spacing = 6});
  auto btn = co_await Widgets.Button("Hello");
  co_await hbox.add_widget(btn, 0);
  auto entry = co_await Widgets.TextEntry({.text = "Type here", .linehistory = 5});
  co_await vbox.add_widget(hbox, 0);
  co_await vbox.add_widget(entry, 0);
  co_await vbox.add_widget(status, 1);
  co_await top.set_widget(vbox);
  co_await top.show();

  auto on_hello = [status]() -> pgw::Task<> { co_await status.set_text("Hello!"); };
  auto on_entry = [status](std::string text) -> pgw::Task<> { co_await status.set_text("Entered: " + text); };

  btn.on_activated(on_hello);
  entry.on_activated(on_entry);
}

}  // namespace async_demo
