#!/usr/bin/env bash
# Installs every system and npm dependency on a fresh Debian 12 machine.
# Idempotent: re-running it only installs what is missing.
set -euo pipefail
cd "$(dirname "$0")/.."

SUDO=""
if [ "$(id -u)" -ne 0 ]; then SUDO="sudo"; fi

APT_PACKAGES=(
  cmake g++ make ninja-build pkg-config
  protobuf-compiler libprotobuf-dev
  python3 python3-protobuf python3-jinja2
  libboost1.81-dev          # not libboost-dev (1.74): 1.81 has Asio channels
  libwebsocketpp-dev catch2
  libssl-dev                # libcrypto: SHA-256 of uploads in the browser test (files_app)
  libjpeg62-turbo-dev       # JPEG frames of the Image browser test and bench (image_app, bench_image)
  chromium                  # the browser tests drive Debian's Chromium
  fonts-dejavu-core         # a font file for register_font (browser: html)
  clang-16 libclang-rt-16-dev  # libFuzzer and its sanitizers (scripts/fuzz.sh)
  nginx                     # the browser test behind a proxy (README, "Deploying"); run as a user process
)
# The machines ship a newer Node with its own npm; Debian's npm conflicts with it.
if ! command -v node >/dev/null 2>&1; then
  APT_PACKAGES+=(nodejs npm)
fi

missing=()
for p in "${APT_PACKAGES[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
if [ ${#missing[@]} -gt 0 ]; then
  export DEBIAN_FRONTEND=noninteractive
  $SUDO apt-get update -q
  $SUDO apt-get install -y -q --no-install-recommends "${missing[@]}"
fi

# npm packages are pinned by web/package-lock.json.
if [ ! -d web/node_modules ] || [ web/package-lock.json -nt web/node_modules/.package-lock.json ]; then
  (cd web && npm ci --no-audit --no-fund)
fi
