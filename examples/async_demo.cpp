// The seed's full example (pgwidgets' async API documentation), line for line:
// the page in async_demo_ui.hpp (which examples/tests/test_async_demo.cpp
// tests without a browser), served here.
#include <cstdio>
#include <string>

#include <pgwidgets/pgwidgets.hpp>

#include "async_demo_ui.hpp"
#include "example_args.hpp"

pgw::Logger logger = pgw::stderr_logger(pgw::LogLevel::info);

pgw::Task<> main_task() {
  pgw::Application app(example::with_args({.max_sessions = 4, .logger = logger}));

  app.on_connect(async_demo::on_connect);

  co_await app.start();
  std::printf("%s\n", app.url().c_str());
  std::fflush(stdout);
  co_await app.run();
}

int main(int argc, char** argv) {
  example::set_args(argc, argv);
  return pgw::run(main_task());
}
