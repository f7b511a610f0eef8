// The program behind browser/canvas.test.mjs: a 400 x 300 interactive
// Canvas drawn with a pgw::DisplayList (a filled rectangle, a 1-pixel line,
// a translated square, text, an arc, a polyline, a PNG from bytes), a label
// the pointer handler writes into, and buttons: "Bad list" sends a list
// whose arc is short of numbers, "Green" draws a new list, "Stamp" calls
// pgwidgets' draw_image with a data: URL. Errors with no call site go to
// stderr, which the test reads.
#include <array>
#include <cmath>
#include <cstdio>
#include <exception>
#include <string>

#include <pgwidgets/draw.hpp>
#include <pgwidgets/pgwidgets.hpp>

#include "example_args.hpp"

namespace {

// A 4 x 4 cyan PNG.
constexpr unsigned char cyan_png[] = {
    0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0x00, 0x00, 0x00, 0x0d, 0x49, 0x48, 0x44, 0x52, 0x00, 0x00, 0x00,
    0x04, 0x00, 0x00, 0x00, 0x04, 0x08, 0x02, 0x00, 0x00, 0x00, 0x26, 0x93, 0x09, 0x29, 0x00, 0x00, 0x00, 0x10, 0x49,
    0x44, 0x41, 0x54, 0x78, 0x9c, 0x63, 0x60, 0xf8, 0xff, 0x1f, 0x81, 0x88, 0xe3, 0x00, 0x00, 0x2d, 0x31, 0x1f, 0xe1,
    0x37, 0x1a, 0x73, 0x70, 0x00, 0x00, 0x00, 0x00, 0x49, 0x45, 0x4e, 0x44, 0xae, 0x42, 0x60, 0x82};

// A 4 x 4 yellow PNG as a data: URL.
constexpr const char* yellow_url =
    "data:image/png;base64,iVBORw0KGgoAAAANSUhEUgAAAAQAAAAECAIAAAAmkwkpAAAAEUlEQVR4nGP4/58BjhiI4wAATREf4TZKEnUAAAAASUVORK5CYII=";

pgw::DisplayList picture() {
  constexpr double pi = 3.14159265358979323846;
  const std::array<pgw::Point, 3> corner{{{10, 250}, {150, 250}, {150, 290}}};
  pgw::DisplayList dl;
  dl.fill_style(pgw::Color{255, 0, 0}).fill_rect(10, 10, 50, 40);
  dl.stroke_style(pgw::Color{0, 0, 255}).line_width(1).begin_path().move_to(100.5, 10).line_to(100.5, 90).stroke();
  dl.save().translate(200, 20).fill_style("rgb(0, 160, 0)").fill_rect(0, 0, 20, 20).restore();
  dl.fill_style("black").font("bold 24px sans-serif").fill_text("Hi", 20, 150);
  dl.fill_style(pgw::Color{255, 128, 0}).begin_path().arc(300, 200, 30, 0, 2 * pi).fill();
  dl.stroke_style(pgw::Color{255, 0, 255}).line_width(3).begin_path().polyline(corner).stroke();
  dl.draw_image(pgw::CanvasImage::from_bytes("cyan", std::string(std::begin(cyan_png), std::end(cyan_png))), 330,
                20, 40, 40);
  return dl;
}

pgw::Task<> setup(pgw::Session& session) {
  session.set_error_handler([](std::exception_ptr e) {
    try {
      std::rethrow_exception(e);
    } catch (const std::exception& x) {
      std::fprintf(stderr, "canvas_app error: %s\n", x.what());
    }
  });
  auto w = session.get_widgets();
  auto top = co_await w.TopLevel({.title = "Canvas test"});
  co_await top.set_position(10, 10);
  auto vbox = co_await w.VBox({.spacing = 4, .padding = 6});
  auto canvas = co_await w.Canvas({.interactive = true});
  co_await canvas.resize(400, 300);
  auto report = co_await w.Label("none", {.tooltip = "what the handlers got"});
  auto bad = co_await w.Button("Bad list");
  auto green = co_await w.Button("Green");
  auto stamp = co_await w.Button("Stamp");
  co_await vbox.add_widget(canvas);
  co_await vbox.add_widget(report);
  co_await vbox.add_widget(bad);
  co_await vbox.add_widget(green);
  co_await vbox.add_widget(stamp);
  co_await top.set_widget(vbox);
  co_await canvas.draw(picture());
  co_await top.show();

  canvas.on_pointer_down([report](pgw::PointerEvent e) -> pgw::Task<> {
    co_await report.set_text("down " + std::to_string(std::lround(e.x)) + " " + std::to_string(std::lround(e.y)) +
                             " button " + std::to_string(e.button_trigger));
  });
  bad.on_activated([canvas]() -> pgw::Task<> {
    // A raw list, as the builder would never make it: an arc with 3 of its 5 numbers.
    pgw::Drawing drawing{.ops = {static_cast<std::uint32_t>(pgw::DrawOp::arc)}, .nums = {1, 2, 3}, .ints = {0}};
    co_await canvas.draw(std::move(drawing));
  });
  green.on_activated([canvas]() -> pgw::Task<> {
    pgw::DisplayList dl;
    dl.fill_style(pgw::Color{0, 200, 0}).fill_rect(0, 0, 400, 300);
    co_await canvas.draw(std::move(dl));
  });
  stamp.on_activated([canvas]() -> pgw::Task<> { co_await canvas.draw_image(yellow_url, 360, 250, 20, 20); });
}

}  // namespace

int main(int argc, char** argv) {
  // The test's second page (deviceScaleFactor 2) is a session of its own.
  pgw::ApplicationOptions options;
  options.max_sessions = 4;
  return example::serve(argc, argv, setup, std::move(options));
}
