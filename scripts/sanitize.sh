#!/usr/bin/env bash
# Builds the C++ unit, transport and protocol tests with AddressSanitizer and
# UndefinedBehaviorSanitizer in a second build directory and runs them with
# LeakSanitizer on. Any report fails the run: nothing is suppressed.
# With clang-16 (scripts/install-deps.sh installs it) the same build holds
# the libFuzzer targets too (scripts/fuzz.sh runs them): CI compiles the
# sanitized library once for both, which saves it about five minutes.
# Without clang-16, g++ builds the tests alone and fuzz.sh skips.
# PGW_SAN_TARGETS: the targets to build instead of all of them.
# PGW_BUILD_ONLY=1: build, run nothing (.ci/run builds while the browser
# tests run, and runs these tests after).
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
SAN_FLAGS="-O1 -g1 -DNDEBUG -fsanitize=address,undefined -fno-sanitize=vptr -fno-sanitize-recover=undefined -fno-omit-frame-pointer"
TARGETS=(unit_tests transport_tests protocol_tests)
CONFIG=()
if command -v clang++-16 >/dev/null 2>&1; then
  # fuzzer-no-link: coverage instrumentation for libFuzzer, whose callbacks
  # the sanitizer runtime stubs out in the test programs.
  SAN_FLAGS="-fsanitize=fuzzer-no-link $SAN_FLAGS"
  CONFIG=(-DCMAKE_C_COMPILER=clang-16 -DCMAKE_CXX_COMPILER=clang++-16 -DPGW_FUZZ=ON
          "-DPGW_FUZZ_SECONDS=${PGW_FUZZ_SECONDS:-60}")
  TARGETS+=(fuzz_frames fuzz_hello fuzz_http)
fi
# scripts/fuzz.sh builds only the fuzz targets here.
if [[ -n ${PGW_SAN_TARGETS:-} ]]; then read -ra TARGETS <<<"$PGW_SAN_TARGETS"; fi
cmake -S . -B "$BUILD_DIR" -G Ninja -DCMAKE_BUILD_TYPE=None -DCMAKE_UNITY_BUILD=ON -DPGW_BUILD_BENCH=OFF \
  -DPGW_BUILD_EXAMPLES=OFF "${CONFIG[@]}" \
  -DCMAKE_CXX_FLAGS="$SAN_FLAGS" \
  -DCMAKE_EXE_LINKER_FLAGS="-fsanitize=address,undefined" >/dev/null
cmake --build "$BUILD_DIR" -j"${JOBS:-2}" --target "${TARGETS[@]}"
[[ ${PGW_BUILD_ONLY:-0} == 1 ]] && exit 0
# A small quarantine: the ping-flood test bounds the server's RSS, and ASan's
# default 256 MB of freed-but-held blocks would be counted as the server's.
export ASAN_OPTIONS=detect_leaks=1:strict_string_checks=1:detect_stack_use_after_return=1:quarantine_size_mb=8
export UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1
export LSAN_OPTIONS=report_objects=1
cd "$BUILD_DIR"
ctest --output-on-failure -j"${JOBS:-2}" -R '^(unit|transport|protocol):' "$@"
