#!/usr/bin/env bash
# Installs everything, builds, and runs every test: generator, C++ units,
# transport, protocol, compile checks and the browser tests.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/install-deps.sh
scripts/build.sh
cd "${BUILD_DIR:-build}"
ctest --output-on-failure -j"${JOBS:-2}" "$@"
