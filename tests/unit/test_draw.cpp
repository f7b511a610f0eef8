// pgw::DisplayList (<pgwidgets/draw.hpp>): what each call encodes, how
// compact a 10,000-point polyline is, the values it refuses (the list left
// as it was), and Canvas::draw as server state: a rebuild sends the last
// list only, never the ones before it.
#include <catch2/catch.hpp>

#include <array>
#include <cmath>
#include <limits>
#include <stdexcept>
#include <string>
#include <vector>

#include "message_outline.hpp"
#include "pgwidgets/draw.hpp"
#include "pgwidgets/protocol.pb.h"
#include "pgwidgets/widgets/canvas.pb.h"
#include "session_fixture.hpp"

using namespace pgw::test;
using Catch::Matchers::Contains;

namespace {

std::uint32_t code(pgw::DrawOp op) { return static_cast<std::uint32_t>(op); }

std::size_t wire_bytes(const pgw::Drawing& d) {
  pgwidgets::widgets::Drawing message;
  pgw::detail::wire::encode(d, message);
  return message.ByteSizeLong();
}

// Takes the list as Canvas::draw does.
pgw::Drawing passed(pgw::Named<pgw::Drawing> d) { return *d; }

}  // namespace

TEST_CASE("draw: each call appends its opcode, numbers and ints in DrawOp's layout") {
  pgw::DisplayList dl;
  dl.move_to(1, 2).line_to(3.5, 4).arc(10, 20, 5, 0, 1, true).fill(pgw::FillRule::evenodd);
  const auto& d = dl.drawing();
  CHECK(d.ops == std::vector<std::uint32_t>{code(pgw::DrawOp::move_to), code(pgw::DrawOp::line_to),
                                            code(pgw::DrawOp::arc), code(pgw::DrawOp::fill)});
  CHECK(d.nums == std::vector<float>{1, 2, 3.5f, 4, 10, 20, 5, 0, 1});
  CHECK(d.ints == std::vector<int>{1, 1});
}

TEST_CASE("draw: strings go once into the side table, ops index them") {
  pgw::DisplayList dl;
  dl.fill_style("red").fill_text("a", 0, 0).fill_style("red").fill_style(pgw::Color{1, 2, 3, 0.5});
  const auto& d = dl.drawing();
  CHECK(d.strings == std::vector<std::string>{"red", "a", "rgba(1,2,3,0.5)"});
  CHECK(d.ints == std::vector<int>{0, 1, 0, 2});
}

TEST_CASE("draw: a 10,000-point polyline is one opcode and 20,000 packed floats") {
  std::vector<pgw::Point> points;
  for (int i = 0; i < 10000; ++i) points.push_back({i * 0.1, std::sin(i * 0.01) * 100});
  pgw::DisplayList dl;
  dl.begin_path().polyline(points).stroke();
  const auto& d = dl.drawing();
  CHECK(d.ops.size() == 3);
  CHECK(d.ints == std::vector<int>{10000});
  REQUIRE(d.nums.size() == 20000);
  CHECK(d.nums[2] == Approx(0.1f));
  // 4 bytes a float, a few bytes of tags and lengths.
  const auto bytes = wire_bytes(d);
  CHECK(bytes >= 80000);
  CHECK(bytes < 80000 + 32);
}

TEST_CASE("draw: images go once into the image table by id") {
  pgw::DisplayList dl;
  auto png = pgw::CanvasImage::from_bytes("logo", std::string("\x89PNG", 4));
  dl.draw_image(png, 1, 2).draw_image(png, 3, 4, 5, 6);
  const auto& d = dl.drawing();
  REQUIRE(d.images.size() == 1);
  CHECK(d.images[0].id == "logo");
  CHECK(d.ints == std::vector<int>{0, 0});
  CHECK(d.ops == std::vector<std::uint32_t>{code(pgw::DrawOp::draw_image), code(pgw::DrawOp::draw_image_scaled)});
  CHECK_THROWS_WITH(dl.draw_image(pgw::CanvasImage::from_url("logo", "x.png"), 0, 0),
                    Contains("'logo' already names another image"));
  CHECK_THROWS_WITH(dl.draw_image(pgw::CanvasImage{"both", "x", "y.png"}, 0, 0), Contains("either bytes or a URL"));
  CHECK_THROWS_WITH(dl.draw_image(pgw::CanvasImage{"none", "", ""}, 0, 0), Contains("either bytes or a URL"));
  CHECK_THROWS_WITH(dl.draw_image(pgw::CanvasImage::from_url("", "x.png"), 0, 0), Contains("no id"));
  CHECK(d.images.size() == 1);
  CHECK(d.ops.size() == 2);
}

TEST_CASE("draw: bad values throw std::invalid_argument naming the call, and the list stays as it was") {
  const double nan = std::numeric_limits<double>::quiet_NaN();
  const double inf = std::numeric_limits<double>::infinity();
  pgw::DisplayList dl;
  dl.move_to(1, 1);
  const pgw::Drawing before = dl.drawing();
  CHECK_THROWS_AS(dl.line_to(nan, 0), std::invalid_argument);
  CHECK_THROWS_WITH(dl.line_to(0, nan), Contains("pgw::DisplayList::line_to") && Contains("not a finite number"));
  CHECK_THROWS_WITH(dl.rect(0, 0, inf, 1), Contains("rect"));
  CHECK_THROWS_WITH(dl.translate(1e300, 0), Contains("beyond a float's range"));
  CHECK_THROWS_WITH(dl.arc(0, 0, -1, 0, 1), Contains("arc") && Contains("negative"));
  CHECK_THROWS_WITH(dl.arc_to(0, 0, 1, 1, -2), Contains("negative"));
  CHECK_THROWS_WITH(dl.ellipse(0, 0, 1, -1, 0, 0, 1), Contains("negative"));
  CHECK_THROWS_WITH(dl.line_width(0), Contains("not positive"));
  CHECK_THROWS_WITH(dl.line_width(-3), Contains("not positive"));
  CHECK_THROWS_WITH(dl.global_alpha(1.5), Contains("not in 0..1"));
  CHECK_THROWS_WITH(dl.global_alpha(nan), Contains("not in 0..1"));
  CHECK_THROWS_WITH(dl.fill_style(pgw::Color{0, 0, 0, 2}), Contains("alpha"));
  CHECK_THROWS_WITH(dl.fill_style(""), Contains("empty color"));
  CHECK_THROWS_WITH(dl.font(""), Contains("empty font"));
  const std::array<double, 2> dash{4, -1};
  CHECK_THROWS_WITH(dl.line_dash(dash), Contains("negative"));
  CHECK_THROWS_WITH(dl.polyline(std::span<const pgw::Point>{}), Contains("no points"));
  const std::array<pgw::Point, 2> half_bad{{{0, 0}, {nan, 1}}};
  CHECK_THROWS_WITH(dl.polyline(half_bad), Contains("polyline"));
  CHECK(dl.drawing() == before);
  // Zero sizes and radii are drawable (nothing shows), as in the browser.
  CHECK_NOTHROW(dl.arc(0, 0, 0, 0, 1).fill_rect(0, 0, 0, 0));
}

TEST_CASE("draw: a list passes to Canvas::draw by move (left empty) or by copy") {
  pgw::DisplayList dl;
  dl.fill_rect(0, 0, 1, 1);
  CHECK(passed(dl).ops.size() == 1);
  CHECK(dl.size() == 1);
  CHECK(passed(std::move(dl)).ops.size() == 1);
  CHECK(dl.empty());  // NOLINT(bugprone-use-after-move): take() leaves it empty, documented
  dl.fill_style("red");
  CHECK(dl.drawing().ints == std::vector<int>{0});  // the string table was reset too
}

TEST_CASE_METHOD(SessionFixture, "draw: the canvas keeps the last list, and a rebuild sends it alone") {
  auto W = session->get_widgets();
  auto canvas = run_coro(io, W.Canvas());
  for (int i = 1; i <= 3; ++i) {
    pgw::DisplayList dl;
    dl.fill_rect(i, i, 10, 10);
    run_coro(io, canvas.draw(std::move(dl)));
  }
  std::vector<std::string> frames;
  std::vector<std::pair<int, std::string>> closed;
  core->attach(2, SessionFixture::sink_into(frames, closed), 2, 0, 800, 600, true);
  std::vector<pgwidgets::widgets::Drawing> sent;
  for (const auto& m : SessionFixture::flatten(frames)) {
    if (message_name(m) != "Canvas.draw") continue;
    pgwidgets::widgets::DrawArgs args;
    REQUIRE(args.ParseFromString(m.call().args()));
    sent.push_back(args.drawing());
  }
  core->detach(2, "done");
  REQUIRE(sent.size() == 1);
  CHECK(std::vector<float>(sent[0].nums().begin(), sent[0].nums().end()) == std::vector<float>{3, 3, 10, 10});
}
