// pgw::DisplayList: draw on a pgw::Canvas from C++, in the HTML canvas's
// words (fill_style, move_to, arc, fill_text, translate, ...).
//
//   pgw::DisplayList dl;
//   dl.fill_style(pgw::Color{30, 30, 40}).fill_rect(0, 0, 400, 300)
//     .stroke_style(pgw::Color{255, 200, 0}).line_width(2)
//     .begin_path().polyline(points).stroke()
//     .font("14px sans-serif").fill_text("volts", 10, 20);
//   co_await canvas.draw(std::move(dl));
//
// The list is a compact message (pgw::Drawing: packed opcodes, numbers and
// ints, strings and images in side tables); the page replays it on the
// canvas's CanvasRenderingContext2D in one animation frame, and the server
// keeps the last one for a reload. Every call checks its values: a NaN or
// infinite number, a negative radius, a line width that is not positive,
// an alpha outside 0..1 throw std::invalid_argument naming the call, and
// the list is left as it was before the call.
#pragma once

#include <cstdint>
#include <span>
#include <string>
#include <string_view>
#include <unordered_map>

#include "pgwidgets/structured.hpp"
#include "pgwidgets/widgets/canvas.hpp"

namespace pgw {

// An sRGB color with alpha (0 transparent .. 1 opaque), sent as CSS
// "rgba(r,g,b,a)". Any CSS color string works too (fill_style("teal")).
struct Color {
  std::uint8_t r = 0;
  std::uint8_t g = 0;
  std::uint8_t b = 0;
  double a = 1.0;
  // "rgba(r,g,b,a)"; throws std::invalid_argument when `a` is not in 0..1.
  std::string css() const;
  friend bool operator==(const Color&, const Color&) = default;
};

// A point in CSS pixels (polyline()).
struct Point {
  double x = 0;
  double y = 0;
};

enum class FillRule { nonzero = 0, evenodd = 1 };
enum class LineCap { butt = 0, round = 1, square = 2 };
enum class LineJoin { miter = 0, round = 1, bevel = 2 };
enum class TextAlign { start = 0, end = 1, left = 2, right = 3, center = 4 };
enum class TextBaseline { alphabetic = 0, top = 1, hanging = 2, middle = 3, ideographic = 4, bottom = 5 };

// An image a display list draws: encoded bytes (PNG, JPEG, GIF, WebP: the
// page decodes them once per id with createImageBitmap) or a URL. The id
// names the picture: the page keeps decoded images by id, so changed
// contents need a new id.
struct CanvasImage {
  std::string id;
  std::string data;  // encoded bytes, or empty with `url`
  std::string url;   // or empty with `data`
  static CanvasImage from_bytes(std::string id, std::string bytes);
  static CanvasImage from_url(std::string id, std::string url);
};

// A display list: drawing commands in the HTML canvas's vocabulary, each
// returning the list, so calls chain. Coordinates are CSS pixels, angles
// radians. Numbers travel as 32-bit floats.
class DisplayList {
 public:
  DisplayList() = default;

  // ---- paths (as CanvasRenderingContext2D) ----
  DisplayList& begin_path();
  DisplayList& close_path();
  DisplayList& move_to(double x, double y);
  DisplayList& line_to(double x, double y);
  DisplayList& bezier_curve_to(double cp1x, double cp1y, double cp2x, double cp2y, double x, double y);
  DisplayList& quadratic_curve_to(double cpx, double cpy, double x, double y);
  // A negative radius throws (the browser would throw too).
  DisplayList& arc(double x, double y, double radius, double start_angle, double end_angle,
                   bool anticlockwise = false);
  DisplayList& arc_to(double x1, double y1, double x2, double y2, double radius);
  DisplayList& ellipse(double x, double y, double radius_x, double radius_y, double rotation, double start_angle,
                       double end_angle, bool anticlockwise = false);
  DisplayList& rect(double x, double y, double width, double height);
  // move_to the first point, line_to each of the others: one opcode and
  // two floats a point. An empty span throws.
  DisplayList& polyline(std::span<const Point> points);
  DisplayList& fill(FillRule rule = FillRule::nonzero);
  DisplayList& stroke();
  DisplayList& clip(FillRule rule = FillRule::nonzero);

  // ---- drawn at once ----
  DisplayList& fill_rect(double x, double y, double width, double height);
  DisplayList& stroke_rect(double x, double y, double width, double height);
  DisplayList& clear_rect(double x, double y, double width, double height);
  DisplayList& fill_text(std::string_view text, double x, double y);
  DisplayList& stroke_text(std::string_view text, double x, double y);
  DisplayList& draw_image(const CanvasImage& image, double x, double y);
  DisplayList& draw_image(const CanvasImage& image, double x, double y, double width, double height);

  // ---- styles ----
  DisplayList& fill_style(const Color& color);
  // A CSS color ("teal", "#ff8800", "rgb(0 0 0 / 50%)"); empty throws.
  DisplayList& fill_style(std::string_view css_color);
  DisplayList& stroke_style(const Color& color);
  DisplayList& stroke_style(std::string_view css_color);
  // Positive; 0 or less throws.
  DisplayList& line_width(double width);
  DisplayList& line_cap(LineCap cap);
  DisplayList& line_join(LineJoin join);
  // Dash and gap lengths (none negative); empty: solid lines.
  DisplayList& line_dash(std::span<const double> segments);
  // 0 .. 1.
  DisplayList& global_alpha(double alpha);
  // A CSS font ("bold 14px sans-serif"); empty throws.
  DisplayList& font(std::string_view css_font);
  DisplayList& text_align(TextAlign align);
  DisplayList& text_baseline(TextBaseline baseline);

  // ---- state and transforms ----
  DisplayList& save();
  DisplayList& restore();
  DisplayList& translate(double x, double y);
  DisplayList& rotate(double angle);
  DisplayList& scale(double x, double y);
  // Multiplies the current transform by [a c e; b d f; 0 0 1].
  DisplayList& transform(double a, double b, double c, double d, double e, double f);
  DisplayList& set_transform(double a, double b, double c, double d, double e, double f);
  DisplayList& reset_transform();

  // How many opcodes; whether there are none; back to empty.
  std::size_t size() const { return drawing_.ops.size(); }
  bool empty() const { return drawing_.ops.empty(); }
  void clear();

  // The message it sends.
  const Drawing& drawing() const& { return drawing_; }
  Drawing take() &&;
  // canvas.draw(std::move(list)) or canvas.draw(list) (a copy).
  operator Named<Drawing>() &&;
  operator Named<Drawing>() const&;

 private:
  DisplayList& op(DrawOp op);
  int string_index(std::string_view text);
  int image_index(const CanvasImage& image);

  Drawing drawing_;
  std::unordered_map<std::string, int> strings_;
  std::unordered_map<std::string, int> images_;
};

}  // namespace pgw
