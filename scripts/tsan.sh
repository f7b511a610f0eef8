#!/usr/bin/env bash
# Builds the tests that run sessions on several threads with
# ThreadSanitizer, in its own build directory, and runs them. Any report
# fails the run (halt_on_error). What it builds: thread_tests (many sessions
# on a pool of 2 or 4 threads: clicks, timers, reloads, expiry at once,
# every concurrency mode) and protocol_tests (the real websocketpp server,
# its io_context on one thread, with a threaded Application among them).
# The rest of the unit tests run one thread only: TSan would find nothing
# there that thread_tests does not cover, at several minutes' build.
# PGW_BUILD_ONLY=1: build, run nothing (as in scripts/sanitize.sh).
set -euo pipefail
cd "$(dirname "$0")/.."
BUILD_DIR=${TSAN_BUILD_DIR:-build-tsan}
# -O1 -g1: line tables for reports, a third less compile time than -O2 -g.
cmake -S . -B "$BUILD_DIR" -G Ninja -DCMAKE_BUILD_TYPE=None -DCMAKE_UNITY_BUILD=ON -DPGW_BUILD_BENCH=OFF \
  -DPGW_BUILD_EXAMPLES=OFF \
  -DCMAKE_CXX_FLAGS="-O1 -g1 -DNDEBUG -fsanitize=thread -fno-omit-frame-pointer" \
  -DCMAKE_EXE_LINKER_FLAGS="-fsanitize=thread" >/dev/null
cmake --build "$BUILD_DIR" -j"${JOBS:-2}" --target ${PGW_TSAN_TARGETS:-thread_tests protocol_tests}
[[ ${PGW_BUILD_ONLY:-0} == 1 ]] && exit 0
export TSAN_OPTIONS="halt_on_error=1 second_deadlock_stack=1 suppressions=$PWD/scripts/tsan.supp ${TSAN_OPTIONS:-}"
cd "$BUILD_DIR"
ctest --output-on-failure -j"${JOBS:-2}" -R "${PGW_TSAN_TESTS:-^(unit: ?threads|protocol):}" "$@"
