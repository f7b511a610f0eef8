// What compiles: braced lists of numbers, strings and Values inline, named
// lists and structs, a named list in ComboBox's options, handlers of value
// types.
#include <pgwidgets/pgwidgets.hpp>

pgw::Task<> set_columns(pgw::List<pgw::Column> columns);
pgw::Task<> set_cells(pgw::List<pgw::Value> cells);
pgw::Task<> set_root(pgw::Named<pgw::TreeNode> root);

pgw::Task<> f(pgw::Widgets widgets, pgw::Splitter split) {
  co_await split.set_sizes({140, 560});
  co_await set_cells({1, "a", 2.5, nullptr, true});
  std::vector<pgw::Column> columns{{.title = "id"}, {.title = "name", .width = 80}};
  co_await set_columns(columns);
  co_await set_columns(std::move(columns));
  pgw::TreeNode root{.text = "root", .children = {{.text = "leaf"}}};
  co_await set_root(root);
  std::vector<std::string> themes{"Light", "Dark"};
  auto box = co_await widgets.ComboBox({.editable = true, .items = themes});
  (void)box;
}
