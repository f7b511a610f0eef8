#!/usr/bin/env bash
# Builds the libFuzzer targets with Debian's clang-16 (libFuzzer, ASan and
# UBSan from libclang-rt-16-dev) in build-fuzz and runs each for
# PGW_FUZZ_SECONDS (60) through ctest, starting from the seed corpora in
# tests/fuzz/corpus/. Skips, saying so, when clang-16 is not installed.
set -euo pipefail
cd "$(dirname "$0")/.."
if ! command -v clang++-16 >/dev/null 2>&1; then
  echo "fuzz.sh: clang++-16 is not installed (scripts/install-deps.sh installs it); fuzz targets skipped"
  exit 0
fi
BUILD_DIR=${FUZZ_BUILD_DIR:-build-fuzz}
if [ ! -f "$BUILD_DIR/CMakeCache.txt" ]; then
  CC=clang-16 CXX=clang++-16 cmake -S . -B "$BUILD_DIR" -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo \
    -DPGW_FUZZ=ON -DPGW_BUILD_EXAMPLES=OFF -DPGW_BUILD_BENCH=OFF \
    -DPGW_FUZZ_SECONDS="${PGW_FUZZ_SECONDS:-60}" \
    -DCMAKE_CXX_FLAGS="-fsanitize=fuzzer-no-link,address,undefined -fno-sanitize-recover=undefined -fno-omit-frame-pointer" \
    -DCMAKE_EXE_LINKER_FLAGS="-fsanitize=address,undefined"
fi
cmake --build "$BUILD_DIR" -j"${JOBS:-2}" --target fuzz_frames fuzz_hello fuzz_http
cd "$BUILD_DIR"
ctest --output-on-failure -R '^fuzz: ' "$@"
