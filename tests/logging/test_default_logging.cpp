// With default options, what goes wrong reaches stderr: a real process (the
// throwing_app program) is driven by a scripted browser and its stderr read.
#include <catch2/catch.hpp>

#include <csignal>

#include "pgwidgets/protocol.pb.h"
#include "pgwidgets/schema_info.hpp"
#include "support/child_process.hpp"
#include "support/ws_test_client.hpp"
#include "unit/frames.hpp"

using namespace pgw::test;
using namespace std::chrono_literals;
namespace ids = pgw::detail;

TEST_CASE("logging: with default options, handler exceptions, browser failures and protocol errors reach stderr") {
  ChildProcess app({PGW_THROWING_APP});
  const auto port = app.stdout_line(10s);
  REQUIRE(port);
  // Any origin may connect (http_server is off); a browser always sends one.
  WsTestClient client("ws://127.0.0.1:" + *port + "/", "http://127.0.0.1");
  client.send_binary(client_frame({hello(ids::schema_fingerprint)}));

  std::string session;
  std::uint32_t label = 0, button = 0, set_text_seq = 0;
  const auto deadline = std::chrono::steady_clock::now() + 10s;
  while ((button == 0 || set_text_seq == 0) && std::chrono::steady_clock::now() < deadline) {
    auto frame = client.receive(1s);
    if (!frame) continue;
    const auto parsed = parse_server_frame(*frame);  // outlives the loop (a temporary would not)
    for (const auto& m : parsed.messages()) {
      if (m.has_hello()) session = m.hello().session_id();
      if (m.has_create() && m.create().class_id() == ids::classes::Label.id) label = m.create().widget_id();
      if (m.has_listen() && m.listen().callback_id() == ids::callbacks::Button_activated.id) {
        button = m.listen().widget_id();
      }
      if (m.has_call() && m.call().method_id() == ids::methods::Label_set_text.id) set_text_seq = m.call().seq();
    }
  }
  REQUIRE(!session.empty());
  REQUIRE(button != 0);
  REQUIRE(set_text_seq != 0);

  client.send_binary(client_frame({error(set_text_seq, label, ids::methods::Label_set_text.id, "TypeError: on purpose"),
                                   callback(button, ids::callbacks::Button_activated.id)}));
  client.send_binary("\xff\xff\xff");

  const std::string s = "session " + session + ": ";
  const std::string expected[] = {
      "pgwidgets error: " + s + "on_connect handler threw: on_connect failed on purpose\n",
      "pgwidgets error: " + s + "Button.on_activated handler (widget " + std::to_string(button) +
          ") threw: click handler failed on purpose\n",
      "pgwidgets error: " + s + "Timer.on_expired handler threw: timer handler failed on purpose\n",
      "pgwidgets error: " + s + "Label.set_text (widget " + std::to_string(label) + ", call #" +
          std::to_string(set_text_seq) + ") failed in the browser: TypeError: on purpose\n",
      "pgwidgets warning: " + s + "protocol error: malformed frame",
  };
  for (const auto& line : expected) {
    INFO("stderr so far:\n" << app.stderr_text());
    CHECK(app.wait_stderr(line, 5s));
  }
  // Below warning stays out unless asked for.
  CHECK(app.stderr_text().find("pgwidgets info") == std::string::npos);
  CHECK(app.stderr_text().find("pgwidgets debug") == std::string::npos);
  CHECK(app.stop(SIGTERM, 5s) == 0);
}
