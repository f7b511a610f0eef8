// The handler shapes that must compile, and the seed's calls under g++ 12:
// designated options next to positional overloads, without ambiguity.
#include <pgwidgets/pgwidgets.hpp>

pgw::Task<> f(pgw::Session& session) {
  auto Widgets = session.get_widgets();
  auto top = co_await Widgets.TopLevel({.title = "x"});
  auto top2 = co_await Widgets.TopLevel({.title = "Async Demo", .resizable = true});
  auto label = co_await Widgets.Label("text");
  auto label2 = co_await Widgets.Label({.text = "text", .halign = pgw::HAlign::center});
  auto label3 = co_await Widgets.Label(std::string("text"), {.halign = pgw::HAlign::right});
  auto label4 = co_await Widgets.Label();
  auto vbox = co_await Widgets.VBox({.spacing = 8, .padding = 10});
  auto button = co_await Widgets.Button("Hello");
  auto entry = co_await Widgets.TextEntry({.text = "Type here", .linehistory = 5});
  button.on_activated([]() {});
  button.on_activated([label]() -> pgw::Task<> { co_await label.set_text("Hello!"); });
  entry.on_activated([](std::string) {});
  entry.on_activated([](const std::string&) {});
  entry.on_activated([](std::string&&) -> pgw::Task<> { co_return; });
  entry.on_activated([](const std::string) {});
  entry.on_activated([](auto text) { static_assert(std::is_same_v<decltype(text), std::string>); });
  entry.on_activated([](const auto& text) -> pgw::Task<> { (void)text; co_return; });
  entry.on_activated(std::function<void(std::string)>([](std::string) {}));
  entry.on_activated(+[](const std::string&) {});
  entry.on_activated([n = 0](std::string) mutable { ++n; });
  vbox.on_child_added([](pgw::Widget) {});
  top.on_move([](int, int) {});
  top.on_move([](const int&, int&&) noexcept {});
  top.on_move([](auto x, auto y) { static_assert(std::is_same_v<decltype(x + y), int>); });
  top.on_window_state([](pgw::WindowState) {});
  auto timer = co_await session.make_timer(std::chrono::milliseconds(5));
  timer.on_expired([](pgw::Timer::Duration) {});
  timer.on_cancelled([](auto elapsed) -> pgw::Task<> { (void)elapsed; co_return; });
  co_await top.set_widget(vbox);
  co_await vbox.add_widget(button, 0);
  (void)top2; (void)label2; (void)label3; (void)label4;
}

void g(pgw::Application& app) {
  app.on_connect([](pgw::Session&) {});
  app.on_connect(f);
  app.on_disconnect([](pgw::Session& s) -> pgw::Task<> { co_await s.close(); });
}
