// Image streaming: 1280x720 JPEG frames (about 100 KB, pre-encoded with
// libjpeg, cycled) pushed to an Image per session, first at --fps frames a
// second, then as fast as the program can, each phase --seconds long. It
// starts when --browsers sessions are connected (one browser each) and
// writes each phase's figures into the page's "bench-report" label:
//   <phase> done pushed=N sent=N dropped=N held=N rss_kib=N
// bench/run_image_bench.mjs drives it in headless Chromium and reads the
// frames each page showed.
#include <atomic>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <string>
#include <vector>

#include <boost/asio/steady_timer.hpp>
#include <boost/asio/this_coro.hpp>
#include <boost/asio/use_awaitable.hpp>

#include <pgwidgets/pgwidgets.hpp>

#include "example_args.hpp"
#include "image_codec.hpp"

namespace {

int fps = 30;
int seconds = 5;
int browsers = 1;
std::atomic<int> connected{0};
std::vector<std::string> frames;

std::uint32_t pattern(int x, int y, int i) {
  // Gradients, a checker and a little noise (3 bits): about 100 KB at
  // quality 80, as a camera's 720p JPEG frame.
  const std::uint32_t n = (static_cast<std::uint32_t>(x) * 2654435761u ^ static_cast<std::uint32_t>(y + i) * 40503u) >> 29;
  const int r = (x * 255 / 1280 + i * 9 + static_cast<int>(n)) & 0xff;
  const int g = (y * 255 / 720 + i * 5 + static_cast<int>(n)) & 0xff;
  const int b = (((x / 8) ^ (y / 8) ^ (i * 3)) + static_cast<int>(n)) & 0xff;
  return static_cast<std::uint32_t>((r << 16) | (g << 8) | b);
}

pgw::Task<> sleep_for(std::chrono::steady_clock::duration d) {
  boost::asio::steady_timer t(co_await boost::asio::this_coro::executor, d);
  co_await t.async_wait(boost::asio::use_awaitable);
}

pgw::Task<> phase(pgw::Session& session, pgw::Image image, pgw::Label report, const char* name, bool paced) {
  co_await report.set_text(std::string(name) + " running");
  const auto start = std::chrono::steady_clock::now();
  const auto end = start + std::chrono::seconds(seconds);
  const auto before = session.stats();
  long pushed = 0;
  for (;;) {
    const auto now = std::chrono::steady_clock::now();
    if (now >= end) break;
    co_await image.set_binary_image(frames[pushed % frames.size()], pgw::ImageFormat::jpeg);
    ++pushed;
    if (paced) {
      co_await sleep_for(start + pushed * std::chrono::microseconds(1000000 / fps) - std::chrono::steady_clock::now());
    } else {
      co_await sleep_for(std::chrono::seconds(0));  // let the socket and acks run
    }
  }
  const auto s = session.stats();
  co_await report.set_text(std::string(name) + " done pushed=" + std::to_string(pushed) +
                           " sent=" + std::to_string(s.stream_frames_sent - before.stream_frames_sent) +
                           " dropped=" + std::to_string(s.frames_dropped - before.frames_dropped) +
                           " held=" + std::to_string(s.frames_held) + " rss_kib=" + std::to_string(imagecodec::rss_kib()));
}

pgw::Task<> setup(pgw::Session& session) {
  auto w = session.get_widgets();
  auto top = co_await w.TopLevel({.title = "Image bench"});
  co_await top.resize(1300, 800);
  auto vbox = co_await w.VBox();
  auto image = co_await w.Image({.name = "bench-image"});
  auto report = co_await w.Label("waiting", {.name = "bench-report"});
  co_await vbox.add_widget(image, 1);
  co_await vbox.add_widget(report);
  co_await top.set_widget(vbox);
  co_await top.show();
  ++connected;
  while (connected.load() < browsers) co_await sleep_for(std::chrono::milliseconds(20));
  co_await sleep_for(std::chrono::milliseconds(300));
  co_await phase(session, image, report, "paced", true);
  co_await sleep_for(std::chrono::seconds(3));  // the driver reads every page's report
  co_await phase(session, image, report, "flat-out", false);
}

}  // namespace

int main(int argc, char** argv) {
  std::vector<char*> rest{argv[0]};
  for (int i = 1; i < argc; ++i) {
    const std::string a = argv[i];
    if (a == "--fps" && i + 1 < argc) fps = std::atoi(argv[++i]);
    else if (a == "--seconds" && i + 1 < argc) seconds = std::atoi(argv[++i]);
    else if (a == "--browsers" && i + 1 < argc) browsers = std::atoi(argv[++i]);
    else rest.push_back(argv[i]);
  }
  std::size_t total = 0;
  for (int i = 0; i < 8; ++i) {
    frames.push_back(imagecodec::jpeg(1280, 720, 80, [i](int x, int y) { return pattern(x, y, i); }));
    total += frames.back().size();
  }
  std::fprintf(stderr, "bench_image: 8 frames of 1280x720 JPEG, %zu bytes on average\n", total / frames.size());
  pgw::ApplicationOptions options;
  options.max_sessions = 64;
  return example::serve(static_cast<int>(rest.size()), rest.data(), setup, options);
}
