// The server half of `browser: every_widget`: serves one session and drives
// it through every concrete widget class of the schema (driver.hpp), with
// no class, method or callback named anywhere. Prints the page URL first,
// then JSON lines (report.hpp). Reads commands from standard input, one a
// line (see Driver::command).
//
// usage: every_widget [--host H] [--ws-port N] [--http-port N]
#include <unistd.h>

#include <cstdio>
#include <memory>
#include <string>

#include <boost/asio/as_tuple.hpp>
#include <boost/asio/co_spawn.hpp>
#include <boost/asio/detached.hpp>
#include <boost/asio/posix/stream_descriptor.hpp>
#include <boost/asio/read_until.hpp>
#include <boost/asio/this_coro.hpp>
#include <boost/asio/use_awaitable.hpp>

#include <pgwidgets/pgwidgets.hpp>

#include "every_widget/driver.hpp"
#include "every_widget/report.hpp"
#include "every_widget/schema_map.hpp"
#include "example_args.hpp"

namespace asio = boost::asio;
using every_widget::emit;

namespace {

// Warnings and errors of the runtime are failures of the test; the rest
// goes to standard error for whoever reads the log.
void log_line(pgw::LogLevel level, std::string_view message) {
  if (level >= pgw::LogLevel::warning) {
    emit("error", {{"widget", 0}, {"class", ""}, {"what", "log"}, {"message", message}});
  } else {
    std::fprintf(stderr, "every_widget %s: %.*s\n", std::string(pgw::to_string(level)).c_str(), int(message.size()),
                 message.data());
  }
}

pgw::Task<> read_commands(asio::posix::stream_descriptor& in, std::shared_ptr<every_widget::Driver>& driver) {
  std::string buffer;
  for (;;) {
    auto [ec, n] = co_await asio::async_read_until(in, asio::dynamic_buffer(buffer), '\n',
                                                   asio::as_tuple(asio::use_awaitable));
    if (ec) co_return;  // end of input, or closed at exit
    const std::string command = buffer.substr(0, n - 1);
    buffer.erase(0, n);
    if (!driver || !driver->command(command)) {
      emit("error", {{"widget", 0}, {"class", ""}, {"what", "command"},
                     {"message", "unknown command or no session yet: " + command}});
    }
  }
}

}  // namespace

int main(int argc, char** argv) {
  pgw::ApplicationOptions options;
  example::parse_args(argc, argv, options);
  options.logger = log_line;
  options.max_sessions = 1;
  // Every other limit is the default: the page fires every callback of
  // every class in one frame, and that must not cut it off.

  std::unique_ptr<every_widget::SchemaMap> schema;
  try {
    schema = std::make_unique<every_widget::SchemaMap>();
  } catch (const std::exception& e) {
    std::fprintf(stderr, "%s\n", e.what());
    return 1;
  }

  std::shared_ptr<every_widget::Driver> driver;
  return pgw::run([&]() -> pgw::Task<> {
    pgw::Application app(options);
    app.on_connect([&](pgw::Session& session) -> pgw::Task<> {
      if (driver) {
        emit("error", {{"widget", 0}, {"class", ""}, {"what", "session"}, {"message", "a second session"}});
        co_return;
      }
      driver = std::make_shared<every_widget::Driver>(*schema, session);
      session.set_error_handler([d = driver](std::exception_ptr e) { d->report(e); });
      std::string failure;
      try {
        co_await driver->build();
      } catch (const std::exception& e) {
        failure = e.what();
      }
      if (!failure.empty()) emit("fatal", {{"message", failure}});
    });
    co_await app.start();
    std::printf("%s\n", app.url().c_str());
    std::fflush(stdout);

    // Standard input may be a file or /dev/null, which cannot be waited on:
    // then there are no commands.
    auto executor = co_await asio::this_coro::executor;
    asio::posix::stream_descriptor in(executor);
    boost::system::error_code ec;
    const int fd = ::dup(STDIN_FILENO);
    if (fd >= 0) in.assign(fd, ec);
    if (fd >= 0 && !ec) {
      asio::co_spawn(executor, read_commands(in, driver), asio::detached);
    } else if (fd >= 0) {
      ::close(fd);
    }
    co_await app.run();
  }());
}
