// TreeView and TableView at scale, for bench/run_tree_bench.mjs: a table
// of 100,000 rows x 10 columns and a tree of 100,000 nodes (1,000 folders
// of 99 items), each loaded when its button is pressed. The report label
// says the server's resident memory before and after each load, and what
// the process holds with each (the allocator's free memory given back
// first), so the driver can state what the kept rows cost, and the time
// of adding one node to the loaded tree, and of selecting one more with
// all of them selected. --rows N sets the size. The
// table's rows are made before the page asks for them: the program's own
// data is not set_data's cost (the time it took is reported apart).
#include <algorithm>
#include <chrono>
#include <cmath>
#include <cstdio>
#include <memory>
#include <cstdlib>
#include <fstream>
#include <string>
#include <string_view>
#include <vector>

#include <malloc.h>
#include <unistd.h>

#include <pgwidgets/pgwidgets.hpp>

#include "example_args.hpp"

namespace {

long rss_kib() {
  std::ifstream in("/proc/self/statm");
  long pages = 0, resident = 0;
  in >> pages >> resident;
  return resident * (sysconf(_SC_PAGESIZE) / 1024);
}

// The resident memory the process holds, once the allocator has given back
// what is free (the program's rows, moved into set_data and freed, would
// otherwise count).
long held_kib() {
  malloc_trim(0);
  return rss_kib();
}

std::vector<pgw::Column> table_columns() {
  std::vector<pgw::Column> cols;
  for (int c = 0; c < 10; ++c) {
    cols.push_back({.title = "col " + std::to_string(c), .width = 90,
                    .type = c % 2 == 0 ? pgw::ColumnType::integer : pgw::ColumnType::string});
  }
  return cols;
}

// --rows N: the table's rows and the tree's nodes (N / 100 folders of 99
// items each, and the folder); 100,000 unless told.
int g_rows = 100000;

std::vector<pgw::TableRow> table_rows() {
  std::vector<pgw::TableRow> rows;
  rows.reserve(static_cast<std::size_t>(g_rows));
  for (int r = 0; r < g_rows; ++r) {
    pgw::TableRow row;
    for (int c = 0; c < 10; ++c) {
      if (c % 2 == 0) row.cells.emplace_back((r * 7919 + c) % 100000);
      else row.cells.emplace_back("r" + std::to_string(r) + "c" + std::to_string(c));
    }
    rows.push_back(std::move(row));
  }
  return rows;
}

std::vector<pgw::TreeItem> tree_items() {
  std::vector<pgw::TreeItem> items;
  items.reserve(static_cast<std::size_t>(g_rows));
  for (int f = 0; f < g_rows / 100; ++f) {
    const std::string folder = "f" + std::to_string(f);
    items.push_back({.path = {folder}, .values = {{"size", f}}});
    for (int i = 0; i < 99; ++i) {
      items.push_back({.path = {folder, "i" + std::to_string(i)},
                       .values = {{"size", (f * 131 + i * 7919) % 100000}, {"kind", "item"}}});
    }
  }
  return items;
}

pgw::Task<> setup(pgw::Session& session) {
  auto w = session.get_widgets();
  auto top = co_await w.TopLevel({.title = "Tree bench", .resizable = true});
  co_await top.set_position(0, 0);
  co_await top.resize(1200, 760);
  auto vbox = co_await w.VBox({.spacing = 4, .padding = 4});
  auto hbox = co_await w.HBox({.spacing = 4});
  auto table = co_await w.TableView({.sortable = true});
  co_await table.set_name("bench-table");
  co_await table.set_columns(table_columns());
  auto tree = co_await w.TreeView({.sortable = true});
  co_await tree.set_name("bench-tree");
  const std::vector<pgw::Column> tree_columns{
      {.title = "Name", .width = 200, .key = "name"},
      {.title = "Size", .width = 100, .key = "size", .type = pgw::ColumnType::integer},
      {.title = "Kind", .width = 100, .key = "kind"}};
  co_await tree.set_columns(tree_columns);
  auto load_table = co_await w.Button("load table");
  co_await load_table.set_name("load-table");
  auto load_tree = co_await w.Button("load tree");
  co_await load_tree.set_name("load-tree");
  auto delete_selected = co_await w.Button("delete selected");
  co_await delete_selected.set_name("delete-selected");
  auto tree_calls = co_await w.Button("tree calls");
  co_await tree_calls.set_name("tree-calls");
  auto measure = co_await w.Button("measure");
  co_await measure.set_name("measure");
  auto report = co_await w.Label("idle rss_kib=" + std::to_string(rss_kib()));
  co_await report.set_name("bench-report");
  co_await hbox.add_widget(table, 1);
  co_await hbox.add_widget(tree, 1);
  co_await vbox.add_widget(hbox, 1);
  co_await vbox.add_widget(load_table);
  co_await vbox.add_widget(load_tree);
  co_await vbox.add_widget(delete_selected);
  co_await vbox.add_widget(tree_calls);
  co_await vbox.add_widget(measure);
  co_await vbox.add_widget(report);
  co_await top.set_widget(vbox);
  co_await top.show();
  // Made now, taken by the first load (a later one makes them again).
  // Memory is counted from before they were made, as when they were made in the handler.
  const long held_before = held_kib();
  const long before_rows = rss_kib();
  const auto started = std::chrono::steady_clock::now();
  auto made = std::make_shared<std::vector<pgw::TableRow>>(table_rows());
  const auto build_ms =
      std::chrono::duration_cast<std::chrono::milliseconds>(std::chrono::steady_clock::now() - started).count();
  // The driver clicks once it reads "ready": a click while the rows were
  // still being made waited for them, and the end-to-end figure had them.
  co_await report.set_text("ready rss_kib=" + std::to_string(rss_kib()));
  load_table.on_activated([table, report, made, build_ms, before_rows]() -> pgw::Task<> {
    const long before = made->empty() ? rss_kib() : before_rows;
    std::vector<pgw::TableRow> rows = made->empty() ? table_rows() : std::move(*made);
    made->clear();
    co_await table.set_data(std::move(rows));
    co_await report.set_text("table loaded rss_before_kib=" + std::to_string(before) +
                             " rss_kib=" + std::to_string(rss_kib()) + " rows_made_ms=" + std::to_string(build_ms));
  });
  load_tree.on_activated([tree, report]() -> pgw::Task<> {
    const long before = rss_kib();
    auto items = tree_items();
    const auto t0 = std::chrono::steady_clock::now();
    co_await tree.set_tree(std::move(items));
    const auto call_ms = std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - t0).count();
    const long after = rss_kib();
    // Answered once the page has the tree: the driver's memory figure that
    // follows is then the state alone, not a message still being sent. (The
    // driver's own wait, a tree row shown, was met by the tree it had made
    // in the page before.)
    co_await tree.get_size();
    const auto ms = std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - t0).count();
    co_await report.set_text("tree loaded rss_before_kib=" + std::to_string(before) +
                             " rss_kib=" + std::to_string(after) + " set_tree_ms=" + std::to_string(std::lround(ms)) +
                             " call_ms=" + std::to_string(std::lround(call_ms)));
  });
  // A program's "delete the selected rows": 1,000 rows of the loaded table
  // selected, then deleted one delete_row each, as a loop over a selection
  // does. Timed until the page has handled them (an awaited query), with
  // the bytes the page sent meanwhile (its reports of the selection).
  delete_selected.on_activated([&session, table, report]() -> pgw::Task<> {
    std::vector<pgw::RowIndex> picked;
    for (int r = 0; r < 1000; ++r) picked.push_back({.row = r});
    co_await table.select_paths(std::move(picked));
    co_await table.get_size();
    const auto before = session.stats();
    const auto t0 = std::chrono::steady_clock::now();
    for (int r = 999; r >= 0; --r) co_await table.delete_row(r);
    co_await table.get_size();
    const auto ms = std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - t0).count();
    const auto after = session.stats();
    co_await report.set_text("deleted ms=" + std::to_string(std::lround(ms)) + " bytes_from_page=" +
                             std::to_string(after.bytes_received - before.bytes_received) +
                             " frames_from_page=" + std::to_string(after.frames_received - before.frames_received));
  });
  // Pressed by the driver once the tree's memory is measured: one node
  // added at a time, as a program that grows a large tree while it finds
  // nodes, then one more selected at a time with every node selected. The
  // C++ time of each call (pipelined: it returns once the server has kept
  // and queued it).
  tree_calls.on_activated([tree, report]() -> pgw::Task<> {
    std::vector<double> add_us;
    for (int k = 0; k < 200; ++k) {
      std::vector<pgw::TreeItem> one{{.path = {"f0", "added" + std::to_string(k)}, .values = {{"size", k}}}};
      const auto t0 = std::chrono::steady_clock::now();
      co_await tree.add_tree(std::move(one));
      add_us.push_back(std::chrono::duration<double, std::micro>(std::chrono::steady_clock::now() - t0).count());
    }
    co_await tree.select_all();
    std::vector<double> select_us;
    for (int k = 0; k < 200; ++k) {
      std::vector<pgw::TreePath> one{{.path = {"f1", "i" + std::to_string(k % 99)}}};
      const auto t0 = std::chrono::steady_clock::now();
      co_await tree.select_paths(std::move(one));
      select_us.push_back(std::chrono::duration<double, std::micro>(std::chrono::steady_clock::now() - t0).count());
    }
    co_await tree.clear_selection();
    const auto us = [](std::vector<double>& v) {
      std::sort(v.begin(), v.end());
      return std::to_string(std::lround(v[v.size() / 2])) + "/" + std::to_string(std::lround(v.back()));
    };
    co_await report.set_text("tree calls add_one_us=" + us(add_us) + " select_one_us=" + us(select_us));
  });
  // Pressed by the driver once what it loaded has arrived: the trim then
  // holds up nothing it times.
  measure.on_activated([report, held_before]() -> pgw::Task<> {
    co_await report.set_text("measured held_before_kib=" + std::to_string(held_before) +
                             " held_kib=" + std::to_string(held_kib()));
  });
}

}  // namespace

int main(int argc, char** argv) {
  std::vector<char*> rest;
  for (int i = 0; i < argc; ++i) {
    if (std::string_view(argv[i]) == "--rows" && i + 1 < argc) {
      g_rows = std::atoi(argv[++i]);
      if (g_rows < 100 || g_rows % 100 != 0) {
        std::fprintf(stderr, "--rows: a multiple of 100, at least 100\n");
        return 2;
      }
      continue;
    }
    rest.push_back(argv[i]);
  }
  return example::serve(static_cast<int>(rest.size()), rest.data(), setup);
}
