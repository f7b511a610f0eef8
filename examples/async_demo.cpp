// The seed's full example (pgwidgets' async API documentation), line for line.
#include <cstdio>
#include <string>

#include <pgwidgets/pgwidgets.hpp>

#include "example_args.hpp"

pgw::Logger logger = pgw::stderr_logger(pgw::LogLevel::info);

pgw::Task<> main_task() {
  pgw::Application app(example::with_args({.max_sessions = 4, .logger = logger}));

  app.on_connect([](pgw::Session& session) -> pgw::Task<> {
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
