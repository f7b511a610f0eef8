// A program with a widget of its own: Rating (rating.proto, web/rating.ts)
// beside the SDK's Label, in the SDK's VBox. Clicking a star runs the typed
// C++ handler, which writes the rating into the label (and prints it, for
// the test that drives this program).
//
//   custom_widget [--host H] [--ws-port N] [--http-port N]   (0 = a free port)
#include <charconv>
#include <cstdio>
#include <cstring>
#include <string>
#include <string_view>

#include <pgwidgets/pgwidgets.hpp>

#include "rating/widgets.hpp"

namespace {

std::uint16_t port(const char* text) {
  unsigned value = 0;
  auto [end, ec] = std::from_chars(text, text + std::strlen(text), value);
  if (ec != std::errc() || *end != '\0' || value > 65535) {
    std::fprintf(stderr, "not a port number: %s\n", text);
    std::exit(2);
  }
  return static_cast<std::uint16_t>(value);
}

}  // namespace

int main(int argc, char** argv) {
  pgw::ApplicationOptions options;
  for (int i = 1; i + 1 < argc; i += 2) {
    const std::string_view flag = argv[i];
    if (flag == "--host") options.host = argv[i + 1];
    else if (flag == "--ws-port") options.ws_port = port(argv[i + 1]);
    else if (flag == "--http-port") options.http_port = port(argv[i + 1]);
    else {
      std::fprintf(stderr, "unknown option %s\n", argv[i]);
      return 2;
    }
  }
  return pgw::run([&]() -> pgw::Task<> {
    pgw::Application app(options);
    app.on_connect([](pgw::Session& session) -> pgw::Task<> {
      auto W = session.get_widgets();
      pgw::rating::Widgets R(W);  // this project's widgets
      auto top = co_await W.TopLevel({.title = "Rate it"});
      auto vbox = co_await W.VBox({.spacing = 8, .padding = 10});
      auto stars = co_await R.Rating({.max = 5});
      auto label = co_await W.Label("Click a star");
      co_await vbox.add_widget(stars, 0);
      co_await vbox.add_widget(label, 0);
      co_await top.set_widget(vbox);
      co_await top.show();
      // The handler's parameter is checked against rating.proto's Stars.
      stars.on_rated([label](int n) -> pgw::Task<> {
        std::printf("rated %d\n", n);
        std::fflush(stdout);
        co_await label.set_text("You gave " + std::to_string(n) + " stars");
      });
    });
    co_await app.start();
    std::printf("%s\n", app.url().c_str());
    std::fflush(stdout);
    co_await app.run();
  }());
}
