// This project's page tested without a browser: pgw::testing models the
// page from the schema, this project's rating.proto included, so rating a
// Rating fires its `rated` callback as the browser would.
#define CATCH_CONFIG_MAIN
#include <catch2/catch.hpp>

#include <pgwidgets/testing.hpp>

#include "rating_page.hpp"

TEST_CASE("rating: rating four stars says so and is kept") {
  pgw::testing::TestSession t(rating_page::on_connect);
  auto stars = t.find_all<pgw::Rating>().at(0);
  CHECK(t.path_of(stars) == "TopLevel \"Rate it\" > VBox > Rating");
  t.set_value(stars, 4);
  CHECK(t.text_of(t.find_all<pgw::Label>().at(0)) == "You gave 4 stars");
  CHECK(stars.get_value() == 4);  // the server recorded the user's rating
}
