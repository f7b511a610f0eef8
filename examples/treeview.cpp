// A port of pgwidgets-python's examples/demo_treeview.py: a file tree in a
// TreeView (name, type, size), several rows selectable, sortable by a
// header click, with Expand All / Collapse All buttons and a status line
// naming what was selected or activated (double click or Enter).
//
// A tree is a flat list of items in preorder, each with its whole path:
// pgwidgets' nested dicts {"Documents": {"report.pdf": {...}}} are the
// items {"Documents"}, {"Documents", "report.pdf"}, ... here. A folder
// needs no values: its key is its label in the first column.
#include <string>
#include <vector>

#include <pgwidgets/pgwidgets.hpp>

#include "example_args.hpp"

namespace {

// The path as Python prints a list: ['Documents', 'notes.txt'].
std::string spell(const std::vector<std::string>& path) {
  std::string out = "[";
  for (const auto& k : path) out += (out.size() > 1 ? ", '" : "'") + k + "'";
  return out + "]";
}

std::vector<pgw::TreeItem> files() {
  struct File {
    std::vector<std::string> path;
    const char* type;
    int size;
  };
  const std::vector<File> leaves{
      {{"Documents", "report.pdf"}, "PDF", 2400},
      {{"Documents", "notes.txt"}, "Text", 12},
      {{"Documents", "Presentations", "slides.pptx"}, "PowerPoint", 5100},
      {{"Documents", "Presentations", "demo.key"}, "Keynote", 8300},
      {{"Pictures", "photo1.jpg"}, "JPEG", 3200},
      {{"Pictures", "photo2.png"}, "PNG", 1800},
      {{"Pictures", "Vacation", "beach.jpg"}, "JPEG", 4100},
      {{"Pictures", "Vacation", "sunset.jpg"}, "JPEG", 3900},
      {{"Pictures", "Vacation", "mountains.jpg"}, "JPEG", 5200},
      {{"Music", "song1.mp3"}, "MP3", 4500},
      {{"Music", "song2.flac"}, "FLAC", 32000},
  };
  std::vector<pgw::TreeItem> items;
  auto has = [&items](const std::vector<std::string>& path) {
    for (const auto& i : items) {
      if (i.path == path) return true;
    }
    return false;
  };
  for (const auto& f : leaves) {
    // Each folder on the way, once, before what it holds.
    for (std::size_t n = 1; n < f.path.size(); ++n) {
      std::vector<std::string> folder(f.path.begin(), f.path.begin() + static_cast<std::ptrdiff_t>(n));
      if (!has(folder)) items.push_back({.path = folder, .values = {}});
    }
    items.push_back({.path = f.path, .values = {{"TYPE", f.type}, {"SIZE", f.size}}});
  }
  return items;
}

pgw::Task<> build(pgw::Session& session) {
  auto Widgets = session.get_widgets();
  auto top = co_await Widgets.TopLevel({.title = "TreeView Demo", .resizable = true});
  co_await top.resize(600, 500);
  auto vbox = co_await Widgets.VBox({.spacing = 6, .padding = 8});
  auto status = co_await Widgets.Label("Select an item.");
  co_await status.set_name("status");

  auto tree = co_await Widgets.TreeView(
      {.selection_mode = pgw::SelectionMode::multiple, .alternate_row_colors = true, .sortable = true});
  // A named vector: g++ 12 frees a braced list of structs twice in a co_await.
  const std::vector<pgw::Column> columns{
      {.title = "Name", .key = "NAME", .type = pgw::ColumnType::string},
      {.title = "Type", .key = "TYPE", .type = pgw::ColumnType::string},
      {.title = "Size (KB)", .key = "SIZE", .type = pgw::ColumnType::integer},
  };
  co_await tree.set_columns(columns);
  co_await tree.set_tree(files());

  tree.on_selected([status](std::vector<pgw::TreePath> items) -> pgw::Task<> {
    if (items.size() == 1) co_await status.set_text("Selected: " + spell(items[0].path));
    else co_await status.set_text("Selected: " + std::to_string(items.size()) + " items");
  });
  // pgwidgets' demo takes (values, path); the page also sends the column
  // double-clicked, so a C++ handler takes all three.
  tree.on_activated([status](std::map<std::string, pgw::Value>, std::vector<std::string> path,
                             std::string /*col_key*/) -> pgw::Task<> {
    co_await status.set_text("Activated: " + spell(path));
  });

  auto hbox = co_await Widgets.HBox({.spacing = 4});
  auto btn_expand = co_await Widgets.Button("Expand All");
  btn_expand.on_activated([tree]() -> pgw::Task<> { co_await tree.expand_all(); });
  auto btn_collapse = co_await Widgets.Button("Collapse All");
  btn_collapse.on_activated([tree]() -> pgw::Task<> { co_await tree.collapse_all(); });
  co_await hbox.add_widget(btn_expand, 0);
  co_await hbox.add_widget(btn_collapse, 0);
  auto hint = co_await Widgets.Label("Click column headers to sort.");
  co_await hbox.add_widget(hint, 0);

  co_await vbox.add_widget(hbox, 0);
  co_await vbox.add_widget(tree, 1);
  co_await vbox.add_widget(status, 0);
  co_await top.set_widget(vbox);
  co_await top.show();
}

}  // namespace

int main(int argc, char** argv) { return example::serve(argc, argv, build); }
