#!/usr/bin/env bash
# Installs everything, builds, and runs every test: generator, C++ units,
# transport, protocol, compile checks and the browser tests.
set -euo pipefail
cd "$(dirname "$0")/.."
# PGW_SETUP_DONE=1: installing and building were just done (.ci/run).
if [[ ${PGW_SETUP_DONE:-0} != 1 ]]; then
  scripts/install-deps.sh
  scripts/build.sh
fi
cd "${BUILD_DIR:-build}"
ctest --output-on-failure -j"${JOBS:-2}" "$@"
