// The `font` option's CSS-like form: what it takes, and that a string
// that is no font is an error naming the option (never a family "bold").
#include <catch2/catch.hpp>

#include <string>

#include "pgwidgets/font.hpp"
#include "pgwidgets/widgets/base.pb.h"
#include "session_fixture.hpp"

using namespace pgw::test;
namespace ids = pgw::detail;

TEST_CASE("font: the CSS-like form gives set_font's family, size, weight and style") {
  using F = pgw::FontArgs;
  CHECK(pgw::parse_font("bold") == F{"", std::nullopt, "bold", std::nullopt});
  CHECK(pgw::parse_font("Helvetica") == F{"Helvetica", std::nullopt, std::nullopt, std::nullopt});
  CHECK(pgw::parse_font("italic bold 12pt Helvetica, sans-serif") == F{"Helvetica, sans-serif", 12.0, "bold", "italic"});
  CHECK(pgw::parse_font("  600 10.5pt 'Courier New', monospace ") == F{"'Courier New', monospace", 10.5, "600", std::nullopt});
  CHECK(pgw::parse_font("normal oblique 9pt") == F{"", 9.0, std::nullopt, "oblique"});
  CHECK(pgw::parse_font("\"Bold Sans 2\"") == F{"\"Bold Sans 2\"", std::nullopt, std::nullopt, std::nullopt});
}

TEST_CASE("font: a string that is no font is an error that says the form") {
  for (const char* bad : {"", "   ", "Arial bold", "12 Arial", "12px Arial", "bold bold", "italic oblique",
                          "Arial 12pt", "0pt Arial", "'Open Sans", "Arial; color: red", "1001", "450 Arial"}) {
    INFO(bad);
    CHECK_THROWS_WITH(pgw::parse_font(bad, "Widgets::Label option font"),
                      Catch::Contains("Widgets::Label option font") &&
                          Catch::Contains("[style] [weight] [size]pt [family]"));
  }
}

TEST_CASE_METHOD(SessionFixture, "font: {.font = \"bold\"} sets the weight, and a bad one throws at the call, sending nothing") {
  auto W = session->get_widgets();
  auto label = run_coro(io, W.Label("Total", {.font = "bold 14pt"}));
  const std::string* recorded = core->recorded(label.id(), ids::fields::font);
  REQUIRE(recorded != nullptr);
  pgwidgets::widgets::Font font;
  REQUIRE(font.ParseFromString(*recorded));
  CHECK(font.font() == "");
  CHECK(font.weight() == "bold");
  CHECK(font.size() == 14.0);
  CHECK_FALSE(font.has_style());
  const auto before = messages().size();
  CHECK_THROWS_WITH(run_coro(io, W.Button("x", {.font = "Arial bold"})),
                    Catch::Contains("Widgets::Button option font") && Catch::Contains("style, weight and size come first"));
  drain(io);
  CHECK(messages().size() == before);  // no widget was created
}
