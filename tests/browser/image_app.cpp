// The program behind browser/image.test.mjs: an interactive Image and a
// second one for streams, with buttons that set a picture by data: URL, a
// small PNG, a 1280x720 JPEG, a 2.3 MB PNG (chunked on the wire), and a
// burst of 120 frames pushed at once (the latest wins). The report label
// says what was sent (sizes, FNV-1a of the bytes) and the session's stream
// counters; Ping answers at once, for the latency during a large transfer.
#include <cstdio>
#include <string>

#include <boost/asio/post.hpp>
#include <boost/asio/this_coro.hpp>
#include <boost/asio/use_awaitable.hpp>

#include <pgwidgets/pgwidgets.hpp>

#include "example_args.hpp"
#include "image_codec.hpp"

namespace {

std::string hex(std::uint32_t v) {
  char b[16];
  std::snprintf(b, sizeof b, "%08x", v);
  return b;
}

std::uint32_t noise(int x, int y, std::uint32_t seed) {
  std::uint32_t h = static_cast<std::uint32_t>(x) * 73856093u ^ static_cast<std::uint32_t>(y) * 19349663u ^ seed;
  h ^= h >> 13;
  h *= 0x5bd1e995u;
  return (h ^ (h >> 15)) & 0xffffff;
}

pgw::Task<> setup(pgw::Session& session) {
  auto w = session.get_widgets();
  auto top = co_await w.TopLevel({.title = "Image test", .resizable = true});
  co_await top.set_position(10, 10);
  co_await top.resize(860, 640);
  auto vbox = co_await w.VBox({.spacing = 4, .padding = 6});
  auto image = co_await w.Image({.interactive = true, .name = "picture"});
  auto stream = co_await w.Image({.name = "stream"});
  auto report = co_await w.Label("none", {.tooltip = "report"});
  auto pong = co_await w.Label("no pong", {.tooltip = "pong"});
  auto row = co_await w.HBox({.spacing = 4});
  co_await vbox.add_widget(image, 1);
  co_await vbox.add_widget(stream, 1);
  co_await vbox.add_widget(report);
  co_await vbox.add_widget(pong);
  co_await vbox.add_widget(row);
  auto button = [&](const char* text) -> pgw::Task<pgw::Button> {
    auto b = co_await w.Button(text);
    co_await row.add_widget(b);
    co_return b;
  };
  auto url = co_await button("URL");
  auto png = co_await button("PNG");
  auto jpeg = co_await button("JPEG");
  auto big = co_await button("Big");
  auto burst = co_await button("Burst");
  auto ping = co_await button("Ping");
  co_await top.set_widget(vbox);
  co_await top.show();

  url.on_activated([image, report]() -> pgw::Task<> {
    const std::string bytes = imagecodec::png(30, 20, [](int x, int y) { return noise(x, y, 7); });
    co_await image.set_image("data:image/png;base64," + imagecodec::base64(bytes));
    co_await report.set_text("url 30x20");
  });
  png.on_activated([image, report]() -> pgw::Task<> {
    const std::string bytes = imagecodec::png(64, 48, [](int x, int y) { return noise(x, y, 1); });
    co_await image.set_binary_image(bytes, pgw::ImageFormat::png);
    co_await report.set_text("png 64x48 " + std::to_string(bytes.size()) + " " + hex(imagecodec::fnv1a(bytes)));
  });
  jpeg.on_activated([image, report]() -> pgw::Task<> {
#ifdef PGW_HAVE_JPEG
    const std::string bytes = imagecodec::jpeg(1280, 720, 80, [](int x, int y) {
      return static_cast<std::uint32_t>(((x * 255 / 1280) << 16) | ((y * 255 / 720) << 8) | ((x ^ y) & 0xff));
    });
    co_await image.set_binary_image(bytes, pgw::ImageFormat::jpeg);
    co_await report.set_text("jpeg 1280x720 " + std::to_string(bytes.size()) + " " + hex(imagecodec::fnv1a(bytes)));
#else
    co_await report.set_text("jpeg unavailable");
#endif
  });
  big.on_activated([image, report, &session]() -> pgw::Task<> {
    // 900 x 860 RGB, stored: about 2.3 MB, over the chunk threshold.
    const std::string bytes = imagecodec::png(900, 860, [](int x, int y) { return noise(x, y, 99); });
    co_await image.set_binary_image(bytes, pgw::ImageFormat::png);
    // One event-loop turn: the call has gone to the socket (in chunks).
    co_await boost::asio::post(co_await boost::asio::this_coro::executor, boost::asio::use_awaitable);
    co_await report.set_text("big 900x860 " + std::to_string(bytes.size()) + " " + hex(imagecodec::fnv1a(bytes)) +
                             " chunked " + std::to_string(session.stats().chunked_messages));
  });
  burst.on_activated([stream, report, &session]() -> pgw::Task<> {
    // 120 frames, a pause (one event-loop turn: the frames go out) after
    // each 10: far faster than the page takes them, so frames are dropped
    // in every group of 10, and memory is measured after they went out.
    std::string last;
    const long rss_before = imagecodec::rss_kib();
    for (int i = 0; i < 120; ++i) {
      last = imagecodec::png(320, 180, [i](int x, int y) { return noise(x, y, 1000 + i); });
      co_await stream.set_binary_image(last, pgw::ImageFormat::png);
      if (i % 10 == 9) co_await boost::asio::post(co_await boost::asio::this_coro::executor, boost::asio::use_awaitable);
    }
    const auto s = session.stats();
    co_await report.set_text("burst 120 " + hex(imagecodec::fnv1a(last)) + " dropped " +
                             std::to_string(s.frames_dropped) + " held " + std::to_string(s.frames_held) +
                             " rss+ " + std::to_string(imagecodec::rss_kib() - rss_before));
  });
  ping.on_activated([pong, n = 0]() mutable -> pgw::Task<> { co_await pong.set_text("pong " + std::to_string(++n)); });
  image.on_click([report](pgw::PointerEvent e) -> pgw::Task<> {
    co_await report.set_text("click " + std::to_string(static_cast<int>(e.x)) + " " + std::to_string(static_cast<int>(e.y)));
  });
  image.on_key_down([report](pgw::KeyEvent e) -> pgw::Task<> { co_await report.set_text("key " + e.key); });
}

}  // namespace

int main(int argc, char** argv) { return example::serve(argc, argv, setup); }
