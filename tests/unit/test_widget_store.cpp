#include <catch2/catch.hpp>

#include "pgwidgets/schema_info.hpp"
#include "widget_store.hpp"

using namespace pgw::detail;

TEST_CASE("store: ids from 1, setters keep the last call per field") {
  WidgetStore s;
  auto a = s.add(classes::Label, "ctor");
  auto b = s.add(classes::Label, "");
  CHECK(a == 1);
  CHECK(b == 2);
  s.record(a, fields::text, methods::Label_set_text.id, "one");
  s.record(a, fields::text, methods::Label_set_text.id, "two");
  s.record(a, fields::halign, methods::Label_set_halign.id, "h");
  REQUIRE(s.recorded(a, fields::text) != nullptr);
  CHECK(*s.recorded(a, fields::text) == "two");
  CHECK(s.find(a)->state.size() == 2);
  CHECK(s.recorded(b, fields::text) == nullptr);
}

TEST_CASE("store: attach appends, inserts, replaces and reparents") {
  WidgetStore s;
  auto box = s.add(classes::VBox, "");
  auto other = s.add(classes::VBox, "");
  auto x = s.add(classes::Label, ""), y = s.add(classes::Label, ""), z = s.add(classes::Label, "");
  s.attach(box, x, std::nullopt, false);
  s.attach(box, y, std::nullopt, false);
  s.attach(box, z, 0, false);
  CHECK(s.find(box)->children == std::vector<pgw::WidgetId>{z, x, y});
  s.attach(other, x, std::nullopt, false);  // moves
  CHECK(s.find(box)->children == std::vector<pgw::WidgetId>{z, y});
  CHECK(s.find(x)->parent == other);
  s.attach(box, x, std::nullopt, true);  // replaces all
  CHECK(s.find(box)->children == std::vector<pgw::WidgetId>{x});
  CHECK(s.find(z)->parent == 0);
}

TEST_CASE("store: destroy removes descendants, and detach with destroy too") {
  WidgetStore s;
  auto top = s.add(classes::TopLevel, "");
  auto box = s.add(classes::VBox, "");
  auto l = s.add(classes::Label, "");
  s.attach(top, box, std::nullopt, true);
  s.attach(box, l, std::nullopt, false);
  s.destroy(box);
  CHECK(s.find(box) == nullptr);
  CHECK(s.find(l) == nullptr);
  CHECK(s.find(top)->children.empty());
  CHECK(s.allocated(l));
  CHECK_FALSE(s.allocated(99));
  auto m = s.add(classes::Label, "");
  s.attach(top, m, std::nullopt, false);
  s.detach_all(top, true);
  CHECK(s.find(m) == nullptr);
}

TEST_CASE("store: class ancestry") {
  CHECK(is_a(classes::VBox, classes::Box.id));
  CHECK(is_a(classes::VBox, classes::Widget.id));
  CHECK_FALSE(is_a(classes::Label, classes::Container.id));
}
