// bench_structured: one call carrying 100,000 structured rows, in C++.
//
// A pgw::TableData (2 columns' titles, 100,000 rows of 4 pgw::Value cells:
// an integer, a string, a double, a bool) goes the way a method argument
// goes: moved into the generated encoder (detail::wire::encode, which moves
// each string into the protobuf message), serialized once, and moved into a
// ServerFrame's Call as the session queues it; the frame is serialized once
// more, as the session does before sending. Prints the C++ time of that path
// (median of the runs) and the bytes of the arguments and of the frame.
// Decoding (what a callback carrying the same rows costs) is timed too.
// usage: bench_structured [--rows N] [--runs N]
#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <string>
#include <string_view>
#include <vector>

#include "pgwidgets/protocol.pb.h"
#include "pgwidgets/widgets.hpp"
#include "pgwidgets/widgets/data.pb.h"

namespace {

using Clock = std::chrono::steady_clock;

pgw::TableData make_table(int rows) {
  pgw::TableData table{.columns = {{.title = "id"}, {.title = "name", .width = 200}, {.title = "ratio"},
                                   {.title = "done"}}};
  table.rows.reserve(static_cast<std::size_t>(rows));
  for (int i = 0; i < rows; ++i) {
    table.rows.push_back({.cells = {i, "row " + std::to_string(i), i / 7.0, i % 2 == 0}});
  }
  return table;
}

double ms_since(Clock::time_point t0) {
  return std::chrono::duration<double, std::milli>(Clock::now() - t0).count();
}

double median(std::vector<double> v) {
  std::sort(v.begin(), v.end());
  return v[v.size() / 2];
}

}  // namespace

int main(int argc, char** argv) {
  int rows = 100000;
  int runs = 7;
  for (int i = 1; i + 1 < argc; i += 2) {
    const std::string_view flag = argv[i];
    if (flag == "--rows") rows = std::atoi(argv[i + 1]);
    else if (flag == "--runs") runs = std::atoi(argv[i + 1]);
  }
  std::vector<double> encode_ms, frame_ms, decode_ms;
  std::size_t args_bytes = 0, frame_bytes = 0;
  for (int r = 0; r < runs; ++r) {
    pgw::TableData table = make_table(rows);  // not timed: the user's data
    const auto t0 = Clock::now();
    ::pgwidgets::widgets::TableData request;
    pgw::detail::wire::encode(std::move(table), request);
    std::string args = request.SerializeAsString();
    encode_ms.push_back(ms_since(t0));
    args_bytes = args.size();
    ::pgwidgets::ServerFrame outbox;
    auto* call = outbox.add_messages()->mutable_call();
    call->set_seq(1);
    call->set_widget_id(1);
    call->set_method_id(1u << 30);
    call->set_args(std::move(args));
    const std::string frame = outbox.SerializeAsString();
    frame_ms.push_back(ms_since(t0));
    frame_bytes = frame.size();

    const auto t1 = Clock::now();
    ::pgwidgets::widgets::TableData parsed;
    if (!parsed.ParseFromString(outbox.messages(0).call().args())) return 1;
    const pgw::TableData back = pgw::detail::wire::decode(parsed);
    decode_ms.push_back(ms_since(t1));
    if (back.rows.size() != static_cast<std::size_t>(rows)) return 1;
  }
  std::printf("measure                                               value  unit\n");
  std::printf("----------------------------------------------------  -----  ----\n");
  std::printf("rows (4 pgw::Value cells each)                        %6d  rows\n", rows);
  std::printf("C++: encode + serialize the arguments (median of %d)   %6.1f  ms\n", runs, median(encode_ms));
  std::printf("C++: ... + queue in a ServerFrame and serialize it    %6.1f  ms\n", median(frame_ms));
  std::printf("bytes of the arguments                              %8zu  B\n", args_bytes);
  std::printf("bytes of the frame carrying the call                %8zu  B\n", frame_bytes);
  std::printf("C++: parse + decode the same rows (a callback's way)  %6.1f  ms\n", median(decode_ms));
  return 0;
}
