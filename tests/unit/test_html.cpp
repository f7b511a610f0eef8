// HtmlView and ExternalWidget on the server: the HTML is state the server
// keeps. set_html, append_html and clear change it, get_html answers it
// without asking the page, and a rebuild (a reload, a second browser) sends
// the whole HTML once through set_html, never the appends. Also
// Session::open_url's checks and the page-wide messages of the Application.
#include <catch2/catch.hpp>

#include <string>

#include "message_outline.hpp"
#include "page_extras.hpp"
#include "pgwidgets/protocol.pb.h"
#include "pgwidgets/schema_registry.hpp"
#include "pgwidgets/widgets/html.pb.h"
#include "session_fixture.hpp"

using namespace pgw::test;

namespace {

// The set_html calls of a rebuild's messages, with their HTML.
std::vector<std::string> set_html_calls(const std::vector<pgwidgets::ServerMessage>& messages) {
  std::vector<std::string> out;
  for (const auto& m : messages) {
    if (m.kind_case() != pgwidgets::ServerMessage::kCall) continue;
    const auto* method = pgw::detail::find_method(m.call().method_id());
    REQUIRE(method != nullptr);
    if (method->name == "append_html") out.push_back("APPEND");
    if (method->name != "set_html") continue;
    pgwidgets::widgets::Html h;
    REQUIRE(h.ParseFromString(m.call().args()));
    out.push_back(h.html());
  }
  return out;
}

}  // namespace

TEST_CASE_METHOD(SessionFixture, "html: get_html answers the kept HTML: constructor, set, append, clear") {
  auto w = session->get_widgets();
  auto view = run_coro(io, w.HtmlView("<p>first</p>"));
  drain(io);
  CHECK(view.get_html() == "<p>first</p>");
  // Appending to the constructor's HTML.
  run_coro(io, view.append_html("<p>second</p>"));
  CHECK(view.get_html() == "<p>first</p><p>second</p>");
  run_coro(io, view.set_html("<b>new</b>"));
  CHECK(view.get_html() == "<b>new</b>");
  run_coro(io, view.append_html(" and more"));
  CHECK(view.get_html() == "<b>new</b> and more");
  run_coro(io, view.clear());
  CHECK(view.get_html().empty());
  run_coro(io, view.append_html("<i>after clear</i>"));
  CHECK(view.get_html() == "<i>after clear</i>");
  drain(io);
  CHECK(errors.empty());
  // The browser got the calls as made (it appends itself).
  CHECK(set_html_calls(messages()) == std::vector<std::string>{"APPEND", "<b>new</b>", "APPEND", "APPEND"});
}

TEST_CASE_METHOD(SessionFixture, "html: a rebuild sends the whole HTML once, however many appends made it") {
  auto w = session->get_widgets();
  auto view = run_coro(io, w.HtmlView("<h1>log</h1>"));
  std::string expected = "<h1>log</h1>";
  for (int i = 0; i < 500; ++i) {
    const std::string line = "<p>line " + std::to_string(i) + "</p>";
    run_coro(io, view.append_html(line));
    expected += line;
  }
  drain(io);
  CHECK(view.get_html() == expected);

  std::vector<std::string> second;
  std::vector<std::pair<int, std::string>> closed;
  core->attach(2, sink_into(second, closed), 2, 0, 800, 600, true);
  CHECK(set_html_calls(flatten(second)) == std::vector<std::string>{expected});
  // The state is the HTML, not a log: the rebuild holds one call for it.
  CHECK(core->last_rebuild_bytes() < expected.size() + 200);
  core->detach(2, "done");
}

TEST_CASE_METHOD(SessionFixture, "html: an ExternalWidget's content and a trusted view are kept the same way") {
  auto w = session->get_widgets();
  auto ext = run_coro(io, w.ExternalWidget());
  auto trusted = run_coro(io, w.HtmlView("<script>1</script>", {.trusted_html = true}));
  run_coro(io, ext.set_content("<div id=chart></div>"));
  drain(io);
  CHECK(ext.get_content() == "<div id=chart></div>");
  CHECK(trusted.get_html() == "<script>1</script>");
  run_coro(io, ext.clear());
  CHECK(ext.get_content().empty());
}

TEST_CASE_METHOD(SessionFixture, "html: set_scroll_position takes fractions 0..1 only") {
  auto w = session->get_widgets();
  auto view = run_coro(io, w.HtmlView("x"));
  CHECK_THROWS_AS(run_coro(io, view.set_scroll_position(0.5, 1.5)), std::invalid_argument);
  run_coro(io, view.set_scroll_position(0.25, 1.0));
  CHECK(view.get_scroll_position().v_pct == 1.0);
}

TEST_CASE_METHOD(SessionFixture, "open_url: http, https and paths on this server go to the browsers, others throw") {
  session->open_url("https://example.org/a?b=c");
  session->open_url("/media/clip.webm");
  CHECK_THROWS_AS(session->open_url("javascript:alert(1)"), std::invalid_argument);
  CHECK_THROWS_AS(session->open_url("data:text/html,<script>1</script>"), std::invalid_argument);
  CHECK_THROWS_AS(session->open_url("//evil.example/"), std::invalid_argument);
  CHECK_THROWS_AS(session->open_url("https://x/\n"), std::invalid_argument);
  drain(io);
  std::vector<std::string> opened;
  for (const auto& m : messages()) {
    if (m.kind_case() == pgwidgets::ServerMessage::kOpenUrl) opened.push_back(m.open_url().url());
  }
  CHECK(opened == std::vector<std::string>{"https://example.org/a?b=c", "/media/clip.webm"});
}

TEST_CASE("page extras: fonts, the default font and the icon reach a joining browser, served files stay inside") {
  pgw::detail::PageExtras extras;
  int id = 0;
  extras.add_font("Test Face", "wOF2....", "font/woff2", "bold", "italic", id);
  CHECK(id == 1);
  CHECK_THROWS_AS(extras.add_font("", "x", "font/ttf", "normal", "normal", id), std::invalid_argument);
  CHECK_THROWS_AS(extras.add_font("F", "x", "font/ttf", "heavy", "normal", id), std::invalid_argument);
  CHECK_THROWS_AS(extras.add_font("F", "x", "font/ttf", "normal", "slanted", id), std::invalid_argument);
  extras.set_default_font("Test Face", {.size = 11});
  CHECK_THROWS_AS(extras.set_default_font("Test Face", {.size = -1}), std::invalid_argument);
  CHECK_THROWS_AS(extras.set_favicon("not an image"), std::invalid_argument);
  extras.set_favicon("<svg xmlns='http://www.w3.org/2000/svg'/>");

  pgwidgets::ServerFrame frame;
  extras.preamble(frame);
  REQUIRE(frame.messages_size() == 3);
  CHECK(frame.messages(0).register_font().family() == "Test Face");
  CHECK(frame.messages(0).register_font().url() == "/_pgwidgets/font/1");
  CHECK(frame.messages(0).register_font().weight() == "bold");
  CHECK(frame.messages(1).default_font().size() == 11);
  CHECK(frame.messages(2).favicon().url() == "/favicon.ico?v=1");

  auto font = extras.serve("/_pgwidgets/font/1");
  REQUIRE(font.has_value());
  CHECK(font->content_type == "font/woff2");
  CHECK(font->body == "wOF2....");
  CHECK(extras.serve("/_pgwidgets/font/2")->status == 404);
  CHECK(extras.serve("/favicon.ico")->content_type == "image/svg+xml");

  const std::string dir = PGW_TEST_SOURCE_DIR "/unit";
  extras.serve_file("/src", dir);
  auto self = extras.serve("/src/test_html.cpp");
  REQUIRE(self.has_value());
  CHECK(self->status == 200);
  CHECK(self->body.find("page extras: fonts") != std::string::npos);
  for (const char* bad : {"/src/../CMakeLists.txt", "/src/%2e%2e/CMakeLists.txt", "/src//test_html.cpp",
                          "/src/./test_html.cpp", "/src/..%2fCMakeLists.txt", "/src/nothing.here"}) {
    INFO(bad);
    auto r = extras.serve(bad);
    REQUIRE(r.has_value());
    CHECK(r->status == 404);
  }
  CHECK_FALSE(extras.serve("/elsewhere").has_value());
  CHECK_THROWS_AS(extras.serve_file("/pgwidgets.js", dir), std::invalid_argument);
  CHECK_THROWS_AS(extras.serve_file("/", dir), std::invalid_argument);
  CHECK_THROWS_AS(extras.serve_file("media", dir), std::invalid_argument);
  CHECK_THROWS_AS(extras.serve_file("/a/../b", dir), std::invalid_argument);
  CHECK_THROWS_AS(extras.serve_file("/x", dir + "/no-such-dir"), std::invalid_argument);
}
