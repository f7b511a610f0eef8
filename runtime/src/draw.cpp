// pgw::DisplayList: every call checks its values first, then appends its
// opcode, numbers and ints (the layout is DrawOp's, in canvas.proto), so a
// call that throws leaves the list as it was.
#include "pgwidgets/draw.hpp"

#include <cmath>
#include <sstream>
#include <type_traits>
#include <initializer_list>
#include <limits>
#include <stdexcept>
#include <utility>

namespace pgw {
namespace {

// "{}" placeholders filled in order (g++ 12 has no std::format).
template <class... A>
std::string fmt(std::string_view pattern, const A&... args) {
  std::ostringstream out;
  auto put = [&](const auto& arg) {
    auto at = pattern.find("{}");
    out << pattern.substr(0, at);
    if constexpr (std::is_same_v<std::decay_t<decltype(arg)>, std::uint8_t>) out << int(arg);
    else out << arg;
    pattern = at == std::string_view::npos ? std::string_view{} : pattern.substr(at + 2);
  };
  (put(args), ...);
  out << pattern;
  return out.str();
}

constexpr double float_max = std::numeric_limits<float>::max();

[[noreturn]] void refuse(std::string_view call, std::string_view why) {
  throw std::invalid_argument(fmt("pgw::DisplayList::{}: {}", call, why));
}

// Finite and within a float's range, or the call throws.
void check_numbers(std::string_view call, std::initializer_list<double> values) {
  for (double v : values) {
    if (!std::isfinite(v)) refuse(call, fmt("{} is not a finite number", v));
    if (std::fabs(v) > float_max) refuse(call, fmt("{} is beyond a float's range", v));
  }
}

}  // namespace

std::string Color::css() const {
  if (!(a >= 0.0 && a <= 1.0)) throw std::invalid_argument(fmt("pgw::Color: alpha {} is not in 0..1", a));
  return fmt("rgba({},{},{},{})", int(r), int(g), int(b), a);
}

CanvasImage CanvasImage::from_bytes(std::string id, std::string bytes) {
  return CanvasImage{std::move(id), std::move(bytes), {}};
}

CanvasImage CanvasImage::from_url(std::string id, std::string url) {
  return CanvasImage{std::move(id), {}, std::move(url)};
}

DisplayList& DisplayList::op(DrawOp code) {
  drawing_.ops.push_back(static_cast<std::uint32_t>(code));
  return *this;
}

int DisplayList::string_index(std::string_view text) {
  auto [it, added] = strings_.try_emplace(std::string(text), static_cast<int>(drawing_.strings.size()));
  if (added) drawing_.strings.emplace_back(text);
  return it->second;
}

int DisplayList::image_index(const CanvasImage& image) {
  if (image.id.empty()) refuse("draw_image", "the image has no id");
  if (image.data.empty() == image.url.empty())
    refuse("draw_image", fmt("image '{}' must have either bytes or a URL", image.id));
  auto found = images_.find(image.id);
  if (found != images_.end()) {
    const DrawingImage& kept = drawing_.images[static_cast<std::size_t>(found->second)];
    if (kept.data != image.data || kept.url != image.url)
      refuse("draw_image", fmt("image id '{}' already names another image in this list", image.id));
    return found->second;
  }
  int index = static_cast<int>(drawing_.images.size());
  drawing_.images.push_back(DrawingImage{image.id, image.data, image.url});
  images_.emplace(image.id, index);
  return index;
}

#define PGW_NUMS(...) for (double v_ : {__VA_ARGS__}) drawing_.nums.push_back(static_cast<float>(v_))

DisplayList& DisplayList::begin_path() { return op(DrawOp::begin_path); }
DisplayList& DisplayList::close_path() { return op(DrawOp::close_path); }

DisplayList& DisplayList::move_to(double x, double y) {
  check_numbers("move_to", {x, y});
  PGW_NUMS(x, y);
  return op(DrawOp::move_to);
}

DisplayList& DisplayList::line_to(double x, double y) {
  check_numbers("line_to", {x, y});
  PGW_NUMS(x, y);
  return op(DrawOp::line_to);
}

DisplayList& DisplayList::bezier_curve_to(double cp1x, double cp1y, double cp2x, double cp2y, double x, double y) {
  check_numbers("bezier_curve_to", {cp1x, cp1y, cp2x, cp2y, x, y});
  PGW_NUMS(cp1x, cp1y, cp2x, cp2y, x, y);
  return op(DrawOp::bezier_curve_to);
}

DisplayList& DisplayList::quadratic_curve_to(double cpx, double cpy, double x, double y) {
  check_numbers("quadratic_curve_to", {cpx, cpy, x, y});
  PGW_NUMS(cpx, cpy, x, y);
  return op(DrawOp::quadratic_curve_to);
}

DisplayList& DisplayList::arc(double x, double y, double radius, double start_angle, double end_angle,
                              bool anticlockwise) {
  check_numbers("arc", {x, y, radius, start_angle, end_angle});
  if (radius < 0) refuse("arc", fmt("the radius {} is negative", radius));
  PGW_NUMS(x, y, radius, start_angle, end_angle);
  drawing_.ints.push_back(anticlockwise ? 1 : 0);
  return op(DrawOp::arc);
}

DisplayList& DisplayList::arc_to(double x1, double y1, double x2, double y2, double radius) {
  check_numbers("arc_to", {x1, y1, x2, y2, radius});
  if (radius < 0) refuse("arc_to", fmt("the radius {} is negative", radius));
  PGW_NUMS(x1, y1, x2, y2, radius);
  return op(DrawOp::arc_to);
}

DisplayList& DisplayList::ellipse(double x, double y, double radius_x, double radius_y, double rotation,
                                  double start_angle, double end_angle, bool anticlockwise) {
  check_numbers("ellipse", {x, y, radius_x, radius_y, rotation, start_angle, end_angle});
  if (radius_x < 0 || radius_y < 0)
    refuse("ellipse", fmt("a radius ({}, {}) is negative", radius_x, radius_y));
  PGW_NUMS(x, y, radius_x, radius_y, rotation, start_angle, end_angle);
  drawing_.ints.push_back(anticlockwise ? 1 : 0);
  return op(DrawOp::ellipse);
}

DisplayList& DisplayList::rect(double x, double y, double width, double height) {
  check_numbers("rect", {x, y, width, height});
  PGW_NUMS(x, y, width, height);
  return op(DrawOp::rect);
}

DisplayList& DisplayList::polyline(std::span<const Point> points) {
  if (points.empty()) refuse("polyline", "no points");
  if (points.size() > static_cast<std::size_t>(std::numeric_limits<int>::max() / 2))
    refuse("polyline", "too many points");
  for (const Point& p : points) check_numbers("polyline", {p.x, p.y});
  drawing_.ints.push_back(static_cast<int>(points.size()));
  drawing_.nums.reserve(drawing_.nums.size() + 2 * points.size());
  for (const Point& p : points) {
    drawing_.nums.push_back(static_cast<float>(p.x));
    drawing_.nums.push_back(static_cast<float>(p.y));
  }
  return op(DrawOp::polyline);
}

DisplayList& DisplayList::fill(FillRule rule) {
  drawing_.ints.push_back(static_cast<int>(rule));
  return op(DrawOp::fill);
}

DisplayList& DisplayList::stroke() { return op(DrawOp::stroke); }

DisplayList& DisplayList::clip(FillRule rule) {
  drawing_.ints.push_back(static_cast<int>(rule));
  return op(DrawOp::clip);
}

DisplayList& DisplayList::fill_rect(double x, double y, double width, double height) {
  check_numbers("fill_rect", {x, y, width, height});
  PGW_NUMS(x, y, width, height);
  return op(DrawOp::fill_rect);
}

DisplayList& DisplayList::stroke_rect(double x, double y, double width, double height) {
  check_numbers("stroke_rect", {x, y, width, height});
  PGW_NUMS(x, y, width, height);
  return op(DrawOp::stroke_rect);
}

DisplayList& DisplayList::clear_rect(double x, double y, double width, double height) {
  check_numbers("clear_rect", {x, y, width, height});
  PGW_NUMS(x, y, width, height);
  return op(DrawOp::clear_rect);
}

DisplayList& DisplayList::fill_text(std::string_view text, double x, double y) {
  check_numbers("fill_text", {x, y});
  drawing_.ints.push_back(string_index(text));
  PGW_NUMS(x, y);
  return op(DrawOp::fill_text);
}

DisplayList& DisplayList::stroke_text(std::string_view text, double x, double y) {
  check_numbers("stroke_text", {x, y});
  drawing_.ints.push_back(string_index(text));
  PGW_NUMS(x, y);
  return op(DrawOp::stroke_text);
}

DisplayList& DisplayList::draw_image(const CanvasImage& image, double x, double y) {
  check_numbers("draw_image", {x, y});
  int index = image_index(image);
  drawing_.ints.push_back(index);
  PGW_NUMS(x, y);
  return op(DrawOp::draw_image);
}

DisplayList& DisplayList::draw_image(const CanvasImage& image, double x, double y, double width, double height) {
  check_numbers("draw_image", {x, y, width, height});
  int index = image_index(image);
  drawing_.ints.push_back(index);
  PGW_NUMS(x, y, width, height);
  return op(DrawOp::draw_image_scaled);
}

DisplayList& DisplayList::fill_style(const Color& color) { return fill_style(std::string_view(color.css())); }

DisplayList& DisplayList::fill_style(std::string_view css_color) {
  if (css_color.empty()) refuse("fill_style", "an empty color");
  drawing_.ints.push_back(string_index(css_color));
  return op(DrawOp::fill_style);
}

DisplayList& DisplayList::stroke_style(const Color& color) { return stroke_style(std::string_view(color.css())); }

DisplayList& DisplayList::stroke_style(std::string_view css_color) {
  if (css_color.empty()) refuse("stroke_style", "an empty color");
  drawing_.ints.push_back(string_index(css_color));
  return op(DrawOp::stroke_style);
}

DisplayList& DisplayList::line_width(double width) {
  check_numbers("line_width", {width});
  if (width <= 0) refuse("line_width", fmt("the width {} is not positive", width));
  PGW_NUMS(width);
  return op(DrawOp::line_width);
}

DisplayList& DisplayList::line_cap(LineCap cap) {
  drawing_.ints.push_back(static_cast<int>(cap));
  return op(DrawOp::line_cap);
}

DisplayList& DisplayList::line_join(LineJoin join) {
  drawing_.ints.push_back(static_cast<int>(join));
  return op(DrawOp::line_join);
}

DisplayList& DisplayList::line_dash(std::span<const double> segments) {
  for (double s : segments) {
    check_numbers("line_dash", {s});
    if (s < 0) refuse("line_dash", fmt("the length {} is negative", s));
  }
  drawing_.ints.push_back(static_cast<int>(segments.size()));
  for (double s : segments) drawing_.nums.push_back(static_cast<float>(s));
  return op(DrawOp::line_dash);
}

DisplayList& DisplayList::global_alpha(double alpha) {
  if (!(alpha >= 0.0 && alpha <= 1.0)) refuse("global_alpha", fmt("{} is not in 0..1", alpha));
  PGW_NUMS(alpha);
  return op(DrawOp::global_alpha);
}

DisplayList& DisplayList::font(std::string_view css_font) {
  if (css_font.empty()) refuse("font", "an empty font");
  drawing_.ints.push_back(string_index(css_font));
  return op(DrawOp::font);
}

DisplayList& DisplayList::text_align(TextAlign align) {
  drawing_.ints.push_back(static_cast<int>(align));
  return op(DrawOp::text_align);
}

DisplayList& DisplayList::text_baseline(TextBaseline baseline) {
  drawing_.ints.push_back(static_cast<int>(baseline));
  return op(DrawOp::text_baseline);
}

DisplayList& DisplayList::save() { return op(DrawOp::save); }
DisplayList& DisplayList::restore() { return op(DrawOp::restore); }

DisplayList& DisplayList::translate(double x, double y) {
  check_numbers("translate", {x, y});
  PGW_NUMS(x, y);
  return op(DrawOp::translate);
}

DisplayList& DisplayList::rotate(double angle) {
  check_numbers("rotate", {angle});
  PGW_NUMS(angle);
  return op(DrawOp::rotate);
}

DisplayList& DisplayList::scale(double x, double y) {
  check_numbers("scale", {x, y});
  PGW_NUMS(x, y);
  return op(DrawOp::scale);
}

DisplayList& DisplayList::transform(double a, double b, double c, double d, double e, double f) {
  check_numbers("transform", {a, b, c, d, e, f});
  PGW_NUMS(a, b, c, d, e, f);
  return op(DrawOp::transform);
}

DisplayList& DisplayList::set_transform(double a, double b, double c, double d, double e, double f) {
  check_numbers("set_transform", {a, b, c, d, e, f});
  PGW_NUMS(a, b, c, d, e, f);
  return op(DrawOp::set_transform);
}

DisplayList& DisplayList::reset_transform() { return op(DrawOp::reset_transform); }

#undef PGW_NUMS

void DisplayList::clear() {
  drawing_ = Drawing{};
  strings_.clear();
  images_.clear();
}

Drawing DisplayList::take() && {
  Drawing out = std::move(drawing_);
  clear();
  return out;
}

DisplayList::operator Named<Drawing>() && { return Named<Drawing>(std::move(*this).take()); }

DisplayList::operator Named<Drawing>() const& { return Named<Drawing>(Drawing(drawing_)); }

}  // namespace pgw
