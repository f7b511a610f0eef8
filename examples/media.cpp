// Live media without JavaScript: an Image fed a generated pattern ten times
// a second, a Canvas plotting a live signal with the C++ drawing API
// (pgw::DisplayList), and an HtmlView showing the stream's figures.
//
// Both the pictures and the plot are streams (`latest_wins`): a browser that
// cannot keep up is sent the newest frame and skips the rest, so memory
// stays flat however fast the program pushes. The server keeps the last
// picture and plot, so a reload shows them at once.
#include <chrono>
#include <cmath>
#include <cstdio>
#include <deque>
#include <memory>
#include <numbers>
#include <string>
#include <vector>

#include <pgwidgets/pgwidgets.hpp>

#include "example_args.hpp"
#include "image_codec.hpp"

namespace {

using namespace std::chrono_literals;

constexpr int picture_width = 320;
constexpr int picture_height = 180;
constexpr double plot_width = 480;
constexpr double plot_height = 180;
constexpr std::size_t plot_points = 240;

// Moving colour bands: frame `t` of the live picture.
std::string pattern_frame(int t) {
  return imagecodec::png(picture_width, picture_height, [t](int x, int y) -> std::uint32_t {
    const auto r = static_cast<std::uint32_t>(128 + 127 * std::sin((x + 4 * t) * 0.05));
    const auto g = static_cast<std::uint32_t>(128 + 127 * std::sin((y + 3 * t) * 0.07));
    const auto b = static_cast<std::uint32_t>(128 + 127 * std::sin((x + y - 2 * t) * 0.03));
    return (r << 16) | (g << 8) | b;
  });
}

// The plot of the newest samples (oldest at the left), with a grid and a
// label: one display list, sent as one message.
pgw::DisplayList plot(const std::deque<double>& samples) {
  pgw::DisplayList dl;
  dl.fill_style("#10141c").fill_rect(0, 0, plot_width, plot_height);
  dl.stroke_style("#2c3444").line_width(1).begin_path();
  for (int i = 1; i < 4; ++i) {
    const double y = plot_height * i / 4;
    dl.move_to(0, y).line_to(plot_width, y);
  }
  dl.stroke();
  std::vector<pgw::Point> points;
  points.reserve(samples.size());
  for (std::size_t i = 0; i < samples.size(); ++i) {
    const double x = plot_width * static_cast<double>(i) / (plot_points - 1);
    points.push_back({x, plot_height / 2 - samples[i] * plot_height * 0.4});
  }
  if (points.size() >= 2) dl.stroke_style("#4fc3f7").line_width(2).begin_path().polyline(points).stroke();
  dl.fill_style("#e0e0e0").font("12px sans-serif").fill_text("signal", 8, 16);
  return dl;
}

// One session's live state, shared by its timer's handler.
struct Live {
  pgw::Image picture;
  pgw::Canvas canvas;
  pgw::HtmlView figures;
  std::deque<double> samples;
  int frame = 0;
};

pgw::Task<> tick(pgw::Session& session, Live& live) {
  ++live.frame;
  co_await live.picture.set_binary_image(pattern_frame(live.frame), pgw::ImageFormat::png);

  const double t = live.frame * 0.1;
  live.samples.push_back(0.6 * std::sin(2 * std::numbers::pi * 0.5 * t) + 0.3 * std::sin(2 * std::numbers::pi * 1.7 * t));
  if (live.samples.size() > plot_points) live.samples.pop_front();
  co_await live.canvas.draw(plot(live.samples));

  if (live.frame % 10 == 0) {
    const pgw::SessionStats s = session.stats();
    // The program's own text: HtmlView sanitizes it anyway (untrusted by
    // default), and keeps it for a reload.
    std::string html = "<h3>Stream</h3><ul><li>frames made: " + std::to_string(live.frame) +
                       "</li><li>frames sent to browsers: " + std::to_string(s.stream_frames_sent) +
                       "</li><li>frames skipped (a newer one won): " + std::to_string(s.frames_dropped) +
                       "</li><li>bytes sent: " + std::to_string(s.bytes_sent) + "</li></ul>";
    co_await live.figures.set_html(std::move(html));
  }
}

pgw::Task<> build(pgw::Session& session) {
  auto w = session.get_widgets();
  auto top = co_await w.TopLevel({.title = "Media"});
  auto columns = co_await w.HBox({.spacing = 8});
  auto left = co_await w.VBox({.spacing = 8});
  auto live = std::make_shared<Live>();
  live->picture = co_await w.Image();
  live->canvas = co_await w.Canvas();
  co_await live->canvas.resize(static_cast<int>(plot_width), static_cast<int>(plot_height));
  live->figures = co_await w.HtmlView("<h3>Stream</h3><p>Starting&hellip;</p>");
  co_await live->figures.resize(240, 180);
  co_await left.add_widget(live->picture, 0);
  co_await left.add_widget(live->canvas, 0);
  co_await columns.add_widget(left, 0);
  co_await columns.add_widget(live->figures, 1);
  co_await top.set_widget(columns);
  co_await top.show();

  auto timer = co_await session.make_timer(100ms);
  // The handler restarts its own timer: it holds the timer, a cycle the
  // session's end breaks (it destroys its timers).
  timer.on_expired([&session, live, timer](pgw::Timer::Duration) -> pgw::Task<> {
    timer.start();
    co_await tick(session, *live);
  });
  timer.start();
}

}  // namespace

int main(int argc, char** argv) {
  pgw::ApplicationOptions options;
  example::parse_args(argc, argv, options);
  return pgw::run([&]() -> pgw::Task<> {
    pgw::Application app(options);
    app.on_connect([](pgw::Session& session) -> pgw::Task<> { co_await build(session); });
    co_await app.start();
    std::printf("%s\n", app.url().c_str());
    std::fflush(stdout);
    co_await app.run();
  }());
}
