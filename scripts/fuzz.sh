#!/usr/bin/env bash
# Runs each libFuzzer target for PGW_FUZZ_SECONDS (60) through ctest,
# starting from the seed corpora in tests/fuzz/corpus/. The targets are built
# with Debian's clang-16 (libFuzzer, ASan and UBSan from libclang-rt-16-dev)
# in scripts/sanitize.sh's build directory, build-asan, which the sanitized
# tests share. Skips, saying so, when clang-16 is not installed.
set -euo pipefail
cd "$(dirname "$0")/.."
if ! command -v clang++-16 >/dev/null 2>&1; then
  echo "fuzz.sh: clang++-16 is not installed (scripts/install-deps.sh installs it); fuzz targets skipped"
  exit 0
fi
BUILD_DIR=${FUZZ_BUILD_DIR:-${SAN_BUILD_DIR:-build-asan}}
if [[ -f $BUILD_DIR/CMakeCache.txt ]] && ! grep -q '^CMAKE_CXX_COMPILER:.*clang++-16' "$BUILD_DIR/CMakeCache.txt"; then
  echo "fuzz.sh: $BUILD_DIR was configured with another compiler (an older g++ sanitizer build); remove it and run again" >&2
  exit 1
fi
SAN_BUILD_DIR=$BUILD_DIR PGW_BUILD_ONLY=1 PGW_SAN_TARGETS="fuzz_frames fuzz_hello fuzz_http" scripts/sanitize.sh
cd "$BUILD_DIR"
ctest --output-on-failure -R '^fuzz: ' "$@"
