// The program behind browser/video.test.mjs: a VideoWidget playing a clip
// the program serves (Application::serve_file: --media DIR at /media),
// buttons for its methods, and two labels: the callbacks it got, in order
// ("events"), and what the getters answered ("getters").
//   video_app --media DIR [example flags]
#include <array>
#include <cmath>
#include <cstdio>
#include <cstring>
#include <string>
#include <vector>

#include <pgwidgets/pgwidgets.hpp>

#include "example_args.hpp"

namespace {

std::string number(double v) {
  if (std::isnan(v)) return "nan";
  if (std::isinf(v)) return "inf";
  char text[32];
  std::snprintf(text, sizeof text, "%.2f", v);
  return text;
}

pgw::Task<> setup(pgw::Session& session) {
  auto w = session.get_widgets();
  auto top = co_await w.TopLevel({.title = "Video test", .resizable = true});
  co_await top.set_position(10, 10);
  co_await top.resize(700, 520);
  auto vbox = co_await w.VBox({.spacing = 4, .padding = 6});
  auto video = co_await w.VideoWidget({.controls = true, .muted = false});
  auto events = co_await w.Label("", {.tooltip = "events"});
  auto getters = co_await w.Label("", {.tooltip = "getters"});
  auto hbox = co_await w.HBox({.spacing = 4});
  auto load = co_await w.Button("Load");
  auto bad = co_await w.Button("Bad");
  auto play = co_await w.Button("Play");
  auto pause = co_await w.Button("Pause");
  auto stop = co_await w.Button("Stop");
  auto volume = co_await w.Button("Volume");
  auto query = co_await w.Button("Query");
  const std::array<pgw::Button, 7> buttons{load, bad, play, pause, stop, volume, query};
  for (const auto& b : buttons) co_await hbox.add_widget(b);
  co_await vbox.add_widget(video, 1);
  co_await vbox.add_widget(hbox);
  co_await vbox.add_widget(events);
  co_await vbox.add_widget(getters);
  co_await top.set_widget(vbox);
  co_await top.show();

  // The callbacks, in order; timeupdates counted, not listed.
  auto log = std::make_shared<std::string>();
  auto ticks = std::make_shared<int>(0);
  auto add = [events, log, ticks](std::string what) -> pgw::Task<> {
    *log += what + " ";
    const std::string text = *log + "| ticks " + std::to_string(*ticks);
    co_await events.set_text(text);
  };
  video.on_play([add]() -> pgw::Task<> { co_await add("play"); });
  video.on_pause([add]() -> pgw::Task<> { co_await add("pause"); });
  video.on_ended([add]() -> pgw::Task<> { co_await add("ended"); });
  video.on_error([add](std::string message) -> pgw::Task<> {
    const std::string what = message.empty() ? std::string("error(?)") : std::string("error(msg)");
    co_await add(what);
  });
  video.on_timeupdate([events, log, ticks](double t, double d) -> pgw::Task<> {
    ++*ticks;
    const std::string text = *log + "| ticks " + std::to_string(*ticks) + " at " + number(t) + " of " + number(d);
    co_await events.set_text(text);
  });
  video.on_volumechange([add](double v, bool muted) -> pgw::Task<> {
    const std::string what = "volume(" + number(v) + (muted ? ",muted)" : ")");
    co_await add(what);
  });

  load.on_activated([video]() -> pgw::Task<> { co_await video.set_url("/media/clip.webm"); });
  bad.on_activated([video]() -> pgw::Task<> { co_await video.set_url("/media/no-such-clip.webm"); });
  play.on_activated([video]() -> pgw::Task<> { co_await video.play(); });
  pause.on_activated([video]() -> pgw::Task<> { co_await video.pause(); });
  stop.on_activated([video]() -> pgw::Task<> { co_await video.stop(); });
  volume.on_activated([video]() -> pgw::Task<> {
    co_await video.set_volume(0.5);
    co_await video.set_loop(true);
  });
  query.on_activated([video, getters]() -> pgw::Task<> {
    const double t = co_await video.get_current_time();
    const double d = co_await video.get_duration();
    const bool paused = co_await video.get_paused();
    const double v = co_await video.get_volume();
    const bool muted = co_await video.get_muted();
    const std::string text = "time " + number(t) + " duration " + number(d) + " paused " + (paused ? "1" : "0") +
                             " volume " + number(v) + " muted " + (muted ? "1" : "0") + " loop " +
                             (video.get_loop() ? "1" : "0") + " controls " + (video.get_controls() ? "1" : "0");
    co_await getters.set_text(text);
  });
}

}  // namespace

int main(int argc, char** argv) {
  std::vector<char*> rest{argv[0]};
  std::string media;
  for (int i = 1; i < argc; ++i) {
    if (std::strcmp(argv[i], "--media") == 0 && i + 1 < argc) {
      media = argv[++i];
    } else {
      rest.push_back(argv[i]);
    }
  }
  pgw::ApplicationOptions options;
  example::parse_args(static_cast<int>(rest.size()), rest.data(), options);
  return pgw::run([&]() -> pgw::Task<> {
    pgw::Application app(options);
    if (!media.empty()) app.serve_file("/media", media);
    app.on_connect(setup);
    co_await app.start();
    std::printf("%s\n", app.url().c_str());
    std::fflush(stdout);
    co_await app.run();
  }());
}
