// Schema enums: pgwidgets' words at both ends, the wire's numbers between.
#include <catch2/catch.hpp>

#include <boost/asio/io_context.hpp>

#include "pgwidgets/widgets.hpp"
#include "recording_fixture.hpp"
#include "recording_link.hpp"
#include "support/run_coro.hpp"

using pgw::test::RecordingLink;
using pgw::test::run_coro;

namespace {

using Fixture = pgw::test::RecordingFixture;

template <class E>
void check_round_trip() {
  for (const auto& [value, word] : pgw::detail::EnumInfo<E>::words) {
    CHECK(pgw::to_string(value) == word);
    CHECK(pgw::parse<E>(word) == value);
  }
}

}  // namespace

TEST_CASE("enums: every word converts both ways") {
  check_round_trip<pgw::HAlign>();
  check_round_trip<pgw::VAlign>();
  check_round_trip<pgw::WindowState>();
  check_round_trip<pgw::Align>();
  check_round_trip<pgw::Orientation>();
  CHECK(pgw::to_string(pgw::HAlign::center) == "center");
  CHECK(pgw::parse<pgw::WindowState>("maximized") == pgw::WindowState::maximized);
}

TEST_CASE("enums: a word that is not the schema's names the valid ones") {
  CHECK_THROWS_WITH(pgw::parse<pgw::HAlign>("centre"),
                    "pgw::HAlign: \"centre\" is not one of left, center, right");
  CHECK_THROWS_AS(pgw::parse<pgw::HAlign>("Center"), std::invalid_argument);
  CHECK_THROWS_AS(pgw::parse<pgw::WindowState>(""), std::invalid_argument);
  CHECK_THROWS_WITH(pgw::to_string(static_cast<pgw::Orientation>(7)), "pgw::Orientation: no word for value 7");
}

TEST_CASE_METHOD(Fixture, "enums: the enumerator's value is the number on the wire") {
  auto label = run_coro(io, w.Label("x"));
  run_coro(io, label.set_halign(pgw::HAlign::right));
  REQUIRE(link->calls.size() == 1);
  CHECK(link->calls[0].args == std::string("\x08\x02", 2));  // halign = 1, varint 2
  CHECK(label.get_halign() == pgw::HAlign::right);

  auto top = run_coro(io, w.TopLevel());
  run_coro(io, top.set_window_state(pgw::WindowState::shaded));
  CHECK(link->calls.back().args == std::string("\x08\x03", 2));
  CHECK(top.get_window_state() == pgw::WindowState::shaded);
}

TEST_CASE_METHOD(Fixture, "enums: optional constructor enums are sent when given, and getters fall back to the schema") {
  run_coro(io, w.Box({.orientation = pgw::Orientation::vertical}));
  CHECK(link->created[0].args == std::string("\x08\x01", 2));
  run_coro(io, w.Box({.orientation = pgw::Orientation::horizontal}));
  CHECK(link->created[1].args == std::string("\x08\x00", 2));  // optional: the zero is sent too

  auto centered = run_coro(io, w.Label("c", {.halign = pgw::HAlign::center}));
  CHECK(link->created[2].args == std::string("\x0a\x01" "c" "\x10\x01", 5));
  CHECK(centered.get_halign() == pgw::HAlign::center);  // from the constructor
  auto plain = run_coro(io, w.Label("p"));
  CHECK(plain.get_halign() == pgw::HAlign::left);  // the constructor field's default
  auto top = run_coro(io, w.TopLevel());
  CHECK(top.get_window_state() == pgw::WindowState::normal);  // the setter message's default
}

TEST_CASE_METHOD(Fixture, "enums: callback arguments arrive as enumerators, and an unknown number is a protocol error") {
  auto top = run_coro(io, w.TopLevel());
  std::vector<pgw::WindowState> seen;
  top.on_window_state([&](pgw::WindowState state) { seen.push_back(state); });
  auto& h = link->handlers[{top.id(), pgw::detail::callbacks::TopLevel_window_state.id}][0];
  run_coro(io, h(std::string("\x08\x02", 2)));
  CHECK(seen == std::vector<pgw::WindowState>{pgw::WindowState::maximized});
  CHECK_THROWS_AS(run_coro(io, h(std::string("\x08\x09", 2))), pgw::ProtocolError);
  CHECK(seen.size() == 1);
}
