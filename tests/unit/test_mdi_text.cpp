// MDI sub-windows, TextArea and StatusBar on the server: what the page
// reports answers their getters, and a rebuild gives it back after the
// child lists (the sub-window inside its workspace, its content inside it).
#include <catch2/catch.hpp>

#include <algorithm>
#include <cmath>

#include "pgwidgets/protocol.pb.h"
#include "pgwidgets/schema_registry.hpp"
#include "pgwidgets/widgets/base.pb.h"
#include "pgwidgets/widgets/containers.pb.h"
#include "pgwidgets/widgets/layout.pb.h"
#include "pgwidgets/widgets/mdi.pb.h"
#include "message_outline.hpp"
#include "session_fixture.hpp"

using namespace pgw::test;
namespace ids = pgw::detail;

namespace {

template <class Message>
std::string encoded(const Message& m) {
  return m.SerializeAsString();
}

}  // namespace

TEST_CASE_METHOD(SessionFixture, "mdi: a sub-window's getters answer what the page reported, and a rebuild restores it") {
  auto w = session->get_widgets();
  auto mdi = run_coro(io, w.MDIWidget());                          // 1
  auto content = run_coro(io, w.Label("inside"));                  // 2
  auto sub = run_coro(io, mdi.add_widget(content, {.title = "Doc"}));  // 3
  drain(io);
  // Before any report: the constructor's title, the starting size, no place yet.
  CHECK(sub.get_title() == "Doc");
  CHECK(sub.get_window_size().width == 300);
  CHECK(sub.get_window_size().height == 300);
  CHECK(sub.get_window_state() == pgw::WindowState::normal);

  pgwidgets::widgets::Position p;
  p.set_x(70);
  p.set_y(40);
  pgwidgets::widgets::Size s;
  s.set_width(310);
  s.set_height(210);
  pgwidgets::widgets::WindowStateArg st;
  st.set_state(pgwidgets::widgets::WINDOW_STATE_MAXIMIZED);
  receive({callback(sub.id(), ids::callbacks::MDISubWindow_move.id, encoded(p)),
           callback(sub.id(), ids::callbacks::MDISubWindow_resized.id, encoded(s)),
           callback(sub.id(), ids::callbacks::MDISubWindow_window_state.id, encoded(st))});
  drain(io);
  CHECK(errors.empty());
  CHECK(sub.get_window_position().x == 70);
  CHECK(sub.get_window_position().y == 40);
  CHECK(sub.get_window_size().width == 310);
  CHECK(sub.get_window_size().height == 210);
  CHECK(sub.get_window_state() == pgw::WindowState::maximized);
  REQUIRE(mdi.get_subwindows().size() == 1);
  CHECK(mdi.get_subwindows()[0].id() == sub.id());
  REQUIRE(sub.get_child().size() == 1);
  CHECK(sub.get_child()[0].id() == content.id());

  std::vector<std::string> second;
  std::vector<std::pair<int, std::string>> closed;
  core->attach(2, sink_into(second, closed), 2, 0, 800, 600, true);
  CHECK(outline(flatten(second)) == std::vector<std::string>{
                                        "create 1 MDIWidget",
                                        "create 2 Label",
                                        "create 3 MDISubWindow",
                                        "call 3 MDISubWindow.set_position",
                                        "call 3 Widget.resize",
                                        "call 1 MDIWidget.add_widget",
                                        "call 3 MDISubWindow.set_widget",
                                        "call 3 MDISubWindow.set_window_state",
                                    });
  core->detach(2, "done");
}

TEST_CASE_METHOD(SessionFixture, "mdi: the user's close hides a sub-window for good, also in a rebuild") {
  auto w = session->get_widgets();
  auto mdi = run_coro(io, w.MDIWidget());
  auto sub = run_coro(io, mdi.add_widget(run_coro(io, w.Label("x"))));
  receive({callback(sub.id(), ids::callbacks::MDISubWindow_close.id)});
  drain(io);
  CHECK(errors.empty());
  std::vector<std::string> second;
  std::vector<std::pair<int, std::string>> closed;
  core->attach(2, sink_into(second, closed), 2, 0, 800, 600, true);
  const auto rebuilt = outline(flatten(second));
  CHECK(rebuilt.back() == "call 3 MDISubWindow.close");
  core->detach(2, "done");
}

TEST_CASE_METHOD(SessionFixture, "text: typed TextArea text and a timed-out StatusBar message answer the getters locally") {
  auto w = session->get_widgets();
  auto area = run_coro(io, w.TextArea("start"));
  auto status = run_coro(io, w.StatusBar());
  run_coro(io, status.set_message("Saving", 0.5));
  drain(io);
  CHECK(area.get_text() == "start");
  CHECK(status.get_message() == "Saving");
  pgwidgets::widgets::Text typed;
  typed.set_text("start and more");
  receive({callback(area.id(), ids::callbacks::TextArea_changed.id, encoded(typed)),
           callback(status.id(), ids::callbacks::StatusBar_cleared.id)});
  drain(io);
  CHECK(errors.empty());
  CHECK(area.get_text() == "start and more");
  CHECK(status.get_message() == "");
  run_coro(io, area.clear());
  CHECK(area.get_text() == "");
}

TEST_CASE_METHOD(SessionFixture, "mdi: resistance and the scroll position are fractions the server keeps, and scrolled updates it") {
  auto w = session->get_widgets();
  auto mdi = run_coro(io, w.MDIWidget({.resistance = 0.25}));  // 1
  auto sub = run_coro(io, mdi.add_widget(run_coro(io, w.Label("x")), {.x = 900, .y = 20}));  // 3
  drain(io);
  // Before any call or report: the option's resistance, scrolled to the top left.
  CHECK(mdi.get_resistance() == 0.25);
  CHECK(mdi.get_scroll_position().h_pct == 0.0);
  CHECK(mdi.get_scroll_position().v_pct == 0.0);

  run_coro(io, mdi.set_resistance(0.75));
  run_coro(io, mdi.set_scroll_position(0.5, 0.0));
  CHECK(mdi.get_resistance() == 0.75);
  CHECK(mdi.get_scroll_position().h_pct == 0.5);

  // Outside 0..1, or NaN: an error at the call; nothing is sent or recorded.
  const auto sent = messages().size();
  CHECK_THROWS_AS(mdi.set_resistance(1.5), std::invalid_argument);
  CHECK_THROWS_AS(mdi.set_resistance(-0.1), std::invalid_argument);
  CHECK_THROWS_AS(mdi.set_scroll_position(0.2, std::nan("")), std::invalid_argument);
  CHECK_THROWS_WITH(mdi.set_scroll_position(2.0, 0.0),
                    Catch::Contains("MDIWidget::set_scroll_position") && Catch::Contains("h_pct is 2"));
  CHECK_THROWS_AS(w.MDIWidget({.resistance = 2.0}), std::invalid_argument);
  drain(io);
  CHECK(messages().size() == sent);
  CHECK(mdi.get_resistance() == 0.75);
  CHECK(mdi.get_scroll_position().h_pct == 0.5);

  // The user scrolled: the handler gets it, the getter answers it.
  std::vector<std::pair<double, double>> got;
  mdi.on_scrolled([&got](double h, double v) { got.emplace_back(h, v); });
  drain(io);
  pgwidgets::widgets::ScrollPercent pos;
  pos.set_h_pct(0.25);
  pos.set_v_pct(1.0);
  receive({callback(mdi.id(), ids::callbacks::MDIWidget_scrolled.id, encoded(pos))});
  drain(io);
  CHECK(errors.empty());
  CHECK(got == std::vector<std::pair<double, double>>{{0.25, 1.0}});
  CHECK(mdi.get_scroll_position().h_pct == 0.25);
  CHECK(mdi.get_scroll_position().v_pct == 1.0);

  // A rebuild sends the resistance with the setters and the scroll position
  // after the sub-windows are in (it needs them to reach that far).
  std::vector<std::string> second;
  std::vector<std::pair<int, std::string>> closed;
  core->attach(2, sink_into(second, closed), 2, 0, 800, 600, true);
  const auto all = flatten(second);
  const auto rebuilt = outline(all);
  const auto at = [&](const std::string& s) {
    return std::find(rebuilt.begin(), rebuilt.end(), s) - rebuilt.begin();
  };
  REQUIRE(at("call 1 MDIWidget.set_resistance") < static_cast<long>(rebuilt.size()));
  REQUIRE(at("call 1 MDIWidget.set_scroll_position") < static_cast<long>(rebuilt.size()));
  CHECK(at("call 1 MDIWidget.set_scroll_position") > at("call 1 MDIWidget.add_widget"));
  CHECK(at("call 1 MDIWidget.set_scroll_position") > at("call 3 MDISubWindow.set_widget"));
  for (const auto& m : all) {
    if (!m.has_call() || m.call().widget_id() != mdi.id()) continue;
    if (m.call().method_id() == ids::methods::MDIWidget_set_resistance.id) {
      pgwidgets::widgets::Resistance r;
      REQUIRE(r.ParseFromString(m.call().args()));
      CHECK(r.value() == 0.75);
    } else if (m.call().method_id() == ids::methods::MDIWidget_set_scroll_position.id) {
      pgwidgets::widgets::ScrollPercent q;
      REQUIRE(q.ParseFromString(m.call().args()));
      CHECK(q.h_pct() == 0.25);
      CHECK(q.v_pct() == 1.0);
    }
  }
  (void)sub;
  core->detach(2, "done");
}
