#!/bin/sh
# Runs one libFuzzer target for a bounded time: run.sh TARGET SEEDS WORKDIR SECONDS
# New inputs go to WORKDIR (in the build tree); SEEDS (in the repository) is
# read only. libFuzzer exits non-zero, with the input saved, on any crash,
# sanitizer report, leak or timeout.
set -eu
mkdir -p "$3"
cd "$3"
exec "$1" -max_total_time="$4" -timeout=10 -rss_limit_mb=2560 -print_final_stats=1 "$3" "$2"
