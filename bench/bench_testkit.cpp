// How long the test kit takes to run the seed example's test scenario
// (examples/tests/test_async_demo.cpp): a TestSession built, the page
// found, Hello clicked, text typed and entered. Prints the mean and the
// slowest of N runs, in milliseconds.
//
//   build/bench/bench_testkit [runs]    (default 200)
#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <stdexcept>

#include <pgwidgets/testing.hpp>

#include "async_demo_ui.hpp"

int main(int argc, char** argv) {
  const int runs = argc > 1 ? std::atoi(argv[1]) : 200;
  if (runs <= 0) {
    std::fprintf(stderr, "usage: bench_testkit [runs > 0]\n");
    return 2;
  }
  using Clock = std::chrono::steady_clock;
  double total = 0, worst = 0;
  for (int i = 0; i < runs; ++i) {
    const auto t0 = Clock::now();
    pgw::testing::TestSession t(async_demo::on_connect);
    t.click(t.find<pgw::Button>("Hello"));
    auto entry = t.find_all<pgw::TextEntry>().at(0);
    t.type(entry, "hi");
    t.press_enter(entry);
    if (t.text_of(t.find_all<pgw::Label>().at(0)) != "Entered: hi") throw std::logic_error("the scenario went wrong");
    const double ms = std::chrono::duration<double, std::milli>(Clock::now() - t0).count();
    total += ms;
    worst = std::max(worst, ms);
  }
  std::printf("testkit: async_demo scenario: %d runs, mean %.3f ms, slowest %.3f ms\n", runs, total / runs, worst);
}
