// A program with a widget of its own: Rating (rating.proto, web/rating.ts)
// beside the SDK's Label, in the SDK's VBox (the page: rating_page.hpp).
// Clicking a star runs the typed C++ handler, which writes the rating into
// the label (and prints it, for the test that drives this program);
// test_rating.cpp tests the page without a browser (pgw::testing).
//
//   custom_widget [--host H] [--ws-port N] [--http-port N]   (0 = a free port)
#include <charconv>
#include <cstdio>
#include <cstring>
#include <string>
#include <string_view>

#include <pgwidgets/pgwidgets.hpp>

#include "rating_page.hpp"

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
    app.on_connect(rating_page::on_connect);
    co_await app.start();
    std::printf("%s\n", app.url().c_str());
    std::fflush(stdout);
    co_await app.run();
  }());
}
