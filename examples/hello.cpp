// The smallest pgwidgets program: a window with a button that counts.
#include <cstdio>
#include <string>

#include <pgwidgets/pgwidgets.hpp>

#include "example_args.hpp"

int main(int argc, char** argv) {
  pgw::ApplicationOptions options;
  example::parse_args(argc, argv, options);
  return pgw::run([&]() -> pgw::Task<> {
    pgw::Application app(options);
    app.on_connect([](pgw::Session& session) -> pgw::Task<> {
      auto w = session.get_widgets();
      auto top = co_await w.TopLevel({.title = "Hello"});
      auto button = co_await w.Button("Hello, world");
      co_await top.set_widget(button);
      co_await top.show();
      // A coroutine lambda may capture: the SDK keeps the handler, captures
      // included, while it is registered and across each call's co_awaits.
      // (g++ 12's bug is about a lambda written inside a co_await
      // expression; on_activated is a plain call, not awaited.)
      button.on_activated([button, clicks = 0]() mutable -> pgw::Task<> {
        co_await button.set_text("Clicked " + std::to_string(++clicks) + " times");
      });
    });
    co_await app.start();
    std::printf("%s\n", app.url().c_str());
    std::fflush(stdout);
    co_await app.run();
  }());
}
