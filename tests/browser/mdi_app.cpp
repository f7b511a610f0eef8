// The program behind browser/mdi.test.mjs: an MDIWidget with two
// sub-windows, made by add_widget, resistance 0.5 (a button locks it). Each handler writes what it received and what the
// sub-window's getters answer (plain calls: answered by the server, no
// round trip) into a Label the test reads.
#include <cstdio>
#include <string>

#include <pgwidgets/pgwidgets.hpp>

#include "example_args.hpp"

namespace {

std::string geometry(const pgw::MDISubWindow& sub) {
  const auto p = sub.get_window_position();
  const auto s = sub.get_window_size();
  return std::to_string(p.x) + " " + std::to_string(p.y) + " " + std::to_string(s.width) + " " +
         std::to_string(s.height) + " " + std::string(pgw::to_string(sub.get_window_state()));
}

pgw::Task<> setup(pgw::Session& session) {
  auto w = session.get_widgets();
  auto top = co_await w.TopLevel({.title = "MDI test", .resizable = true});
  co_await top.set_position(10, 10);
  co_await top.resize(760, 560);
  auto vbox = co_await w.VBox({.spacing = 4, .padding = 6});
  auto mdi = co_await w.MDIWidget({.resistance = 0.5});
  auto report = co_await w.Label("none", {.tooltip = "what the handlers got"});
  auto page = co_await w.Label("no page");
  co_await vbox.add_widget(mdi, 1);
  co_await vbox.add_widget(report);
  co_await vbox.add_widget(page);
  auto lock = co_await w.Button("Lock the workspace");
  co_await vbox.add_widget(lock);
  co_await top.set_widget(vbox);

  // add_widget creates each sub-window around its content, as pgwidgets'
  // does; Doc B keeps the default size (300 x 300).
  auto doc_a = co_await mdi.add_widget(co_await w.Label("Document A"),
                                       {.title = "Doc A", .width = 260, .height = 180, .x = 20, .y = 20});
  auto doc_b = co_await mdi.add_widget(co_await w.Label("Document B"), {.title = "Doc B", .x = 330, .y = 60, .shadeable = false});
  co_await top.show();

  doc_a.on_move([doc_a, report](int x, int y) -> pgw::Task<> {
    co_await report.set_text("move " + std::to_string(x) + " " + std::to_string(y) + " | " + geometry(doc_a));
  });
  doc_a.on_resized([doc_a, report](int width, int height) -> pgw::Task<> {
    co_await report.set_text("resized " + std::to_string(width) + " " + std::to_string(height) + " | " +
                             geometry(doc_a));
  });
  doc_a.on_window_state([doc_a, report](pgw::WindowState state) -> pgw::Task<> {
    co_await report.set_text("state " + std::string(pgw::to_string(state)) + " | " + geometry(doc_a));
  });
  doc_b.on_close([doc_b, report]() -> pgw::Task<> { co_await report.set_text("closed Doc B"); });
  mdi.on_scrolled([mdi, report, calls = 0](double h, double v) mutable -> pgw::Task<> {
    const auto p = mdi.get_scroll_position();
    char text[128];
    std::snprintf(text, sizeof text, "scrolled %d %.4f %.4f | %.4f %.4f", ++calls, h, v, p.h_pct, p.v_pct);
    co_await report.set_text(text);
  });
  lock.on_activated([mdi, report]() -> pgw::Task<> {
    co_await mdi.set_resistance(1.0);
    co_await report.set_text("resistance " + std::to_string(mdi.get_resistance()));
  });
  mdi.on_page_switch([page, doc_a](pgw::Widget child) -> pgw::Task<> {
    const auto kids = doc_a.get_child();
    const bool is_a = !kids.empty() && kids.front().id() == child.id();
    co_await page.set_text(std::string("page ") + (is_a ? "Doc A" : "other"));
  });
}

}  // namespace

int main(int argc, char** argv) { return example::serve(argc, argv, setup); }
