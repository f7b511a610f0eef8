#!/usr/bin/env bash
# Installs everything, builds, and runs the main example. Open the URL it
# prints first. Extra arguments go to the example (--host, --ws-port, --http-port).
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/install-deps.sh
scripts/build.sh
exec build/examples/async_demo "$@"
