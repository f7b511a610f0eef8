// The page of this project: a Rating (this project's own widget) above a
// Label that says what the user rated. main.cpp serves it; test_rating.cpp
// tests it with pgw::testing, without a browser.
#pragma once

#include <cstdio>
#include <string>

#include <pgwidgets/pgwidgets.hpp>

#include "rating/widgets.hpp"

namespace rating_page {

inline pgw::Task<> on_connect(pgw::Session& session) {
  auto W = session.get_widgets();
  pgw::rating::Widgets R(W);  // this project's widgets
  auto top = co_await W.TopLevel({.title = "Rate it"});
  auto vbox = co_await W.VBox({.spacing = 8, .padding = 10});
  auto stars = co_await R.Rating({.max = 5});
  auto label = co_await W.Label("Click a star");
  co_await vbox.add_widget(stars, 0);
  co_await vbox.add_widget(label, 0);
  co_await top.set_widget(vbox);
  co_await top.show();
  // The handler's parameter is checked against rating.proto's Stars.
  stars.on_rated([label](int n) -> pgw::Task<> {
    std::printf("rated %d\n", n);
    std::fflush(stdout);
    co_await label.set_text("You gave " + std::to_string(n) + " stars");
  });
}

}  // namespace rating_page
