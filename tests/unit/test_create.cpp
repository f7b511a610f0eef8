// Methods that create widgets (schema kind CREATE): MDIWidget::add_widget
// creates the MDISubWindow around its content. The server allocates the
// id, records the widget like any creation (a rebuild gets it back), and
// refuses bad input at the call site without recording or sending anything.
#include <catch2/catch.hpp>

#include <stdexcept>

#include "pgwidgets/protocol.pb.h"
#include "pgwidgets/schema_registry.hpp"
#include "pgwidgets/widgets.hpp"
#include "pgwidgets/widgets/base.pb.h"
#include "pgwidgets/widgets/mdi.pb.h"
#include "recording_link.hpp"
#include "message_outline.hpp"
#include "session_fixture.hpp"

using namespace pgw::test;
namespace ids = pgw::detail;

namespace {

const pgwidgets::ServerMessage* find_call(const std::vector<pgwidgets::ServerMessage>& ms, std::uint32_t method) {
  for (const auto& m : ms) {
    if (m.has_call() && m.call().method_id() == method) return &m;
  }
  return nullptr;
}

std::vector<std::string> rebuild_of(SessionFixture& f) {
  std::vector<std::string> second;
  std::vector<std::pair<int, std::string>> closed;
  f.core->attach(2, SessionFixture::sink_into(second, closed), 2, 0, 800, 600, true);
  auto out = outline(SessionFixture::flatten(second));
  f.core->detach(2, "done");
  return out;
}

}  // namespace

TEST_CASE_METHOD(SessionFixture, "create: add_widget makes the sub-window around its content, placed and sized as given") {
  auto w = session->get_widgets();
  auto mdi = run_coro(io, w.MDIWidget());        // 1
  auto content = run_coro(io, w.Label("text"));  // 2
  pgw::MDISubWindow sub =
      run_coro(io, mdi.add_widget(content, {.title = "Notes", .width = 320, .height = 200, .x = 40, .y = 30}));
  drain(io);
  CHECK(sub.id() == 3);
  // Answered from the server's copy, without a round trip.
  CHECK(sub.get_title() == "Notes");
  CHECK(sub.get_window_size() == pgw::SubWindowSize{320, 200});
  CHECK(sub.get_window_position() == pgw::Position{40, 30});
  REQUIRE(mdi.get_subwindows().size() == 1);
  CHECK(mdi.get_subwindows()[0].id() == sub.id());
  REQUIRE(sub.get_child().size() == 1);
  CHECK(sub.get_child()[0].id() == content.id());

  // The page gets the creation, the content put in, then the workspace's
  // add_widget naming the new sub-window, in one frame.
  const auto sent = messages();
  CHECK(outline(sent) == std::vector<std::string>{"create 1 MDIWidget", "create 2 Label", "create 3 MDISubWindow",
                                                  "call 3 MDISubWindow.set_widget", "call 1 MDIWidget.add_widget"});
  pgwidgets::widgets::MDISubWindowArgs args;
  REQUIRE(args.ParseFromString(sent[2].create().args()));
  CHECK(args.title() == "Notes");
  CHECK(args.width() == 320);
  CHECK(args.height() == 200);
  CHECK((args.has_x() && args.x() == 40 && args.has_y() && args.y() == 30));
  CHECK(!args.has_shadeable());
  const auto* adopt = find_call(sent, ids::methods::MDIWidget_add_widget.id);
  REQUIRE(adopt != nullptr);
  pgwidgets::widgets::Child named;
  REQUIRE(named.ParseFromString(adopt->call().args()));
  CHECK(named.child() == sub.id());

  // A reloaded page gets it back: created with its arguments, then put in.
  CHECK(rebuild_of(*this) == std::vector<std::string>{"create 1 MDIWidget", "create 2 Label", "create 3 MDISubWindow",
                                                       "call 1 MDIWidget.add_widget", "call 3 MDISubWindow.set_widget"});
  CHECK(errors.empty());
}

TEST_CASE_METHOD(SessionFixture, "create: without options the sub-window has pgwidgets' defaults and no place") {
  auto w = session->get_widgets();
  auto mdi = run_coro(io, w.MDIWidget());
  auto sub = run_coro(io, mdi.add_widget(run_coro(io, w.Button("b"))));
  drain(io);
  CHECK(sub.get_title() == "");
  CHECK(sub.get_window_size() == pgw::SubWindowSize{300, 300});
  CHECK(sub.get_window_position() == pgw::Position{0, 0});
  pgwidgets::widgets::MDISubWindowArgs args;
  REQUIRE(args.ParseFromString(messages()[2].create().args()));
  CHECK((!args.has_x() && !args.has_y() && !args.has_width()));
  // Setter options of the created class are made as setter calls, as
  // Widgets::MDISubWindow's are.
  auto tipped = run_coro(io, mdi.add_widget(run_coro(io, w.Label("l")), {.title = "t", .tooltip = "tip"}));
  drain(io);
  CHECK(tipped.get_tooltip() == "tip");
}

TEST_CASE_METHOD(SessionFixture, "create: bad input is refused at the call and changes nothing") {
  auto w = session->get_widgets();
  auto mdi = run_coro(io, w.MDIWidget());                                    // 1
  auto sub = run_coro(io, mdi.add_widget(run_coro(io, w.Label("a"))));      // 2, 3
  auto top = run_coro(io, w.TopLevel());                                     // 4
  auto lone = run_coro(io, w.Label("lone"));                                 // 5
  drain(io);
  frames.clear();
  const auto before = core->children(mdi.id());

  auto refused = [&](pgw::Task<pgw::MDISubWindow> call, std::string_view says) {
    try {
      run_coro(io, std::move(call));
      FAIL("not refused");
    } catch (const std::invalid_argument& e) {
      CHECK_THAT(e.what(), Catch::Contains(std::string(says)));
    }
  };
  // A sub-window as the content (through a plain Widget handle: the
  // typed handle does not compile), a window, the workspace itself.
  refused(mdi.add_widget(pgw::Widget(sub)), "creates the MDISubWindow around its content");
  refused(mdi.add_widget(top), "is a window");
  refused(mdi.add_widget(mdi), "its own descendant");
  drain(io);
  CHECK(frames.empty());
  CHECK(core->children(mdi.id()) == before);
  // Nothing was allocated: the next widget gets the next id.
  auto next = run_coro(io, w.Label("next"));
  CHECK(next.id() == 6);

  // A destroyed workspace or content.
  run_coro(io, lone.destroy());
  refused(mdi.add_widget(lone), "was destroyed");
  run_coro(io, mdi.destroy());
  refused(mdi.add_widget(next), "was destroyed");
  CHECK(errors.empty());
}

TEST_CASE_METHOD(SessionFixture, "create: a created widget is forgotten with its parent, or when destroyed") {
  auto w = session->get_widgets();
  auto mdi = run_coro(io, w.MDIWidget());
  auto a = run_coro(io, mdi.add_widget(run_coro(io, w.Label("a"))));
  auto b = run_coro(io, mdi.add_widget(run_coro(io, w.Label("b"))));
  run_coro(io, a.destroy());
  REQUIRE(mdi.get_subwindows().size() == 1);
  CHECK(mdi.get_subwindows()[0].id() == b.id());
  CHECK_THROWS_AS(run_coro(io, a.set_title("gone")), std::invalid_argument);
  run_coro(io, mdi.destroy());
  CHECK_THROWS_AS(run_coro(io, b.set_title("gone")), std::invalid_argument);
  drain(io);
  CHECK(rebuild_of(*this).empty());
  CHECK(errors.empty());
}

TEST_CASE("create: the proxy hands the link the created class, its arguments and the content's attach") {
  boost::asio::io_context io;
  auto link = std::make_shared<RecordingLink>();
  pgw::Widgets w{link};
  auto mdi = run_coro(io, w.MDIWidget());
  auto label = run_coro(io, w.Label("x"));
  auto sub = run_coro(io, mdi.add_widget(label, {.title = "T", .shadeable = false}));
  REQUIRE(link->made_in.size() == 1);
  const auto& made = link->made_in[0];
  CHECK(made.owner == mdi.id());
  CHECK(made.method == &ids::methods::MDIWidget_add_widget);
  CHECK(made.id == sub.id());
  CHECK(made.child == label.id());
  CHECK(made.child_into == &ids::methods::MDISubWindow_set_widget);
  pgwidgets::widgets::Child into;
  REQUIRE(into.ParseFromString(made.child_args));
  CHECK(into.child() == label.id());
  CHECK(link->created.back().cls == &ids::classes::MDISubWindow);
  pgwidgets::widgets::MDISubWindowArgs args;
  REQUIRE(args.ParseFromString(link->created.back().args));
  CHECK(args.title() == "T");
  CHECK((args.has_shadeable() && !args.shadeable()));
}
