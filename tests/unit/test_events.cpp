// Pointer and keyboard events (the InteractiveEvents trait on Label) and
// callbacks whose handler shape depends on a bool constructor option
// (option_handler.hpp): typed records reach typed handlers, a handler on a
// label created without `interactive` is an error the user sees, a
// malformed event is reported and loses nothing, and a handler of the wrong
// shape for the widget's option is refused, never dropped silently.
#include <catch2/catch.hpp>

#include <string>
#include <tuple>
#include <vector>

#include "pgwidgets/option_handler.hpp"
#include "pgwidgets/protocol.pb.h"
#include "pgwidgets/widgets/display.pb.h"
#include "pgwidgets/widgets/events.pb.h"
#include "session_fixture.hpp"

using namespace pgw::test;
namespace ids = pgw::detail;
namespace pbw = pgwidgets::widgets;

namespace {

std::string pointer_bytes(double x, double y, int button, int mask, bool ctrl, bool shift) {
  pbw::PointerEventArg a;
  auto* e = a.mutable_event();
  e->set_x(x);
  e->set_y(y);
  e->set_viewport_x(x + 100);
  e->set_viewport_y(y + 50);
  e->set_button_trigger(button);
  e->set_button_mask(mask);
  e->mutable_modifiers()->set_ctrl(ctrl);
  e->mutable_modifiers()->set_shift(shift);
  e->set_pointer_type("mouse");
  e->set_is_primary(true);
  return a.SerializeAsString();
}

std::string key_bytes(const char* key, const char* code, bool alt) {
  pbw::KeyEventArg a;
  a.mutable_event()->set_key(key);
  a.mutable_event()->set_keycode(code);
  a.mutable_event()->mutable_modifiers()->set_alt(alt);
  return a.SerializeAsString();
}

bool listened(const std::vector<pgwidgets::ServerMessage>& messages, pgw::WidgetId widget, std::uint32_t callback) {
  for (const auto& m : messages) {
    if (m.has_listen() && m.listen().widget_id() == widget && m.listen().callback_id() == callback) return true;
  }
  return false;
}

}  // namespace

TEST_CASE_METHOD(SessionFixture, "events: an interactive label's pointer and key events reach typed handlers") {
  auto W = session->get_widgets();
  auto label = run_coro(io, W.Label("press", {.interactive = true}));
  std::vector<pgw::PointerEvent> clicks;
  std::vector<pgw::KeyEvent> keys;
  std::vector<pgw::DropEvent> drops;
  label.on_click([&](pgw::PointerEvent e) { clicks.push_back(e); });
  label.on_key_down([&](const pgw::KeyEvent& e) -> pgw::Task<> {
    keys.push_back(e);
    co_return;
  });
  label.on_drop_start([&](pgw::DropEvent e) { drops.push_back(std::move(e)); });
  drain(io);
  CHECK(errors.empty());
  CHECK(listened(messages(), label.id(), ids::callbacks::Label_click.id));
  CHECK(listened(messages(), label.id(), ids::callbacks::Label_key_down.id));

  pbw::DropEventArg drop;
  drop.mutable_event()->add_types("Files");
  auto* file = drop.mutable_event()->add_files();
  file->set_name("a.txt");
  file->set_type("text/plain");
  file->set_size(5'000'000'000);  // over 4 GiB: an int64
  receive({callback(label.id(), ids::callbacks::Label_click.id, pointer_bytes(3.5, 4, 1, 0, true, false)),
           callback(label.id(), ids::callbacks::Label_key_down.id, key_bytes("a", "KeyA", true)),
           callback(label.id(), ids::callbacks::Label_drop_start.id, drop.SerializeAsString())});
  drain(io);
  REQUIRE(clicks.size() == 1);
  CHECK(clicks[0].x == 3.5);
  CHECK(clicks[0].y == 4);
  CHECK(clicks[0].viewport_x == 103.5);
  CHECK(clicks[0].button_trigger == 1);
  CHECK(clicks[0].modifiers == pgw::Modifiers{.alt = false, .ctrl = true, .shift = false, .meta = false});
  CHECK(clicks[0].pointer_type == "mouse");
  CHECK(clicks[0].is_primary);
  REQUIRE(keys.size() == 1);
  CHECK(keys[0].key == "a");
  CHECK(keys[0].keycode == "KeyA");
  CHECK(keys[0].modifiers.alt);
  REQUIRE(drops.size() == 1);
  CHECK(drops[0].types == std::vector<std::string>{"Files"});
  CHECK(drops[0].files == std::vector<pgw::DroppedFile>{{.name = "a.txt", .type = "text/plain", .size = 5'000'000'000}});
  CHECK(errors.empty());
}

TEST_CASE_METHOD(SessionFixture, "events: a handler on a label created without interactive is reported, not registered, and the setup goes on") {
  std::vector<std::string> after;
  auto setup = [&]() -> pgw::Task<> {
    auto W = session->get_widgets();
    auto plain = co_await W.Label("plain");
    plain.on_click([&](pgw::PointerEvent) { after.push_back("clicked"); });  // would never fire
    after.push_back("done");
  };
  run_coro(io, setup());
  drain(io);
  CHECK(after == std::vector<std::string>{"done"});
  REQUIRE(errors.size() == 1);
  const std::string text = error_text<std::invalid_argument>(errors[0]);
  CHECK_THAT(text, Catch::Contains("pgw::Label::on_click") && Catch::Contains("created without `interactive`") &&
                       Catch::Contains("{.interactive = true}") && Catch::Contains("not registered"));
  for (const auto& m : messages()) CHECK_FALSE(m.has_listen());  // the page is not asked to listen
}

TEST_CASE_METHOD(SessionFixture, "events: a malformed event is reported, the handler is not run, and the next one arrives") {
  auto W = session->get_widgets();
  auto label = run_coro(io, W.Label("x", {.interactive = true}));
  std::vector<double> xs;
  label.on_pointer_down([&](pgw::PointerEvent e) { xs.push_back(e.x); });
  receive({callback(label.id(), ids::callbacks::Label_pointer_down.id, std::string("\x0a\xff\xff", 3))});
  drain(io);
  CHECK(xs.empty());
  CHECK(!errors.empty());
  receive({callback(label.id(), ids::callbacks::Label_pointer_down.id, pointer_bytes(7, 8, 1, 1, false, false))});
  drain(io);
  CHECK(xs == std::vector<double>{7});
  CHECK(closes.empty());
}

TEST_CASE("events: latest-value reports are coalesced, acts never") {
  CHECK(ids::callbacks::Label_pointer_move.coalesce);
  CHECK(ids::callbacks::Label_scroll.coalesce);
  CHECK(ids::callbacks::Label_drag_over.coalesce);
  for (const auto* act : {&ids::callbacks::Label_click, &ids::callbacks::Label_key_down, &ids::callbacks::Label_key_press,
                          &ids::callbacks::Label_pointer_down, &ids::callbacks::Label_drop_start,
                          &ids::callbacks::Label_drop_end, &ids::callbacks::Label_focus_in}) {
    CHECK_FALSE(act->coalesce);
  }
}

// The run-time half of `with_option` (codegen/tests/test_option_callbacks.py
// has the compile-time half on a test-only MenuAction-like class). Here the
// option is Label's `interactive` (constructor field 3), and the callback
// carries (text, flag) with `flag` marked: the handler takes (text, flag)
// on a widget created with the option, (text) without it.
namespace {

using Full = std::tuple<std::string, bool>;
Full decode_text_flag(pgw::detail::SessionLink&, std::string_view bytes) {
  return {std::string(bytes.substr(1)), !bytes.empty() && bytes[0] == '1'};
}

template <class F>
pgw::detail::RawHandler shaped(pgw::detail::SessionLink& link, pgw::WidgetId widget, F handler) {
  constexpr auto shape = pgw::detail::option_handler_shape<F, Full, std::tuple<std::string>>();
  static_assert(shape != pgw::detail::OptionShape::invalid);
  const bool on = pgw::detail::ctor_bool(link, widget, 3, false);
  return pgw::detail::make_option_handler<shape>(&decode_text_flag, std::index_sequence<0>{}, link, on,
                                                 std::move(handler), "pgw::Test::on_flagged", "interactive",
                                                 "(std::string text, bool flag)", "(std::string text)");
}

}  // namespace

TEST_CASE("option handlers: the compiler tells the two shapes apart") {
  using pgw::detail::OptionShape;
  using pgw::detail::option_handler_shape;
  using Short = std::tuple<std::string>;
  auto with = [](std::string, bool) {};
  auto without = [](const std::string&) {};
  auto generic = [](auto&&...) {};
  auto wrong = [](std::string, int) {};
  STATIC_REQUIRE(option_handler_shape<decltype(with), Full, Short>() == OptionShape::with);
  STATIC_REQUIRE(option_handler_shape<decltype(without), Full, Short>() == OptionShape::without);
  STATIC_REQUIRE(option_handler_shape<decltype(generic), Full, Short>() == OptionShape::generic);
  STATIC_REQUIRE(option_handler_shape<decltype(wrong), Full, Short>() == OptionShape::invalid);
}

TEST_CASE_METHOD(SessionFixture, "option handlers: each shape gets its arguments on a widget of the matching option") {
  auto W = session->get_widgets();
  auto on = run_coro(io, W.Label("on", {.interactive = true}));
  auto off = run_coro(io, W.Label("off"));
  std::vector<std::string> got;
  auto full = shaped(*core, on.id(), [&](std::string text, bool flag) { got.push_back(text + (flag ? "+" : "-")); });
  auto part = shaped(*core, off.id(), [&](std::string text) { got.push_back(text); });
  auto any_on = shaped(*core, on.id(), [&](auto... args) { got.push_back("generic " + std::to_string(sizeof...(args))); });
  auto any_off = shaped(*core, off.id(), [&](auto... args) { got.push_back("generic " + std::to_string(sizeof...(args))); });
  REQUIRE(full);
  REQUIRE(part);
  REQUIRE(any_on);
  REQUIRE(any_off);
  run_coro(io, full("1a"));
  run_coro(io, part("0b"));
  run_coro(io, any_on("1c"));
  run_coro(io, any_off("0d"));
  CHECK(got == std::vector<std::string>{"a+", "b", "generic 2", "generic 1"});
  CHECK(errors.empty());
}

TEST_CASE_METHOD(SessionFixture, "option handlers: a shape that does not match the widget's option is reported, not registered") {
  auto W = session->get_widgets();
  auto on = run_coro(io, W.Label("on", {.interactive = true}));
  auto off = run_coro(io, W.Label("off"));
  CHECK_FALSE(shaped(*core, on.id(), [](std::string) {}));
  CHECK_FALSE(shaped(*core, off.id(), [](std::string, bool) {}));
  REQUIRE(errors.size() == 2);
  CHECK_THAT(error_text<std::invalid_argument>(errors[0]),
             Catch::Contains("pgw::Test::on_flagged") && Catch::Contains("created with `interactive` = true") &&
                 Catch::Contains("must take (std::string text, bool flag)") && Catch::Contains("not registered"));
  CHECK_THAT(error_text<std::invalid_argument>(errors[1]),
             Catch::Contains("created without `interactive`") && Catch::Contains("must take (std::string text)"));
}
