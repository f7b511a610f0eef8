// pgw::testing's own tests: finding widgets, each user action, what the
// user sees, the page's answers, time, and the failures a test gets.
#include <catch2/catch.hpp>

#include <chrono>
#include <cstdio>
#include <string>
#include <vector>

#include <pgwidgets/testing.hpp>

#include "pgwidgets/widgets/base.pb.h"

using pgw::testing::Failure;
using pgw::testing::TestSession;
using Catch::Matchers::Contains;

namespace {

// A window holding a VBox of whatever `fill` adds.
struct Page {
  pgw::TopLevel top;
  pgw::VBox box;
};

pgw::Task<Page> window(pgw::Session& s, std::string_view title) {
  auto W = s.get_widgets();
  Page p;
  p.top = co_await W.TopLevel({.title = title});
  p.box = co_await W.VBox();
  co_await p.top.set_widget(p.box);
  co_await p.top.show();
  co_return p;
}

}  // namespace

TEST_CASE("find names the candidates when nothing or too much matches", "[testkit]") {
  TestSession t([](pgw::Session& s) -> pgw::Task<> {
    auto p = co_await window(s, "Two");
    auto W = s.get_widgets();
    auto a = co_await W.Button("Same");
    auto b = co_await W.Button("Same");
    auto c = co_await W.Button("Other");
    co_await p.box.add_widget(a, 0);
    co_await p.box.add_widget(b, 0);
    co_await p.box.add_widget(c, 0);
  });
  CHECK(t.find_all<pgw::Button>().size() == 3);
  CHECK(t.find_all<pgw::Widget>().size() == 5);
  CHECK_THROWS_WITH(t.find<pgw::Button>("Missing"),
                    Contains("no such widget") && Contains("TopLevel \"Two\" > VBox > Button \"Other\""));
  CHECK_THROWS_WITH(t.find<pgw::Button>("Same"), Contains("2 widgets match"));
  CHECK(t.find<pgw::Button>("Other").id() != 0);
  CHECK_THROWS_WITH(t.click(pgw::Button()), Contains("an empty widget handle"));
  TestSession other([](pgw::Session& s) -> pgw::Task<> { co_await window(s, "Other"); });
  CHECK_THROWS_WITH(t.text_of(other.find<pgw::TopLevel>("Other")), Contains("belongs to another session"));
  CHECK(t.find<pgw::TopLevel>("Two").id() != 0);
}

TEST_CASE("a name the program gives finds a widget before its text, and shows in its path", "[testkit]") {
  TestSession t([](pgw::Session& s) -> pgw::Task<> {
    auto p = co_await window(s, "Named");
    auto W = s.get_widgets();
    auto ok = co_await W.Button("Same");
    auto cancel = co_await W.Button("Same");
    auto other = co_await W.Button("ok");  // a text equal to another's name
    co_await ok.set_name("ok");
    co_await cancel.set_name("cancel");
    co_await p.box.add_widget(ok, 0);
    co_await p.box.add_widget(cancel, 0);
    co_await p.box.add_widget(other, 0);
  });
  const auto ok = t.find<pgw::Button>("ok");
  CHECK(ok.get_name() == "ok");
  CHECK(t.path_of(ok) == "TopLevel \"Named\" > VBox > Button #ok \"Same\"");
  CHECK(t.find<pgw::Button>("cancel").id() != ok.id());
  CHECK_THROWS_WITH(t.find<pgw::Button>("Same"), Contains("2 widgets match"));
  CHECK(t.find_all<pgw::Button>().at(2).get_name().empty());
}

TEST_CASE("a click reaches a listened button, and a disabled or hidden one fails with its path",
          "[testkit]") {
  auto clicks = std::make_shared<int>(0);
  TestSession t([clicks](pgw::Session& s) -> pgw::Task<> {
    auto p = co_await window(s, "W");
    auto W = s.get_widgets();
    auto go = co_await W.Button("Go");
    auto off = co_await W.Button("Off");
    auto hidden = co_await W.Button("Hidden");
    auto loose = co_await W.Button("Loose");  // in no window
    co_await p.box.add_widget(go, 0);
    co_await p.box.add_widget(off, 0);
    co_await p.box.add_widget(hidden, 0);
    co_await off.set_enabled(false);
    co_await hidden.hide();
    go.on_activated([clicks] { ++*clicks; });
    (void)loose;
  });
  t.click(t.find<pgw::Button>("Go"));
  t.click(t.find<pgw::Button>("Go"));
  CHECK(*clicks == 2);
  CHECK_FALSE(t.is_enabled(t.find<pgw::Button>("Off")));
  CHECK_THROWS_WITH(t.click(t.find<pgw::Button>("Off")), Contains("TopLevel \"W\" > VBox > Button \"Off\" is disabled"));
  CHECK_FALSE(t.is_visible(t.find<pgw::Button>("Hidden")));
  CHECK_THROWS_WITH(t.click(t.find<pgw::Button>("Hidden")), Contains("is not shown"));
  CHECK_FALSE(t.is_visible(t.find<pgw::Button>("Loose")));
  CHECK_THROWS_WITH(t.type(t.find<pgw::Button>("Go"), "x"), Contains("takes no typing"));
}

TEST_CASE("a disabled or hidden container covers its children", "[testkit]") {
  TestSession t([](pgw::Session& s) -> pgw::Task<> {
    auto p = co_await window(s, "W");
    auto W = s.get_widgets();
    auto inner = co_await W.VBox();
    auto b = co_await W.Button("In");
    co_await inner.add_widget(b, 0);
    co_await p.box.add_widget(inner, 0);
    co_await inner.set_enabled(false);
  });
  auto b = t.find<pgw::Button>("In");
  CHECK(t.is_visible(b));
  CHECK_FALSE(t.is_enabled(b));
  CHECK_THROWS_AS(t.click(b), Failure);
}

TEST_CASE("a check box toggles, a radio group keeps one, and the server sees both", "[testkit]") {
  auto seen = std::make_shared<std::vector<bool>>();
  TestSession t([seen](pgw::Session& s) -> pgw::Task<> {
    auto p = co_await window(s, "W");
    auto W = s.get_widgets();
    auto box = co_await W.CheckBox("Tick");
    auto r1 = co_await W.RadioButton("One", {.state = true});
    auto r2 = co_await W.RadioButton("Two", {.group = &r1});
    co_await p.box.add_widget(box, 0);
    co_await p.box.add_widget(r1, 0);
    co_await p.box.add_widget(r2, 0);
    box.on_activated([seen](bool on) { seen->push_back(on); });
  });
  auto box = t.find<pgw::CheckBox>("Tick");
  t.click(box);
  t.click(box);
  t.click(box);
  CHECK(*seen == std::vector<bool>{true, false, true});
  CHECK(box.get_state());
  auto r2 = t.find<pgw::RadioButton>("Two");
  t.click(r2);
  t.click(r2);  // a pressed radio button stays pressed
  CHECK(r2.get_state());
  CHECK_FALSE(t.find<pgw::RadioButton>("One").get_state());
}

TEST_CASE("select and set_value fire the chosen index and value", "[testkit]") {
  auto picked = std::make_shared<int>(-1);
  auto slid = std::make_shared<int>(-1);
  TestSession t([picked, slid](pgw::Session& s) -> pgw::Task<> {
    auto p = co_await window(s, "W");
    auto W = s.get_widgets();
    auto combo = co_await W.ComboBox();
    co_await combo.append_text("a");
    co_await combo.append_text("b");
    co_await combo.append_text("c");
    auto slider = co_await W.Slider({.min = 0, .max = 100});
    co_await p.box.add_widget(combo, 0);
    co_await p.box.add_widget(slider, 0);
    combo.on_activated([picked](int idx, std::string text) { *picked = text == "c" ? idx : -2; });
    slider.on_activated([slid](int v) { *slid = v; });
  });
  auto combo = t.find_all<pgw::ComboBox>().at(0);
  t.select(combo, 2);
  CHECK(*picked == 2);  // with the item's text, from the page's list
  CHECK(combo.get_index() == 2);
  CHECK_THROWS_WITH(t.select(combo, 3), Contains("holds 3 items, so there is no item 3"));
  auto slider = t.find_all<pgw::Slider>().at(0);
  CHECK(slider.get_value() == 50);  // the schema's default
  t.set_value(slider, 30);
  CHECK(*slid == 30);
  CHECK(slider.get_value() == 30);
  CHECK_THROWS_WITH(t.select(slider, 1), Contains("Slider") && Contains("user: SELECT"));
}

TEST_CASE("typing in a text area reports each edit, an entry only on Enter", "[testkit]") {
  auto edits = std::make_shared<std::vector<std::string>>();
  auto entered = std::make_shared<std::vector<std::string>>();
  TestSession t([edits, entered](pgw::Session& s) -> pgw::Task<> {
    auto p = co_await window(s, "W");
    auto W = s.get_widgets();
    auto area = co_await W.TextArea("old");
    auto entry = co_await W.TextEntry("e");
    auto locked = co_await W.TextEntry("locked", {.editable = false});
    co_await p.box.add_widget(area, 0);
    co_await p.box.add_widget(entry, 0);
    co_await p.box.add_widget(locked, 0);
    area.on_changed([edits](std::string text) { edits->push_back(text); });
    entry.on_activated([entered](std::string text) { entered->push_back(text); });
  });
  t.type(t.find<pgw::TextArea>("old"), "new text");
  CHECK(*edits == std::vector<std::string>{"new text"});
  auto entry = t.find<pgw::TextEntry>("e");
  t.type(entry, "abc");
  CHECK(entered->empty());
  CHECK(t.text_of(entry) == "abc");
  t.press_enter(entry);
  CHECK(*entered == std::vector<std::string>{"abc"});
  CHECK_THROWS_WITH(t.type(t.find<pgw::TextEntry>("locked"), "x"), Contains("is not editable"));
}

TEST_CASE("closing a window hides it and tells the server", "[testkit]") {
  auto closed = std::make_shared<int>(0);
  TestSession t([closed](pgw::Session& s) -> pgw::Task<> {
    auto p = co_await window(s, "Closable");
    p.top.on_close([closed] { ++*closed; });
  });
  auto top = t.find<pgw::TopLevel>("Closable");
  CHECK(t.is_visible(top));
  t.close(top);
  CHECK(*closed == 1);
  CHECK_FALSE(t.is_visible(top));
  CHECK_THROWS_WITH(t.close(top), Contains("is not shown"));
}

TEST_CASE("awaited queries get the page's state, the schema's defaults or the test's answer",
          "[testkit]") {
  auto visible = std::make_shared<std::vector<bool>>();
  auto sizes = std::make_shared<std::vector<int>>();
  TestSession t([visible, sizes](pgw::Session& s) -> pgw::Task<> {
    auto p = co_await window(s, "Q");
    auto W = s.get_widgets();
    auto ask = co_await W.Button("Ask");
    co_await p.box.add_widget(ask, 0);
    visible->push_back(co_await p.top.is_visible());
    auto top = p.top;
    ask.on_activated([top, visible, sizes]() -> pgw::Task<> {
      visible->push_back(co_await top.is_visible());
      sizes->push_back((co_await top.get_size()).width);
    });
  });
  CHECK(*visible == std::vector<bool>{true});
  auto top = t.find<pgw::TopLevel>("Q");
  pgwidgets::widgets::Size size;
  size.set_width(640);
  size.set_height(480);
  t.answer(top, "get_size", size.SerializeAsString());
  t.click(t.find<pgw::Button>("Ask"));
  CHECK(*visible == std::vector<bool>{true, true});
  CHECK(*sizes == std::vector<int>{640});
  CHECK_THROWS_WITH(t.answer(top, "set_title", ""), Contains("no method set_title that the page answers"));
}

TEST_CASE("strict calls are acknowledged by the page", "[testkit]") {
  TestSession t(
      [](pgw::Session& s) -> pgw::Task<> {
        CHECK(s.strict_calls());
        auto p = co_await window(s, "Strict");
        auto W = s.get_widgets();
        auto l = co_await W.Label("x");
        co_await p.box.add_widget(l, 0);
        co_await l.set_text("y");
      },
      {.strict_calls = true});
  CHECK(t.text_of(t.find_all<pgw::Label>().at(0)) == "y");
}

TEST_CASE("a handler's exception fails the action that ran it", "[testkit]") {
  TestSession t([](pgw::Session& s) -> pgw::Task<> {
    auto p = co_await window(s, "W");
    auto W = s.get_widgets();
    auto b = co_await W.Button("Boom");
    co_await p.box.add_widget(b, 0);
    b.on_activated([]() { throw std::runtime_error("the handler broke"); });
  });
  CHECK_THROWS_WITH(t.click(t.find<pgw::Button>("Boom")),
                    Contains("click TopLevel \"W\" > VBox > Button \"Boom\"") && Contains("the handler broke"));
  CHECK_THROWS_WITH(TestSession([](pgw::Session&) -> pgw::Task<> { throw std::runtime_error("no page"); co_return; }),
                    Contains("on_connect") && Contains("no page"));
}

TEST_CASE("advance fires timers when they fall due, in order, and no sooner", "[testkit]") {
  auto fired = std::make_shared<std::vector<std::string>>();
  auto timers = std::make_shared<std::vector<pgw::Timer>>();  // a Timer lives while a handle does
  TestSession t([fired, timers](pgw::Session& s) -> pgw::Task<> {
    auto p = co_await window(s, "T");
    auto W = s.get_widgets();
    auto l = co_await W.Label("0");
    co_await p.box.add_widget(l, 0);
    auto slow = co_await s.make_timer(std::chrono::seconds(2));
    auto fast = co_await s.make_timer(std::chrono::milliseconds(500));
    slow.on_expired([fired](pgw::Timer::Duration) { fired->push_back("slow"); });
    fast.on_expired([fired, l, fast](pgw::Timer::Duration) -> pgw::Task<> {
      fired->push_back("fast");
      co_await l.set_text(std::to_string(fired->size()));
      if (fired->size() < 3) fast.start();  // again, half a second later
    });
    slow.start();
    fast.start();
    timers->push_back(slow);
  });
  t.advance(std::chrono::milliseconds(499));
  CHECK(fired->empty());
  t.advance(std::chrono::milliseconds(1));
  CHECK(*fired == std::vector<std::string>{"fast"});
  t.advance(std::chrono::seconds(1));  // to 1.5 s: due at 1 s and at 1.5 s
  CHECK(*fired == std::vector<std::string>{"fast", "fast", "fast"});
  CHECK(t.text_of(t.find_all<pgw::Label>().at(0)) == "3");
  t.advance(std::chrono::seconds(10));
  CHECK(*fired == std::vector<std::string>{"fast", "fast", "fast", "slow"});
}

TEST_CASE("click on an interactive label fires its click, a plain label reports none", "[testkit]") {
  std::vector<std::string> seen;
  TestSession t([&](pgw::Session& s) -> pgw::Task<> {
    auto p = co_await window(s, "Events");
    auto W = s.get_widgets();
    auto live = co_await W.Label("live", {.interactive = true});
    auto plain = co_await W.Label("plain");
    co_await p.box.add_widget(live, 0);
    co_await p.box.add_widget(plain, 0);
    live.on_click([&](pgw::PointerEvent e) { seen.push_back("click " + std::to_string(e.modifiers.ctrl)); });
  });
  t.click(t.find<pgw::Label>("live"));
  CHECK(seen == std::vector<std::string>{"click 0"});
  CHECK_THROWS_WITH(t.click(t.find<pgw::Label>("plain")),
                    Contains("Label \"plain\" was created without `interactive`, so the page reports no click"));
}

TEST_CASE("press_key fires key_down, key_press (for a key that types a character) and key_up, in order", "[testkit]") {
  std::vector<std::string> seen;
  TestSession t([&](pgw::Session& s) -> pgw::Task<> {
    auto p = co_await window(s, "Keys");
    auto W = s.get_widgets();
    auto live = co_await W.Label("live", {.interactive = true});
    auto plain = co_await W.Label("plain");
    co_await p.box.add_widget(live, 0);
    co_await p.box.add_widget(plain, 0);
    const auto note = [&seen](std::string what, const pgw::KeyEvent& e) {
      seen.push_back(what + " " + e.key + " " + e.keycode + (e.modifiers.ctrl ? " ctrl" : "") +
                     (e.modifiers.shift ? " shift" : "") + (e.repeat ? " repeat" : ""));
    };
    live.on_key_down([note](pgw::KeyEvent e) { note("down", e); });
    live.on_key_press([note](pgw::KeyEvent e) { note("press", e); });
    live.on_key_up([note](pgw::KeyEvent e) { note("up", e); });
  });
  auto live = t.find<pgw::Label>("live");
  t.press_key(live, "a");
  CHECK(seen == std::vector<std::string>{"down a KeyA", "press a KeyA", "up a KeyA"});
  seen.clear();
  t.press_key(live, "S", {.shift = true});
  t.press_key(live, "Enter", {.ctrl = true});
  CHECK(seen == std::vector<std::string>{"down S KeyS shift", "press S KeyS shift", "up S KeyS shift",
                                         "down Enter Enter ctrl", "press Enter Enter ctrl", "up Enter Enter ctrl"});
  seen.clear();
  // Keys that type nothing go down and up only.
  t.press_key(live, "ArrowUp");
  t.press_key(live, "Shift", {.shift = true});
  CHECK(seen == std::vector<std::string>{"down ArrowUp ArrowUp", "up ArrowUp ArrowUp", "down Shift Shift shift",
                                         "up Shift Shift shift"});
  seen.clear();
  t.press_key(live, " ");
  t.press_key(live, "7");
  CHECK(seen == std::vector<std::string>{"down   Space", "press   Space", "up   Space", "down 7 Digit7", "press 7 Digit7",
                                         "up 7 Digit7"});
  CHECK_THROWS_WITH(t.press_key(t.find<pgw::Label>("plain"), "a"),
                    Contains("Label \"plain\" was created without `interactive`, so the page reports no keys"));
  CHECK_THROWS_WITH(t.press_key(t.find<pgw::TopLevel>("Keys"), "a"),
                    Contains("has no callback the schema marks `user: KEY`"));
  CHECK_THROWS_WITH(t.press_key(live, ""), Contains("an empty key"));
}

TEST_CASE("pointer_down / pointer_move / pointer_up and drag fire the pointer events with the buttons held", "[testkit]") {
  std::vector<std::string> seen;
  TestSession t([&](pgw::Session& s) -> pgw::Task<> {
    auto p = co_await window(s, "Pointer");
    auto W = s.get_widgets();
    auto live = co_await W.Label("live", {.interactive = true});
    auto other = co_await W.Label("other", {.interactive = true});
    co_await p.box.add_widget(live, 0);
    co_await p.box.add_widget(other, 0);
    const auto note = [&seen](std::string what, const pgw::PointerEvent& e) {
      char text[160];
      std::snprintf(text, sizeof text, "%s %g,%g trigger %d mask %d%s%s", what.c_str(), e.x, e.y, e.button_trigger,
                    e.button_mask, e.modifiers.alt ? " alt" : "", e.pointer_type.empty() ? "" : (" " + e.pointer_type).c_str());
      seen.emplace_back(text);
    };
    live.on_pointer_down([note](pgw::PointerEvent e) { note("down", e); });
    live.on_pointer_move([note](pgw::PointerEvent e) { note("move", e); });
    live.on_pointer_up([note](pgw::PointerEvent e) { note("up", e); });
    live.on_click([note](pgw::PointerEvent e) { note("click", e); });
    other.on_click([note](pgw::PointerEvent e) { note("other click", e); });
  });
  auto live = t.find<pgw::Label>("live");
  t.drag(live, 10, 20, 50, 40, 2);
  CHECK(seen == std::vector<std::string>{"down 10,20 trigger 1 mask 1 mouse", "move 30,30 trigger 0 mask 1 mouse",
                                         "move 50,40 trigger 0 mask 1 mouse", "up 50,40 trigger 1 mask 0 mouse",
                                         "click 50,40 trigger 1 mask 0"});
  seen.clear();
  // The right button: masks 0x4, and no click; a move with nothing held.
  t.pointer_down(live, 5, 5, 3, {.alt = true});
  t.pointer_up(live, 5, 5, 3);
  t.pointer_move(live, 6, 6);
  CHECK(seen == std::vector<std::string>{"down 5,5 trigger 3 mask 4 alt mouse", "up 5,5 trigger 3 mask 0 mouse",
                                         "move 6,6 trigger 0 mask 0 mouse"});
  seen.clear();
  // Left and middle held together; released over another widget: no click.
  t.pointer_down(live, 1, 1);
  t.pointer_down(live, 1, 1, 2);
  t.pointer_up(live, 1, 1, 2);
  t.pointer_up(t.find<pgw::Label>("other"), 2, 2);
  CHECK(seen == std::vector<std::string>{"down 1,1 trigger 1 mask 1 mouse", "down 1,1 trigger 2 mask 3 mouse",
                                         "up 1,1 trigger 2 mask 1 mouse"});
  CHECK_THROWS_WITH(t.pointer_up(live, 0, 0), Contains("button 1 is not down"));
  CHECK_THROWS_WITH(t.pointer_down(live, 0, 0, 4), Contains("button 4 is not 1 (left), 2 (middle) or 3 (right)"));
  CHECK_THROWS_WITH(t.pointer_move(t.find<pgw::TopLevel>("Pointer"), 0, 0),
                    Contains("has no callback the schema marks `user: POINTER`"));
}

TEST_CASE("a click handler on a label created without interactive fails the step that registered it", "[testkit]") {
  CHECK_THROWS_WITH(TestSession([](pgw::Session& s) -> pgw::Task<> {
                      auto plain = co_await s.get_widgets().Label("plain");
                      plain.on_click([](pgw::PointerEvent) {});
                    }),
                    Contains("pgw::Label::on_click: the widget was created without `interactive`"));
}

TEST_CASE("a sub-window add_widget created is in the page around its content, and closes", "[testkit]") {
  auto closed = std::make_shared<int>(0);
  TestSession t([closed](pgw::Session& s) -> pgw::Task<> {
    auto W = s.get_widgets();
    auto p = co_await window(s, "Workspace");
    auto mdi = co_await W.MDIWidget();
    co_await p.box.add_widget(mdi, 1);
    auto sub = co_await mdi.add_widget(co_await W.Label("Inside"), {.title = "Doc", .width = 200, .height = 120});
    sub.on_close([closed] { ++*closed; });
  });
  auto sub = t.find<pgw::MDISubWindow>("Doc");
  auto label = t.find<pgw::Label>("Inside");
  CHECK(t.path_of(label) == "TopLevel \"Workspace\" > VBox > MDIWidget > MDISubWindow \"Doc\" > Label \"Inside\"");
  CHECK(t.is_visible(label));
  CHECK(sub.get_window_size() == pgw::SubWindowSize{200, 120});
  t.close(sub);
  CHECK(*closed == 1);
  CHECK_FALSE(t.is_visible(label));
}

TEST_CASE("a grid's deleted row takes its children off the page model, inserted rows bring them in",
          "[testkit]") {
  TestSession t([](pgw::Session& s) -> pgw::Task<> {
    auto p = co_await window(s, "W");
    auto W = s.get_widgets();
    auto grid = co_await W.GridBox();
    auto gone = co_await W.Button("Gone");
    auto stays = co_await W.Button("Stays");
    auto later = co_await W.Button("Later");
    co_await grid.add_widget(gone, 0, 0);
    co_await grid.insert_row(0, {stays});  // Stays in row 0, Gone moves to row 1
    co_await grid.delete_row(1);           // Gone leaves the grid
    co_await grid.append_column({later});  // Later in (0, 1)
    co_await p.box.add_widget(grid, 0);
  });
  CHECK(t.is_visible(t.find<pgw::Button>("Stays")));
  CHECK(t.is_visible(t.find<pgw::Button>("Later")));
  CHECK_FALSE(t.is_visible(t.find<pgw::Button>("Gone")));
  CHECK_THROWS_AS(t.click(t.find<pgw::Button>("Gone")), Failure);
}

TEST_CASE("a TreeView's expand_all and select_all, which read its tree, run in the page model", "[testkit]") {
  TestSession t([](pgw::Session& s) -> pgw::Task<> {
    auto p = co_await window(s, "W");
    auto W = s.get_widgets();
    auto tree = co_await W.TreeView();
    co_await tree.set_name("files");
    const std::vector<pgw::TreeItem> items{{{"a"}, {}}, {{"a", "x"}, {}}, {{"b"}, {}}};
    co_await tree.set_tree(items);
    co_await p.box.add_widget(tree, 1);
    co_await tree.expand_all();
    co_await tree.select_all();
  });
  auto tree = t.find<pgw::TreeView>("files");
  CHECK(tree.get_expanded() == std::vector<pgw::TreePath>{{{"a"}}});
  CHECK(tree.get_collapsed().empty());
  CHECK(tree.get_selected().size() == 3);
}

TEST_CASE("a TreeView's get_subtree answers from the server's tree, selection and expansion", "[testkit]") {
  TestSession t([](pgw::Session& s) -> pgw::Task<> {
    auto p = co_await window(s, "W");
    auto W = s.get_widgets();
    auto tree = co_await W.TreeView();
    co_await tree.set_name("files");
    const std::vector<pgw::TreeItem> items{{{"a"}, {{"size", 1}}}, {{"a", "x"}, {}}, {{"a", "x", "1"}, {}},
                                           {{"b"}, {}}, {{"b", "y"}, {}}};
    co_await tree.set_tree(items);
    co_await p.box.add_widget(tree, 1);
    co_await tree.expand_item({"b"});
    co_await tree.select_path({"a", "x"});
  });
  auto tree = t.find<pgw::TreeView>("files");
  auto paths = [](const std::vector<pgw::TreeItem>& items) {
    std::vector<std::vector<std::string>> out;
    for (const auto& item : items) out.emplace_back(item.path.begin(), item.path.end());
    return out;
  };
  using Paths = std::vector<std::vector<std::string>>;
  CHECK(paths(tree.get_subtree()) == Paths{{"a"}, {"a", "x"}, {"a", "x", "1"}, {"b"}, {"b", "y"}});
  CHECK(paths(tree.get_subtree("selected")) == Paths{{"a"}, {"a", "x"}, {"a", "x", "1"}});
  CHECK(paths(tree.get_subtree("expanded")) == Paths{{"b"}, {"b", "y"}});
  CHECK(paths(tree.get_subtree("collapsed")) == Paths{{"a"}, {"a", "x"}, {"a", "x", "1"}});
  const auto a = tree.get_subtree_at({"a"});
  REQUIRE(paths(a) == Paths{{"a"}, {"a", "x"}, {"a", "x", "1"}});
  CHECK(a[0].values.at("size") == pgw::Value(1));
  CHECK_THROWS_AS(tree.get_subtree_at({"q"}), std::invalid_argument);
  CHECK_THROWS_AS(tree.get_subtree("chosen"), std::invalid_argument);
}

TEST_CASE("a TableView's select_all, which reads its rows, runs in the page model", "[testkit]") {
  TestSession t([](pgw::Session& s) -> pgw::Task<> {
    auto p = co_await window(s, "W");
    auto W = s.get_widgets();
    auto table = co_await W.TableView();
    co_await table.set_name("rows");
    const std::vector<pgw::TableRow> rows{{.cells = {1}}, {.cells = {2}}, {.cells = {3}}};
    co_await table.set_data(rows);
    co_await p.box.add_widget(table, 1);
    co_await table.select_all();
    co_await table.unselect_row(1);
  });
  auto table = t.find<pgw::TableView>("rows");
  CHECK(table.get_selected() == std::vector<pgw::RowIndex>{{.row = 0}, {.row = 2}});
}

TEST_CASE("a TreeView's delete_tree prunes in the page model as on the server", "[testkit]") {
  TestSession t([](pgw::Session& s) -> pgw::Task<> {
    auto p = co_await window(s, "W");
    auto W = s.get_widgets();
    auto tree = co_await W.TreeView();
    co_await tree.set_name("files");
    const std::vector<pgw::TreeItem> items{{{"a"}, {}}, {{"a", "x"}, {}}, {{"b"}, {}}};
    co_await tree.set_tree(items);
    co_await p.box.add_widget(tree, 1);
    const std::vector<pgw::TreePath> gone{{{"a", "x"}}, {{"not there"}}};
    co_await tree.delete_tree(gone);
  });
  auto tree = t.find<pgw::TreeView>("files");
  CHECK(tree.get_tree() == std::vector<pgw::TreeItem>{{{"b"}, {}}});
}
