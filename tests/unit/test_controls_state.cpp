// The controls' server-side state: radio groups exclusive in the store
// (setter and callback, across browsers), the combo box's item list, and
// dtype-typed handlers.
#include <catch2/catch.hpp>

#include <string>
#include <vector>

#include "pgwidgets/protocol.pb.h"
#include "pgwidgets/widgets/controls.pb.h"
#include "session_fixture.hpp"
#include "wire_fields.hpp"

using namespace pgw::test;
namespace ids = pgw::detail;
namespace pbw = pgwidgets::widgets;

namespace {

std::string radio_args(const char* text, pgw::WidgetId group) {
  pbw::RadioButtonArgs a;
  a.set_text(text);
  if (group != 0) a.set_group(group);
  return a.SerializeAsString();
}

std::string state(bool v) {
  pbw::ButtonState s;
  s.set_value(v);
  return s.SerializeAsString();
}

std::string double_value(double v) {
  pbw::SliderValue s;
  s.set_num(v);
  return s.SerializeAsString();
}

}  // namespace

TEST_CASE("store: a radio group's state is exclusive, joined through any member") {
  ids::WidgetStore s;
  const auto setter = ids::methods::RadioButton_set_state.id;
  auto a = s.add(ids::classes::RadioButton, radio_args("a", 0));
  auto b = s.add(ids::classes::RadioButton, radio_args("b", a));
  auto c = s.add(ids::classes::RadioButton, radio_args("c", b));  // joins a's group through b
  auto d = s.add(ids::classes::RadioButton, radio_args("d", 0));  // a group of its own
  s.record(a, ids::fields::state, setter, state(true));
  s.record(d, ids::fields::state, setter, state(true));
  s.record(c, ids::fields::state, setter, state(true));
  CHECK(*s.recorded(a, ids::fields::state) == state(false));
  CHECK(*s.recorded(c, ids::fields::state) == state(true));
  CHECK(s.recorded(b, ids::fields::state) == nullptr);  // never set: false already
  CHECK(*s.recorded(d, ids::fields::state) == state(true));
  // A false state leaves the others alone.
  s.record(c, ids::fields::state, setter, state(false));
  CHECK(*s.recorded(d, ids::fields::state) == state(true));
}

TEST_CASE("store: a group must be a live widget of the same class") {
  ids::WidgetStore s;
  auto label = s.add(ids::classes::Label, "");
  CHECK_THROWS_WITH(s.add(ids::classes::RadioButton, radio_args("x", label)),
                    Catch::Contains("must be a live RadioButton"));
  CHECK_THROWS_WITH(s.add(ids::classes::RadioButton, radio_args("x", 77)), Catch::Contains("widget 77 is not"));
  CHECK(s.size() == 1);
}

TEST_CASE("store: destroying the member others joined through keeps the group rebuildable") {
  ids::WidgetStore s;
  auto a = s.add(ids::classes::RadioButton, radio_args("a", 0));
  auto b = s.add(ids::classes::RadioButton, radio_args("b", a));
  auto c = s.add(ids::classes::RadioButton, radio_args("c", a));
  s.destroy(a);
  auto group_of = [&](pgw::WidgetId w) {
    return ids::varint_field(s.find(w)->ctor_args, ids::classes::RadioButton.group_field).value_or(0);
  };
  CHECK(group_of(b) == 0);  // the oldest starts the group again
  CHECK(group_of(c) == b);  // created after b: a rebuild has b by then
  s.record(b, ids::fields::state, ids::methods::RadioButton_set_state.id, state(true));
  s.record(c, ids::fields::state, ids::methods::RadioButton_set_state.id, state(true));
  CHECK(*s.recorded(b, ids::fields::state) == state(false));
}

TEST_CASE("store: a combo box's items are a list, not records, and a scalar setter beside them is recorded as before") {
  ids::WidgetStore s;
  auto combo = s.add(ids::classes::ComboBox, "");
  const auto items = ids::fields::items;
  auto text = [](const char* t) {
    pgwidgets::widgets::Text m;
    m.set_text(t);
    return m.SerializeAsString();
  };
  auto list = [&] {
    std::vector<std::string> out;
    for (std::string_view e : s.collection(combo, items)->list) out.emplace_back(e);
    return out;
  };
  s.record(combo, items, ids::methods::ComboBox_append_text.id, text("a"));
  s.record(combo, ids::fields::length, ids::methods::ComboBox_set_length.id, "len");
  s.record(combo, items, ids::methods::ComboBox_insert_alpha.id, text("b"));
  s.record(combo, items, ids::methods::ComboBox_append_text.id, text("c"));
  s.record(combo, items, ids::methods::ComboBox_delete_alpha.id, text("b"));
  std::vector<std::string> kept;
  for (const auto& r : s.find(combo)->state) kept.push_back(r.args);
  CHECK(kept == std::vector<std::string>{"len"});  // no record of the list's calls
  CHECK(list() == std::vector<std::string>{text("a"), text("c")});
  s.record(combo, items, ids::methods::ComboBox_clear.id, "");
  CHECK(s.collection(combo, items)->list.empty());
  // A call the rules refuse (bytes that are no message) changes nothing.
  s.record(combo, items, ids::methods::ComboBox_append_text.id, text("d"));
  CHECK_THROWS_AS(s.record(combo, items, ids::methods::ComboBox_append_text.id, "\x0a\x09x"), std::invalid_argument);
  CHECK(list() == std::vector<std::string>{text("d")});
}

TEST_CASE_METHOD(SessionFixture, "controls: a radio selected in one browser is false for the others' getters and pushed quietly") {
  std::vector<std::string> second;
  std::vector<std::pair<int, std::string>> second_closed;
  core->attach(2, sink_into(second, second_closed), 1, 0, 1024, 768, false);
  auto W = session->get_widgets();
  auto a = run_coro(io, W.RadioButton("a"));
  auto b = run_coro(io, W.RadioButton("b", {.group = &a}));
  run_coro(io, a.set_state(true));
  CHECK(a.get_state());
  std::vector<bool> seen;
  b.on_activated([&](bool v) { seen.push_back(v); });
  drain(io);
  second.clear();
  receive({callback(b.id(), ids::callbacks::RadioButton_activated.id, state(true))});
  drain(io);
  CHECK(seen == std::vector<bool>{true});
  CHECK(b.get_state());
  CHECK_FALSE(a.get_state());
  bool pushed = false;
  for (const auto& m : flatten(second)) {
    if (m.has_call() && m.call().quiet() && m.call().widget_id() == b.id() &&
        m.call().method_id() == ids::methods::RadioButton_set_state.id) {
      pushed = true;
    }
  }
  CHECK(pushed);
  core->detach(2, "done");
}

TEST_CASE_METHOD(SessionFixture, "controls: a radio group option of another session is refused") {
  SessionFixture other;
  auto foreign = run_coro(other.io, other.session->get_widgets().RadioButton("x"));
  CHECK_THROWS_WITH(run_coro(io, session->get_widgets().RadioButton("y", {.group = &foreign})),
                    Catch::Contains("belongs to another session"));
}

TEST_CASE_METHOD(SessionFixture, "controls: dtype-typed handlers get an int or a double, as the widget's dtype says") {
  auto W = session->get_widgets();
  auto ints = run_coro(io, W.Slider({.value = 5}));
  auto floats = run_coro(io, W.Slider({.dtype = pgw::Dtype::float_, .step = 0.5}));
  std::vector<int> got_int;
  std::vector<double> got_double;
  std::vector<double> widened;
  std::vector<std::string> generic;
  ints.on_activated([&](int v) { got_int.push_back(v); });
  floats.on_activated([&](const double& v) { got_double.push_back(v); });
  ints.on_activated([&](auto v) { generic.push_back(std::is_same_v<decltype(v), int> ? "int" : "double"); });
  floats.on_activated([&](auto v) { generic.push_back(std::is_same_v<decltype(v), int> ? "int" : "double"); });
  // A double handler loses nothing on an int widget: it gets the int, widened.
  ints.on_activated([&](double v) { widened.push_back(v); });
  receive({callback(ints.id(), ids::callbacks::Slider_activated.id, double_value(7))});
  receive({callback(floats.id(), ids::callbacks::Slider_activated.id, double_value(2.5))});
  drain(io);
  CHECK(got_int == std::vector<int>{7});
  CHECK(got_double == std::vector<double>{2.5});
  CHECK(widened == std::vector<double>{7.0});
  CHECK(generic == std::vector<std::string>{"int", "double"});
  CHECK(ints.get_value() == 7);
  CHECK(floats.get_value() == 2.5);
  CHECK(errors.empty());
  // A fraction for an int widget is a broken peer: reported, not truncated.
  receive({callback(ints.id(), ids::callbacks::Slider_activated.id, double_value(7.5))});
  drain(io);
  CHECK(got_int == std::vector<int>{7});
  REQUIRE(errors.size() == 1);
  CHECK(error_text<pgw::ProtocolError>(errors[0]).find("no value of an int widget") != std::string::npos);
}

TEST_CASE_METHOD(SessionFixture, "controls: an int handler on a float widget is reported, not registered, and the setup goes on") {
  // What on_connect does: the mistake in the middle must not stop the rest.
  std::vector<int> got_int;
  std::vector<std::string> after;
  auto setup = [&]() -> pgw::Task<> {
    auto W = session->get_widgets();
    auto floats = co_await W.Slider({.dtype = pgw::Dtype::float_});
    floats.on_activated([&](int v) { got_int.push_back(v); });  // would drop fractions
    auto button = co_await W.Button("next");
    button.on_activated([&] { after.push_back("clicked"); });
    after.push_back("done");
    co_return;
  };
  run_coro(io, setup());
  CHECK(after == std::vector<std::string>{"done"});
  REQUIRE(errors.size() == 1);
  const std::string text = error_text<std::invalid_argument>(errors[0]);
  CHECK_THAT(text, Catch::Contains("pgw::Slider::on_activated") && Catch::Contains("dtype is float") &&
                       Catch::Contains("take double") && Catch::Contains("not registered"));
}

TEST_CASE_METHOD(SessionFixture, "controls: ComboBox::get_index() is 0 once an item exists and nothing was chosen, -1 while empty") {
  auto W = session->get_widgets();
  auto combo = run_coro(io, W.ComboBox());
  CHECK(combo.get_index() == -1);                  // empty: the page shows nothing
  run_coro(io, combo.append_text("Light"));
  CHECK(combo.get_index() == 0);                   // the page shows "Light"
  run_coro(io, combo.insert_alpha("Dark"));
  run_coro(io, combo.delete_alpha("Dark"));
  CHECK(combo.get_index() == 0);
  run_coro(io, combo.delete_alpha("Nothing"));     // removes nothing
  CHECK(combo.get_index() == 0);
  run_coro(io, combo.delete_alpha("Light"));       // the list is empty again
  CHECK(combo.get_index() == -1);
  run_coro(io, combo.append_text("Blue"));
  run_coro(io, combo.clear());
  CHECK(combo.get_index() == -1);                  // cleared: nothing shown
  run_coro(io, combo.append_text("Red"));
  run_coro(io, combo.append_text("Green"));
  run_coro(io, combo.set_index(1));
  CHECK(combo.get_index() == 1);                   // what was chosen wins
}

TEST_CASE("store: a combo box's list holds an item after adds, not after the deletes that match them") {
  ids::WidgetStore s;
  auto combo = s.add(ids::classes::ComboBox, "");
  const auto items = ids::fields::items;
  auto text = [](const char* t) {
    pgwidgets::widgets::Text m;
    m.set_text(t);
    return m.SerializeAsString();
  };
  CHECK_FALSE(s.holds_items(combo, items));
  s.record(combo, items, ids::methods::ComboBox_append_text.id, text("a"));
  s.record(combo, items, ids::methods::ComboBox_append_text.id, text("a"));
  CHECK(s.holds_items(combo, items));
  s.record(combo, items, ids::methods::ComboBox_delete_alpha.id, text("a"));
  CHECK(s.holds_items(combo, items));              // one "a" is left
  s.record(combo, items, ids::methods::ComboBox_delete_alpha.id, text("a"));
  CHECK_FALSE(s.holds_items(combo, items));
  s.record(combo, items, ids::methods::ComboBox_delete_alpha.id, text("b"));  // before its add: removes nothing
  s.record(combo, items, ids::methods::ComboBox_insert_alpha.id, text("b"));
  CHECK(s.holds_items(combo, items));
  s.record(combo, items, ids::methods::ComboBox_clear.id, "");
  CHECK_FALSE(s.holds_items(combo, items));
  CHECK(s.recorded(combo, items) == nullptr);      // a list is state, not a record of calls
}

TEST_CASE_METHOD(SessionFixture, "combo: get_alpha answers from the server's list, and \"\" out of range") {
  auto W = session->get_widgets();
  std::vector<std::string> start{"b", "a"};
  auto combo = run_coro(io, W.ComboBox({.items = start}));
  CHECK(combo.get_alpha(0) == "b");
  CHECK(combo.get_alpha(1) == "a");
  run_coro(io, combo.insert_alpha("aa"));  // before "b", the first that sorts after it
  run_coro(io, combo.append_text(""));
  run_coro(io, combo.delete_alpha("a"));
  frames.clear();
  CHECK(combo.get_alpha(0) == "aa");
  CHECK(combo.get_alpha(1) == "b");
  CHECK(combo.get_alpha(2) == "");   // there, and empty
  CHECK(combo.get_alpha(3) == "");   // out of range
  CHECK(combo.get_alpha(-1) == "");
  CHECK(frames.empty());             // the page was not asked
  run_coro(io, combo.clear());
  CHECK(combo.get_alpha(0) == "");
}

TEST_CASE_METHOD(SessionFixture, "combo: an item the user entered in an editable box is in the server's list before on_activated runs") {
  auto W = session->get_widgets();
  std::vector<std::string> start{"Red"};
  auto combo = run_coro(io, W.ComboBox({.editable = true, .items = start}));
  std::vector<std::string> seen;
  combo.on_activated([&seen, combo](int idx, std::string text) {
    seen.push_back(std::to_string(idx) + " " + text + " " + combo.get_alpha(idx));
  });
  std::vector<std::string> added;
  combo.on_item_added([&added, combo](std::string text) { added.push_back(text + " " + combo.get_alpha(1)); });
  pbw::Text teal;
  teal.set_text("Teal");
  pbw::ComboChoice choice;
  choice.set_idx(1);
  choice.set_text("Teal");
  receive({callback(combo.id(), ids::callbacks::ComboBox_item_added.id, teal.SerializeAsString()),
           callback(combo.id(), ids::callbacks::ComboBox_activated.id, choice.SerializeAsString())});
  io.restart();
  io.poll();
  CHECK(added == std::vector<std::string>{"Teal Teal"});
  CHECK(seen == std::vector<std::string>{"1 Teal Teal"});
  CHECK(combo.get_index() == 1);
  CHECK(errors.empty());
}
