#!/usr/bin/env bash
# The load table of issue 20: working sessions (1,000, 5,000, 10,000; each
# clicks once a second and gets a timer update once a second) and the
# CPU-bound throughput (200 sessions, 4 clicks outstanding each, a 2,000 µs
# handler), each with the server at --threads 1 and 2. Prints one table in
# Markdown, and each run's full output to $LOG (default build/bench/load_runs.log).
#
# usage: bench/run_load.sh [--build DIR] [--sessions "1000 5000 10000"] [--threads "1 2"]
#                          [--duration S] [--warmup S] [--work-us N] [--cpu-sessions N]
# Nothing is asserted: the figures depend on the machine and what else runs.
set -euo pipefail
cd "$(dirname "$0")/.."
BUILD=build
SESSIONS="1000 5000 10000"
THREADS="1 2"
DURATION=10
WARMUP=3
WORK_US=2000
CPU_SESSIONS=200
while [ $# -gt 0 ]; do
  case "$1" in
    --build) BUILD=$2; shift 2 ;;
    --sessions) SESSIONS=$2; shift 2 ;;
    --threads) THREADS=$2; shift 2 ;;
    --duration) DURATION=$2; shift 2 ;;
    --warmup) WARMUP=$2; shift 2 ;;
    --work-us) WORK_US=$2; shift 2 ;;
    --cpu-sessions) CPU_SESSIONS=$2; shift 2 ;;
    *) echo "run_load.sh: unknown argument $1" >&2; exit 2 ;;
  esac
done
SERVER=$BUILD/bench/load_server
CLIENT=$BUILD/bench/load_client
LOG=${LOG:-$BUILD/bench/load_runs.log}
for b in "$SERVER" "$CLIENT"; do
  [ -x "$b" ] || { echo "run_load.sh: $b is missing: cmake --build $BUILD -j2 --target load_server load_client" >&2; exit 2; }
done
echo "# open-file limit: soft $(ulimit -Sn), hard $(ulimit -Hn) (both programs raise the soft one to the hard one)" >&2
: > "$LOG"

field() { sed -n 's/.* '"$1"'=\([^ ]*\).*/\1/p' <<<"$2"; }

run() {  # run <label> <threads> <server args...> -- <client args...>
  local label=$1 threads=$2; shift 2
  local sargs=() cargs=()
  while [ "$1" != "--" ]; do sargs+=("$1"); shift; done
  shift
  cargs=("$@")
  echo "## $label, threads $threads: load_client ${cargs[*]} --spawn load_server --threads $threads ${sargs[*]}" >>"$LOG"
  local out
  out=$("$CLIENT" "${cargs[@]}" --spawn "$SERVER" --threads "$threads" "${sargs[@]}" -- 2>>"$LOG" || true)
  echo "$out" >>"$LOG"
  grep '^RESULT' <<<"$out" || echo "RESULT failed=1"
}

echo "| load | threads | connect/s | p50 ms | p99 ms | max ms | clicks/s | ticks/session/s | server CPU µs/click | server CPU µs/update | server KiB/session | client CPU % | problems |"
echo "|---|---|---|---|---|---|---|---|---|---|---|---|---|"
row() {  # row <label> <threads> <RESULT line>
  local r=$3
  local problems
  problems="mismatched $(field mismatches "$r"), unanswered $(field unanswered "$r"), errors $(field errors "$r"), failed $(field failed "$r"), dropped $(field dropped "$r")"
  local cpu_pct
  cpu_pct=$(awk -v c="$(field client_cpu_s "$r")" -v d="$DURATION" 'BEGIN { printf "%.0f", c / d * 100 }')
  echo "| $1 | $2 | $(field connect_per_s "$r") | $(field p50_ms "$r") | $(field p99_ms "$r") | $(field max_ms "$r") | $(field throughput "$r") | $(field ticks_per_s "$r") | $(field cpu_us_per_click "$r") | $(field cpu_us_per_update "$r") | $(field rss_kib_per_session "$r") | $cpu_pct | $problems |"
}
for n in $SESSIONS; do
  for t in $THREADS; do
    r=$(run "$n working sessions" "$t" -- --sessions "$n" --period 1000 --warmup "$WARMUP" --duration "$DURATION" \
          --grace 5 --connect-window 200)
    row "$n working sessions, 1 click/s each" "$t" "$r"
  done
done
for t in $THREADS; do
  r=$(run "CPU-bound" "$t" --work-us "$WORK_US" -- --sessions "$CPU_SESSIONS" --closed-loop 4 --warmup "$WARMUP" \
        --duration "$DURATION" --grace 10)
  row "CPU-bound: $CPU_SESSIONS sessions, 4 clicks outstanding, ${WORK_US} µs handler" "$t" "$r"
done
echo "(full output of each run: $LOG)"
