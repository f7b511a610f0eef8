// The seed example's behaviour, tested without a browser: pgw::testing runs
// its page (async_demo_ui.hpp) against an in-memory page model. The whole
// file runs in a few milliseconds.
#include <catch2/catch.hpp>

#include <pgwidgets/testing.hpp>

#include "async_demo_ui.hpp"

using pgw::testing::TestSession;

TEST_CASE("async_demo: clicking Hello sets the label", "[example]") {
  TestSession t(async_demo::on_connect);
  auto status = t.find<pgw::Label>("Click a button!");
  CHECK(t.is_visible(status));
  t.click(t.find<pgw::Button>("Hello"));
  CHECK(t.text_of(status) == "Hello!");
}

TEST_CASE("async_demo: Enter in the entry reports its text", "[example]") {
  TestSession t(async_demo::on_connect);
  auto entry = t.find_all<pgw::TextEntry>().at(0);
  CHECK(t.text_of(entry) == "Type here");
  t.type(entry, "hi there");
  // Typing alone tells the server nothing: the entry reports on Enter.
  CHECK(t.find_all<pgw::Label>().at(0).get_text() == "Click a button!");
  t.press_enter(entry);
  CHECK(t.text_of(t.find_all<pgw::Label>().at(0)) == "Entered: hi there");
  CHECK(t.text_of(entry) == "hi there");
}

TEST_CASE("async_demo: the window is titled and the button sits in it", "[example]") {
  TestSession t(async_demo::on_connect);
  CHECK(t.path_of(t.find<pgw::Button>("Hello")) == "TopLevel \"Async Demo\" > VBox > HBox > Button \"Hello\"");
}
