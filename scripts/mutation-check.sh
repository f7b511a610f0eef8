#!/usr/bin/env bash
# Applies each deliberate bug in tests/mutations/ to a scratch copy of the
# tree, rebuilds what it needs, runs the tests that must catch it, and prints
# which bugs survived. A survivor means a test is missing. Not part of
# .ci/run: it rebuilds once per mutation (about a minute each here).
#
#   scripts/mutation-check.sh               every mutation
#   scripts/mutation-check.sh 03 12         the mutations whose names start so
#
# The scratch copy and its build stay in $MUTATION_DIR (default: a folder
# under /tmp/pgw-mutants/ for this tree) so later runs rebuild little; a
# second run on the same folder waits for the first.
set -uo pipefail
cd "$(dirname "$0")/.."
ROOT=$PWD
WORK=${MUTATION_DIR:-/tmp/pgw-mutants/$(printf %s "$ROOT" | md5sum | cut -c1-8)}
SNAPSHOT=$WORK/snapshot
SRC=$WORK/src
BUILD=$WORK/build
mkdir -p "$WORK" "$SNAPSHOT" "$SRC"
exec 9>"$WORK/lock"
flock 9

# The tree as it is now (tracked and new files, no build/, no .git), taken
# once: editing the work tree during a run changes nothing here.
scripts/mutation_apply.py sync "$ROOT" "$SNAPSHOT"
sync_tree() {
  # Only files whose bytes differ are rewritten, so each mutant rebuilds little.
  scripts/mutation_apply.py sync "$SNAPSHOT" "$SRC"
  [ -e "$SRC/web/node_modules" ] || ln -s "$ROOT/web/node_modules" "$SRC/web/node_modules"
}

sync_tree
if [ ! -f "$BUILD/CMakeCache.txt" ]; then
  cmake -S "$SRC" -B "$BUILD" -G Ninja -DCMAKE_BUILD_TYPE=Debug >/dev/null || exit 2
fi
echo "building the unmutated tree..."
if ! cmake --build "$BUILD" -j"${JOBS:-2}" >"$WORK/build.log" 2>&1; then
  echo "the unmutated tree does not build: see $WORK/build.log"; exit 2
fi

mutations=()
for m in "$SNAPSHOT"/tests/mutations/*.mutation; do
  name=$(basename "$m" .mutation)
  if [ $# -gt 0 ]; then
    keep=0; for p in "$@"; do [[ $name == "$p"* ]] && keep=1; done
    [ $keep = 1 ] || continue
  fi
  mutations+=("$m")
done

survived=(); broken=(); caught=0
for m in "${mutations[@]}"; do
  name=$(basename "$m" .mutation)
  about=$(scripts/mutation_apply.py about "$m")
  tests=$(scripts/mutation_apply.py tests "$m")
  sync_tree
  scripts/mutation_apply.py apply "$m" "$SRC"
  rc=$?
  if [ $rc -ne 0 ]; then
    echo "BROKEN   $name: the mutation no longer fits the code (fix tests/mutations/$name.mutation)"
    broken+=("$name"); continue
  fi
  log=$WORK/$name.log
  # A race is seen only by ThreadSanitizer: such mutants build and run in a
  # TSan build of the scratch tree (scripts/tsan.sh's flags and targets).
  dir=$BUILD
  if [[ $(scripts/mutation_apply.py build "$m") == tsan ]]; then
    dir=$WORK/build-tsan
    if ! (cd "$SRC" && TSAN_BUILD_DIR="$dir" PGW_BUILD_ONLY=1 scripts/tsan.sh) >"$log" 2>&1; then
      echo "BROKEN   $name: the mutant does not build under TSan (see $log)"; broken+=("$name"); continue
    fi
  elif ! cmake --build "$BUILD" -j"${JOBS:-2}" >"$log" 2>&1; then
    # A mutant that does not even build is caught by the build (compile checks
    # are tests too, so this only counts when the tests say so).
    if [[ $tests != compile* ]]; then
      echo "BROKEN   $name: the mutant does not build (see $log)"; broken+=("$name"); continue
    fi
  fi
  (cd "$dir" && ctest -N -R "$tests") | grep -q "Total Tests: [1-9]" || {
    echo "BROKEN   $name: no test matches '$tests'"; broken+=("$name"); continue
  }
  if (cd "$dir" && TSAN_OPTIONS="halt_on_error=1 suppressions=$SRC/scripts/tsan.supp" \
        ctest -R "$tests" --timeout 120 -j"${JOBS:-2}" >>"$log" 2>&1); then
    echo "SURVIVED $name: $about (tests: $tests)"
    survived+=("$name")
  else
    ran=$(grep -c "Test *#" "$log" || true)
    if [ "$ran" = 0 ]; then
      echo "BROKEN   $name: no test matches '$tests'"; broken+=("$name"); continue
    fi
    echo "caught   $name: $about"
    caught=$((caught + 1))
  fi
done
sync_tree  # leave the scratch copy unmutated

echo
echo "mutations: ${#mutations[@]}, caught: $caught, survived: ${#survived[@]}, broken: ${#broken[@]}"
[ ${#survived[@]} -eq 0 ] && [ ${#broken[@]} -eq 0 ]
