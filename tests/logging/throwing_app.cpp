// A program with default Application options whose handlers throw: the
// logging test runs it as a child process and reads its stderr, to prove
// that errors are never silent by default. Prints the WebSocket port first.
#include <cstdio>
#include <optional>
#include <stdexcept>

#include "pgwidgets/pgwidgets.hpp"

using namespace std::chrono_literals;

// Kept here: a Timer lives as long as a handle to it does.
std::optional<pgw::Timer> timer;

int main() {
  return pgw::run([]() -> pgw::Task<> {
    pgw::Application app({.ws_port = 0, .http_port = 0, .http_server = false});
    app.on_connect([](pgw::Session& session) -> pgw::Task<> {
      auto w = session.get_widgets();
      auto top = co_await w.TopLevel({.title = "throwing"});
      auto label = co_await w.Label("label");
      auto button = co_await w.Button("click");
      co_await top.set_widget(button);
      co_await top.show();
      co_await label.set_text("a call the test fails in the browser");
      button.on_activated([]() { throw std::runtime_error("click handler failed on purpose"); });
      timer = co_await session.make_timer(1ms);
      timer->on_expired([](pgw::Timer::Duration) -> pgw::Task<> { throw std::runtime_error("timer handler failed on purpose"); });
      timer->start();
      throw std::runtime_error("on_connect failed on purpose");
    });
    co_await app.start();
    std::printf("%u\n", static_cast<unsigned>(app.ws_port()));
    std::fflush(stdout);
    co_await app.run();
  }());
}
