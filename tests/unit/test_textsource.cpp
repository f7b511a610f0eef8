// TextSource: C++ counts positions in UTF-8 bytes (the page converts, see
// web/src/widgets/textsource/offsets.ts). The shared offsets table is
// checked here against C++'s own counting of the same strings, so the two
// ends agree on every row; and a call only the page can apply
// (`page_applies`) is refused with Disconnected when no browser is there,
// never recorded as done and lost.
#include <catch2/catch.hpp>

#include <fstream>
#include <sstream>
#include <string_view>

#include <boost/json.hpp>

#include "pgwidgets/widgets.hpp"
#include "session_fixture.hpp"

namespace json = boost::json;
using namespace pgw::test;

namespace {

json::value load_cases() {
  std::ifstream in(PGW_TEXTSOURCE_OFFSET_CASES);
  REQUIRE(in);
  std::stringstream text;
  text << in.rdbuf();
  return json::parse(text.str());
}

bool continuation(unsigned char c) { return (c & 0xC0) == 0x80; }

// UTF-16 units of the UTF-8 text `s` (valid UTF-8: the table's strings).
std::size_t utf16_units(std::string_view s) {
  std::size_t n = 0;
  for (std::size_t i = 0; i < s.size();) {
    const auto c = static_cast<unsigned char>(s[i]);
    const std::size_t len = c < 0x80 ? 1 : c < 0xE0 ? 2 : c < 0xF0 ? 3 : 4;
    n += len == 4 ? 2 : 1;
    i += len;
  }
  return n;
}

// Whether byte offset `b` is a character boundary of `s` (the page accepts it).
bool boundary(std::string_view s, std::int64_t b) {
  if (b < 0 || b > static_cast<std::int64_t>(s.size())) return false;
  return b == static_cast<std::int64_t>(s.size()) || !continuation(static_cast<unsigned char>(s[b]));
}

}  // namespace

TEST_CASE("textsource: the offsets table agrees with C++'s byte counting") {
  const auto table = load_cases();
  for (const auto& c : table.at("cases").as_array()) {
    const std::string text(c.at("text").as_string());
    INFO(c.at("name").as_string().c_str());
    const auto& pairs = c.at("pairs").as_array();
    // The last boundary is the end: the text's size in bytes.
    CHECK(pairs.back().as_array()[1].as_int64() == static_cast<std::int64_t>(text.size()));
    std::size_t boundaries = 0;
    for (std::size_t i = 0; i <= text.size(); ++i) boundaries += boundary(text, static_cast<std::int64_t>(i));
    CHECK(pairs.size() == boundaries);  // every boundary is listed
    for (const auto& p : pairs) {
      const auto pos = p.as_array()[0].as_int64();
      const auto bytes = p.as_array()[1].as_int64();
      CHECK(boundary(text, bytes));
      CHECK(static_cast<std::int64_t>(utf16_units(std::string_view(text).substr(0, bytes))) == pos);
    }
  }
  for (const auto& b : table.at("bad_offsets").as_array()) {
    const std::string text(b.at("text").as_string());
    CHECK_FALSE(boundary(text, b.at("offset").as_int64()));
  }
}

TEST_CASE_METHOD(SessionFixture, "textsource: an edit only the page can apply needs a browser") {
  auto w = session->get_widgets();
  auto ts = run_coro(io, w.TextSource("h\u00e9llo"));
  run_coro(io, ts.insert_text(0, "x", {}));  // a browser is there: sent
  drain(io);
  core->detach(browser, "gone");
  // Lost if it were queued for nobody: refused at the call site instead.
  CHECK_THROWS_AS(run_coro(io, ts.insert_text(0, "y", {})), pgw::Disconnected);
  CHECK_THROWS_AS(run_coro(io, ts.apply_tag("kw", 0, 1)), pgw::Disconnected);
  // A setter the server keeps works without one (a rebuild sends it).
  run_coro(io, ts.set_line_numbers(true));
}

TEST_CASE_METHOD(SessionFixture, "textsource: a ref is made only by its TextSource, never on its own") {
  // Widgets has no TextBufferRef (tests/compile/standalone_text_buffer_ref);
  // a create asked for by hand, past the proxies, is refused at once with
  // what makes one, and nothing is recorded or sent.
  drain(io);
  frames.clear();
  try {
    run_coro(io, core->create(pgw::detail::classes::TextBufferRef, std::string()));
    FAIL("a standalone TextBufferRef was created");
  } catch (const std::invalid_argument& e) {
    CHECK(std::string(e.what()) ==
          "pgwidgets: a TextBufferRef cannot be created on its own: only TextSource::create_ref or "
          "TextSource::create_named_ref makes one");
  }
  drain(io);
  CHECK(frames.empty());
  // Made by its TextSource, it is.
  auto ts = run_coro(io, session->get_widgets().TextSource("two\nlines"));
  auto ref = run_coro(io, ts.create_ref(4));
  CHECK(ref.id() != 0);
}
