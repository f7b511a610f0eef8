// The generated proxies alone, over a recording link: the exact bytes each
// call puts on the wire, options structs, typed handlers, local getters.
#include <catch2/catch.hpp>

#include <boost/asio/io_context.hpp>

#include "pgwidgets/schema_registry.hpp"
#include "pgwidgets/widgets.hpp"
#include "pgwidgets/widgets/base.pb.h"
#include "recording_fixture.hpp"
#include "recording_link.hpp"
#include "support/run_coro.hpp"

using pgw::test::RecordingLink;
using pgw::test::run_coro;

namespace {

std::string bytes(std::initializer_list<int> b) {
  std::string s;
  for (int c : b) s += static_cast<char>(c);
  return s;
}

using Fixture = pgw::test::RecordingFixture;

}  // namespace

TEST_CASE_METHOD(Fixture, "set_text encodes its argument as the schema's Text message") {
  auto label = run_coro(io, w.Label("x"));
  run_coro(io, label.set_text("Hello!"));
  REQUIRE(link->calls.size() == 1);
  CHECK(link->calls[0].method->id == pgw::detail::methods::Label_set_text.id);
  CHECK(link->calls[0].method->kind == pgw::detail::MethodKind::setter);
  // field 1, length-delimited (0x0a), 6 bytes
  CHECK(link->calls[0].args == "\x0a\x06Hello!");
}

TEST_CASE_METHOD(Fixture, "positional constructor arguments and options land in the constructor message") {
  auto button = run_coro(io, w.Button("OK"));
  REQUIRE(link->created.size() == 1);
  CHECK(link->created[0].cls == &pgw::detail::classes::Button);
  CHECK(link->created[0].args == "\x0a\x02OK");
  CHECK(button.id() == 1);

  run_coro(io, w.TextEntry({.text = "Type here", .linehistory = 5}));
  // text = 1 (string), linehistory = 3 (varint 5)
  CHECK(link->created[1].args == std::string("\x0a\x09Type here\x18\x05", 13));
}

TEST_CASE_METHOD(Fixture, "optional constructor fields with defaults are sent when given, even as false") {
  run_coro(io, w.TopLevel({.title = "T", .resizable = false}));
  // title = 1 "T"; resizable = 3 (optional, so false is sent: 0x18 0x00)
  CHECK(link->created[0].args == bytes({0x0a, 0x01, 'T', 0x18, 0x00}));
}

TEST_CASE_METHOD(Fixture, "setter options become setter calls after the creation, in struct order") {
  auto vbox = run_coro(io, w.VBox({.spacing = 8, .padding = 10}));
  REQUIRE(link->created.size() == 1);
  CHECK(link->created[0].args.empty());
  REQUIRE(link->calls.size() == 2);
  CHECK(link->calls[0].method == &pgw::detail::methods::Box_set_spacing);
  CHECK(link->calls[0].args == bytes({0x08, 0x08}));
  CHECK(link->calls[1].method == &pgw::detail::methods::Widget_set_padding);
  CHECK(link->calls[1].args == bytes({0x08, 0x0a}));  // left = 10; top/right/bottom absent
  CHECK(link->calls[0].widget == vbox.id());
}

TEST_CASE_METHOD(Fixture, "optional parameters are sent only when given") {
  auto label = run_coro(io, w.Label("x"));
  run_coro(io, label.set_padding(1, 2));
  CHECK(link->calls.back().args == bytes({0x08, 0x01, 0x10, 0x02}));
  run_coro(io, label.set_font("Mono", 12.5));
  CHECK(link->calls.back().args.substr(0, 6) == bytes({0x0a, 0x04, 'M', 'o', 'n', 'o'}));
  CHECK(link->calls.back().args.size() == 6 + 9);  // + double field: tag + 8 bytes
}

TEST_CASE_METHOD(Fixture, "child attachment passes the child id and its effect") {
  auto box = run_coro(io, w.HBox());
  auto button = run_coro(io, w.Button("b"));
  run_coro(io, box.add_widget(button, 2));
  const auto& call = link->calls.back();
  CHECK(call.method == &pgw::detail::methods::Box_add_widget);
  CHECK(call.args == bytes({0x08, static_cast<int>(button.id()), 0x10, 0x02}));
  CHECK(call.change.child == button.id());
  CHECK_FALSE(call.change.index.has_value());

  run_coro(io, box.insert_widget(0, button, 1));
  CHECK(link->calls.back().change.index == 0);
}

TEST_CASE_METHOD(Fixture, "set_color takes pgwidgets' order, background first, on Label and Button") {
  // Ported code says set_color(bg, fg); a swapped schema would paint the
  // text in the background color without any compiler noticing.
  auto label = run_coro(io, w.Label("x"));
  auto button = run_coro(io, w.Button("b"));
  run_coro(io, label.set_color("navy", "white"));
  run_coro(io, button.set_color("navy", "white"));
  REQUIRE(link->calls.size() == 2);
  CHECK(link->calls[0].method == &pgw::detail::methods::Label_set_color);
  CHECK(link->calls[1].method == &pgw::detail::methods::Button_set_color);
  for (const auto& call : link->calls) {
    pgwidgets::widgets::Colors colors;
    REQUIRE(colors.ParseFromString(call.args));
    CHECK(colors.bg() == "navy");
    CHECK(colors.fg() == "white");
  }
  // pgwidgets' set_color(fg=...) leaves the background alone: bg is not sent.
  run_coro(io, label.set_color(std::nullopt, "red"));
  pgwidgets::widgets::Colors fg_only;
  REQUIRE(fg_only.ParseFromString(link->calls.back().args));
  CHECK_FALSE(fg_only.has_bg());
  CHECK(fg_only.fg() == "red");
}

TEST_CASE_METHOD(Fixture, "Button::get_icon answers the last set_icon's url locally") {
  auto button = run_coro(io, w.Button("b"));
  CHECK(button.get_icon().empty());
  run_coro(io, button.set_icon("icons/ok.svg", 24));
  // url = 1, width = 2 (24); height absent
  CHECK(link->calls.back().args == std::string("\x0a\x0cicons/ok.svg\x10\x18", 16));
  const auto calls = link->calls.size();
  CHECK(button.get_icon() == "icons/ok.svg");
  CHECK(link->calls.size() == calls);  // no round trip
  run_coro(io, button.set_icon(""));
  CHECK(button.get_icon().empty());
}

TEST_CASE_METHOD(Fixture, "pgwidgets' optional arguments may be left out: stretch, destroy") {
  auto box = run_coro(io, w.VBox());
  auto label = run_coro(io, w.Label("x"));
  run_coro(io, box.add_widget(label));
  CHECK(link->calls.back().args == bytes({0x08, static_cast<int>(label.id())}));
  run_coro(io, box.remove_widget(label, true));
  CHECK(link->calls.back().method == &pgw::detail::methods::Container_remove_widget);
  CHECK(link->calls.back().change.destroy);
  run_coro(io, box.remove(label));
  CHECK_FALSE(link->calls.back().change.destroy);
}

TEST_CASE_METHOD(Fixture, "TopLevel::set_moveable is recorded like the constructor's moveable") {
  auto top = run_coro(io, w.TopLevel({.title = "T", .moveable = false}));
  run_coro(io, top.set_moveable(true));
  CHECK(link->calls.back().method == &pgw::detail::methods::TopLevel_set_moveable);
  CHECK(link->calls.back().method->kind == pgw::detail::MethodKind::setter);
  CHECK(link->calls.back().args == bytes({0x08, 0x01}));
}

TEST_CASE_METHOD(Fixture, "a widget argument from another session or an empty handle is refused") {
  auto box = run_coro(io, w.HBox());
  auto other_link = std::make_shared<RecordingLink>();
  auto foreign = run_coro(io, pgw::Widgets(other_link).Button("b"));
  CHECK_THROWS_AS(run_coro(io, box.add_widget(foreign, 0)), std::invalid_argument);
  CHECK_THROWS_AS(run_coro(io, box.add_widget(pgw::Widget{}, 0)), std::invalid_argument);
  CHECK_THROWS_AS(run_coro(io, pgw::Label{}.set_text("x")), std::logic_error);
}

TEST_CASE_METHOD(Fixture, "getters of tracked state answer locally: setter, then constructor, then default") {
  auto label = run_coro(io, w.Label("first"));
  CHECK(label.get_text() == "first");       // from the constructor
  CHECK(label.get_halign() == pgw::HAlign::left);  // the schema default
  run_coro(io, label.set_text("second"));
  CHECK(label.get_text() == "second");      // from the recorded setter
  CHECK(label.get_enabled() == true);       // default "true" in the schema
  run_coro(io, label.set_enabled(false));
  CHECK(label.get_enabled() == false);
  CHECK(label.get_expanding() == pgw::Expanding{false, false});
  const auto calls = link->calls.size();
  (void)label.get_text();
  CHECK(link->calls.size() == calls);       // no round trip
}

TEST_CASE_METHOD(Fixture, "browser queries decode the reply") {
  auto label = run_coro(io, w.Label("x"));
  link->reply = bytes({0x08, 0x0c, 0x10, 0x22});  // Position{x = 12, y = 34}
  auto pos = run_coro(io, label.get_position());
  CHECK(pos == pgw::Position{12, 34});
  link->reply = bytes({0x08, 0x01});
  CHECK(run_coro(io, label.is_visible()) == true);
}

TEST_CASE_METHOD(Fixture, "typed handlers: plain and coroutine, in registration order, with decoded arguments") {
  auto entry = run_coro(io, w.TextEntry());
  std::vector<std::string> seen;
  entry.on_activated([&](std::string text) { seen.push_back("plain:" + text); });
  entry.on_activated([&](const std::string& text) -> pgw::Task<> {
    seen.push_back("coro:" + text);
    co_return;
  });
  auto& handlers = link->handlers[{entry.id(), pgw::detail::callbacks::TextEntry_activated.id}];
  REQUIRE(handlers.size() == 2);
  for (auto& h : handlers) run_coro(io, h("\x0a\x03" "abc"));
  CHECK(seen == std::vector<std::string>{"plain:abc", "coro:abc"});
}

TEST_CASE_METHOD(Fixture, "callback arguments that are widgets arrive as handles of the same session") {
  auto box = run_coro(io, w.VBox());
  auto child = run_coro(io, w.Label("c"));
  pgw::Widget got;
  box.on_child_added([&](pgw::Widget w) { got = w; });
  auto& h = link->handlers[{box.id(), pgw::detail::callbacks::Container_child_added.id}][0];
  run_coro(io, h(bytes({0x08, static_cast<int>(child.id())})));
  CHECK(got == child);
}

TEST_CASE_METHOD(Fixture, "a callback whose bytes do not decode raises ProtocolError") {
  auto entry = run_coro(io, w.TextEntry());
  entry.on_activated([](std::string) {});
  auto& h = link->handlers[{entry.id(), pgw::detail::callbacks::TextEntry_activated.id}][0];
  CHECK_THROWS_AS(run_coro(io, h("\xff\xff\xff")), pgw::ProtocolError);
}

TEST_CASE("handles are cheap values: copyable, default-constructible, comparable") {
  STATIC_REQUIRE(std::is_nothrow_default_constructible_v<pgw::Label>);
  STATIC_REQUIRE(std::is_copy_constructible_v<pgw::Label>);
  STATIC_REQUIRE(std::is_convertible_v<pgw::Label, pgw::Widget>);
  STATIC_REQUIRE(sizeof(pgw::Label) <= sizeof(void*) * 3 + sizeof(pgw::WidgetId));
  pgw::Label empty;
  CHECK_FALSE(empty);
  CHECK(empty == pgw::Label{});
}

TEST_CASE_METHOD(Fixture, "handles compare equal exactly when they name the same widget of the same session") {
  auto a = run_coro(io, w.Label("a"));
  auto b = run_coro(io, w.Label("b"));
  pgw::Label a_copy = a;
  pgw::Widget a_as_widget = a;
  CHECK(a == a_copy);
  CHECK(a_as_widget == a);
  CHECK_FALSE(a == b);
  CHECK(a != b);
  CHECK_FALSE(a == pgw::Label{});
  // The same id in another session is another widget.
  Fixture other;
  auto other_a = run_coro(other.io, other.w.Label("a"));
  REQUIRE(other_a.id() == a.id());
  CHECK_FALSE(other_a == a);
}

TEST_CASE("schema ids are found by id in the registry") {
  using namespace pgw::detail;
  for (const MethodInfo* m : method_table) CHECK(find_method(m->id) == m);
  for (const CallbackInfo* cb : callback_table) CHECK(find_callback(cb->id) == cb);
  for (const ClassInfo* c : class_table) CHECK(find_class(c->id) == c);
  CHECK(find_class(0) == nullptr);
  CHECK(classes::Widget.base == 0);
  CHECK(find_class(classes::VBox.base) == &classes::Box);
  CHECK(methods::Label_get_text.kind == MethodKind::getter);
  CHECK(methods::TextEntry_get_text.kind == MethodKind::query);
}
