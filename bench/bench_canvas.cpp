// bench_canvas: a Canvas redrawn at 30 frames a second with a display list
// of 10,000 line segments (a moving sine trace: one polyline of 10,001
// points) and a little text. Serves the page (run it with
// bench/canvas_bench.mjs, which opens headless Chromium and counts the
// frames the page draws); once the page connects it sends --frames lists,
// one each 1/--fps s, then prints per frame: the display list's bytes
// (pgw::Drawing), the WebSocket bytes sent, and the C++ time to build and
// queue a list; then "done".
// usage: bench_canvas [--frames 150] [--fps 30] [--segments 10000] [example options]
#include <chrono>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <string>
#include <string_view>
#include <vector>

#include <boost/asio/steady_timer.hpp>
#include <boost/asio/this_coro.hpp>
#include <boost/asio/use_awaitable.hpp>

#include <pgwidgets/draw.hpp>
#include <pgwidgets/pgwidgets.hpp>

#include "example_args.hpp"
#include "pgwidgets/widgets/canvas.pb.h"

namespace {

using Clock = std::chrono::steady_clock;

int frames = 150;
int fps = 30;
int segments = 10000;

pgw::DisplayList frame_list(int frame) {
  std::vector<pgw::Point> trace(static_cast<std::size_t>(segments) + 1);
  for (std::size_t i = 0; i < trace.size(); ++i) {
    const double x = 800.0 * double(i) / double(segments);
    trace[i] = {x, 200 + 150 * std::sin(x / 40.0 + frame * 0.2) * std::cos(double(i) * 0.37)};
  }
  pgw::DisplayList dl;
  dl.fill_style(pgw::Color{16, 16, 24}).fill_rect(0, 0, 800, 400);
  dl.stroke_style(pgw::Color{80, 220, 120}).line_width(1).begin_path().polyline(trace).stroke();
  dl.fill_style("white").font("14px monospace").fill_text("frame " + std::to_string(frame), 10, 20);
  return dl;
}

pgw::Task<> run(pgw::Session& session) {
  auto w = session.get_widgets();
  auto top = co_await w.TopLevel({.title = "bench_canvas"});
  auto canvas = co_await w.Canvas();
  co_await canvas.resize(800, 400);
  co_await top.set_widget(canvas);
  co_await top.show();

  boost::asio::steady_timer timer(co_await boost::asio::this_coro::executor);
  const auto period = std::chrono::microseconds(1000000 / fps);
  const auto bytes0 = session.stats().bytes_sent;
  std::size_t list_bytes = 0;
  double build_ms = 0;
  auto next = Clock::now();
  const auto t0 = next;
  for (int f = 0; f < frames; ++f) {
    const auto b0 = Clock::now();
    pgw::DisplayList dl = frame_list(f);
    if (f == 0) {
      pgwidgets::widgets::Drawing message;
      pgw::detail::wire::encode(dl.drawing(), message);
      list_bytes = message.ByteSizeLong();
    }
    co_await canvas.draw(std::move(dl));
    build_ms += std::chrono::duration<double, std::milli>(Clock::now() - b0).count();
    next += period;
    timer.expires_at(next);
    co_await timer.async_wait(boost::asio::use_awaitable);
  }
  const double seconds = std::chrono::duration<double>(Clock::now() - t0).count();
  const double wire = double(session.stats().bytes_sent - bytes0) / frames;
  std::printf("bench_canvas: %d frames of %d segments in %.2f s (%.1f sent per second, target %d)\n", frames,
              segments, seconds, frames / seconds, fps);
  std::printf("display list bytes per frame: %zu (%.2f per segment)\n", list_bytes,
              double(list_bytes) / segments);
  std::printf("WebSocket bytes sent per frame: %.0f\n", wire);
  std::printf("C++ build + queue per frame: %.2f ms\n", build_ms / frames);
  std::printf("done\n");
  std::fflush(stdout);
}

}  // namespace

int main(int argc, char** argv) {
  std::vector<char*> rest{argv[0]};
  for (int i = 1; i < argc; ++i) {
    std::string_view a = argv[i];
    if (i + 1 < argc && a == "--frames") frames = std::atoi(argv[++i]);
    else if (i + 1 < argc && a == "--fps") fps = std::atoi(argv[++i]);
    else if (i + 1 < argc && a == "--segments") segments = std::atoi(argv[++i]);
    else rest.push_back(argv[i]);
  }
  if (frames <= 0 || fps <= 0 || segments <= 0) {
    std::fprintf(stderr, "bench_canvas: --frames, --fps and --segments must be positive\n");
    return 2;
  }
  return example::serve(static_cast<int>(rest.size()), rest.data(), run);
}
