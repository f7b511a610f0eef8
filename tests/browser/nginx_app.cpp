// The program behind browser/nginx.test.mjs: one of several processes behind
// nginx (--route, --public-url, --public-ws-url: examples/example_args.hpp).
// Its page names the process that serves it (its pid) and counts clicks, so
// the test sees which process answers and that a reload keeps the state.
// Prints "HTTP_PORT WS_PORT" first: the test writes nginx's configuration
// from them.
#include <unistd.h>

#include <cstdio>
#include <memory>
#include <string>

#include <pgwidgets/pgwidgets.hpp>

#include "example_args.hpp"

int main(int argc, char** argv) {
  pgw::ApplicationOptions options{.max_sessions = 20, .logger = pgw::stderr_logger(pgw::LogLevel::info)};
  example::parse_args(argc, argv, options);
  return pgw::run([&]() -> pgw::Task<> {
    pgw::Application app(options);
    app.on_connect([](pgw::Session& session) -> pgw::Task<> {
      auto w = session.get_widgets();
      auto top = co_await w.TopLevel({.title = "nginx", .resizable = true});
      co_await top.set_position(0, 0);
      co_await top.resize(400, 200);
      auto box = co_await w.VBox({.spacing = 4, .padding = 6});
      auto who = co_await w.Label("pid " + std::to_string(::getpid()) + " session " + session.id());
      auto button = co_await w.Button("click");
      auto count = co_await w.Label("clicks 0");
      co_await box.add_widget(who);
      co_await box.add_widget(button);
      co_await box.add_widget(count);
      co_await top.set_widget(box);
      co_await top.show();
      auto clicks = std::make_shared<int>(0);
      button.on_activated([=]() -> pgw::Task<> { co_await count.set_text("clicks " + std::to_string(++*clicks)); });
    });
    co_await app.start();
    std::printf("%u %u\n", unsigned(app.http_port()), unsigned(app.ws_port()));
    std::fflush(stdout);
    co_await app.run();
  }());
}
