// A SessionCore with one browser attached over an in-memory sink: frames
// sent are collected (the hello excepted); more browsers can be attached.
#pragma once

#include <memory>
#include <string>
#include <vector>

#include <boost/asio/io_context.hpp>

#include "frames.hpp"
#include "pgwidgets/session.hpp"
#include "pgwidgets/widgets.hpp"
#include "session_access.hpp"
#include "session_core.hpp"
#include "support/run_coro.hpp"

namespace pgw::test {

struct SessionFixture {
  explicit SessionFixture(bool strict = false, std::shared_ptr<detail::AsyncLock> lock = nullptr) {
    detail::SessionConfig config{"s1", "token", [this](LogLevel level, std::string_view m) {
                                   logs.emplace_back(std::string(to_string(level)) + ": " + std::string(m));
                                 },
                                 strict, std::move(lock), "http://127.0.0.1:9501/"};
    config.protocol_error_interval = {};  // every error seen; the throttle has its own tests
    core = std::make_shared<detail::SessionCore>(io.get_executor(), std::move(config));
    session = detail::SessionAccess::make(core);
    core->set_error_handler([this](std::exception_ptr e) { errors.push_back(e); });
    core->attach(browser, sink_into(frames, closes), 1, 0, 1024, 768, false);
    frames.clear();  // the hello
  }

  static detail::Sink sink_into(std::vector<std::string>& out, std::vector<std::pair<int, std::string>>& closed) {
    return detail::Sink{[&out](std::string f) { out.push_back(std::move(f)); },
                        [&closed](int code, std::string reason) { closed.emplace_back(code, std::move(reason)); }};
  }

  // The session ends with the test, as an Application ends it when its
  // browser leaves: handlers that capture its widgets hold the core, so a
  // session never ended would keep itself alive (LeakSanitizer says so).
  ~SessionFixture() {
    if (!core) return;
    // Browsers a test attached with sinks into its own locals leave first:
    // those locals are gone by now, and end() would close through them.
    for (detail::BrowserId b = browser + 1; b <= browser + 8; ++b) {
      if (core->has_browser(b)) core->detach(b, "the test is over");
    }
    core->end(1000, "the test is over");
  }

  // Every message sent so far, flattened across frames.
  std::vector<pgwidgets::ServerMessage> messages() const {
    std::vector<pgwidgets::ServerMessage> out;
    for (const auto& f : frames) {
      auto parsed = parse_server_frame(f);
      for (const auto& m : parsed.messages()) out.push_back(m);
    }
    return out;
  }

  void receive(const std::vector<pgwidgets::ClientMessage>& messages) {
    core->receive(browser, client_frame(messages));
  }

  // Every message in `frames`, flattened.
  static std::vector<pgwidgets::ServerMessage> flatten(const std::vector<std::string>& frames) {
    std::vector<pgwidgets::ServerMessage> out;
    for (const auto& f : frames) {
      auto parsed = parse_server_frame(f);
      for (const auto& m : parsed.messages()) out.push_back(m);
    }
    return out;
  }

  static constexpr detail::BrowserId browser = 1;

  boost::asio::io_context io;
  std::vector<std::string> frames;
  std::vector<std::pair<int, std::string>> closes;
  std::vector<std::string> logs;
  std::vector<std::exception_ptr> errors;
  std::shared_ptr<detail::SessionCore> core;
  std::shared_ptr<Session> session;
};

template <class E>
std::string error_text(std::exception_ptr e) {
  try {
    std::rethrow_exception(e);
  } catch (const E& x) {
    return x.what();
  } catch (...) {
    return "<other exception>";
  }
}

}  // namespace pgw::test
