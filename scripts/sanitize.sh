#!/usr/bin/env bash
# Builds the C++ unit, transport and protocol tests with AddressSanitizer and
# UndefinedBehaviorSanitizer in a second build directory and runs them with
# LeakSanitizer on. Any report fails the run: nothing is suppressed.
set -euo pipefail
cd "$(dirname "$0")/.."
BUILD_DIR=${SAN_BUILD_DIR:-build-asan}
# -fno-sanitize=vptr: UBSan's vptr check aborts inside websocketpp's accept
# handler, when it compares Boost.System's EMFILE error_code with an
# error_condition: Boost's constant-initialized error categories have no vptr
# UBSan recognizes. Everything else of -fsanitize=undefined stays on.
# -O1 -g1 (line tables, what a report's stack needs): ASan's recommended
# level, and a third less compile time than RelWithDebInfo's -O2 -g, which
# took CI's sanitizer stage to 19 minutes on 2 cores.
cmake -S . -B "$BUILD_DIR" -G Ninja -DCMAKE_BUILD_TYPE=None -DPGW_BUILD_BENCH=OFF \
  -DPGW_BUILD_EXAMPLES=OFF \
  -DCMAKE_CXX_FLAGS="-O1 -g1 -DNDEBUG -fsanitize=address,undefined -fno-sanitize=vptr -fno-sanitize-recover=undefined -fno-omit-frame-pointer" \
  -DCMAKE_EXE_LINKER_FLAGS="-fsanitize=address,undefined" >/dev/null
cmake --build "$BUILD_DIR" -j"${JOBS:-2}" --target unit_tests transport_tests protocol_tests
# A small quarantine: the ping-flood test bounds the server's RSS, and ASan's
# default 256 MB of freed-but-held blocks would be counted as the server's.
export ASAN_OPTIONS=detect_leaks=1:strict_string_checks=1:detect_stack_use_after_return=1:quarantine_size_mb=8
export UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1
export LSAN_OPTIONS=report_objects=1
cd "$BUILD_DIR"
ctest --output-on-failure -j"${JOBS:-2}" -R '^(unit|transport|protocol):' "$@"
