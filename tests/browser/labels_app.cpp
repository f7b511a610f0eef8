// A page of N labels (--labels N, default 1000) in one window, for timing
// how long a reload takes to rebuild a large page.
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <string>
#include <vector>

#include <pgwidgets/pgwidgets.hpp>

#include "example_args.hpp"

int main(int argc, char** argv) {
  int labels = 1000;
  // --labels is ours; the rest are the examples' options.
  std::vector<char*> rest{argv[0]};
  for (int i = 1; i < argc; ++i) {
    if (std::strcmp(argv[i], "--labels") == 0 && i + 1 < argc) {
      labels = std::atoi(argv[++i]);
    } else {
      rest.push_back(argv[i]);
    }
  }
  pgw::ApplicationOptions options{.logger = pgw::stderr_logger(pgw::LogLevel::info)};
  example::parse_args(static_cast<int>(rest.size()), rest.data(), options);
  return pgw::run([&]() -> pgw::Task<> {
    pgw::Application app(options);
    app.on_connect([labels](pgw::Session& session) -> pgw::Task<> {
      auto W = session.get_widgets();
      auto top = co_await W.TopLevel({.title = "labels", .resizable = true});
      co_await top.resize(500, 400);
      auto box = co_await W.VBox({.spacing = 0});
      for (int i = 0; i < labels; ++i) {
        auto label = co_await W.Label("label " + std::to_string(i));
        co_await box.add_widget(label, 0);
      }
      co_await top.set_widget(box);
      co_await top.show();
    });
    co_await app.start();
    std::printf("%s\n", app.url().c_str());
    std::fflush(stdout);
    co_await app.run();
  }());
}
