#!/usr/bin/env bash
# Builds examples/custom_widget, a project of its own, against this SDK and
# drives it in Chromium (tests/browser/custom_widget.test.mjs).
#
#   example_project.sh install    SRC BUILD WORK   # cmake --install BUILD into WORK/prefix, then find_package
#   example_project.sh fetchcontent SRC BUILD WORK # FetchContent from the source tree SRC
#
# Both reuse SRC/web/node_modules (PGWIDGETS_NODE_MODULES) instead of
# another `npm ci`, and build only the example's target and what it needs.
set -euo pipefail
mode=$1 src=$2 build=$3 work=$4
rm -rf "$work"
mkdir -p "$work"
generator=()
command -v ninja >/dev/null && generator=(-G Ninja)
t0=$(date +%s)
case "$mode" in
  install)
    cmake --install "$build" --prefix "$work/prefix" >"$work/install.log"
    # The package is complete by itself: a consumer sees only the prefix.
    for f in lib/cmake/pgwidgets/pgwidgetsConfig.cmake lib/cmake/pgwidgets/pgwidgetsConfigVersion.cmake \
             include/pgwidgets/pgwidgets.hpp include/pgwidgets/testing.hpp share/pgwidgets/web/dist/pgwidgets.js \
             share/pgwidgets/codegen/protoc-gen-pgwidgets.py share/pgwidgets/schema/pgwidgets/widgets/base.proto; do
      [[ -e "$work/prefix/$f" ]] || { echo "not installed: $f" >&2; exit 1; }
    done
    cmake -S "$src/examples/custom_widget" -B "$work/build" "${generator[@]}" \
      -DCMAKE_PREFIX_PATH="$work/prefix" -DPGWIDGETS_NODE_MODULES="$src/web/node_modules" >"$work/configure.log"
    bundle="$work/prefix/share/pgwidgets/web/dist"
    ;;
  fetchcontent)
    # As a unity build (CMAKE_UNITY_BUILD): a third less compile time for
    # the library it builds again, and the proof that the SDK builds so.
    cmake -S "$src/examples/custom_widget" -B "$work/build" "${generator[@]}" \
      -DPGWIDGETS_SOURCE_DIR="$src" -DCMAKE_UNITY_BUILD=ON >"$work/configure.log"
    bundle="$work/build/_deps/pgwidgets-build/web"
    ;;
  *) echo "usage: $0 install|fetchcontent SRC BUILD WORK" >&2; exit 2 ;;
esac
cmake --build "$work/build" -j2 --target custom_widget >"$work/build.log" || { tail -50 "$work/build.log" >&2; exit 1; }
echo "built in $(( $(date +%s) - t0 )) s"
# The installed test kit (pgwidgets::testing) drives the project's page,
# Rating included, without a browser.
if [[ $mode == install ]]; then
  cmake --build "$work/build" -j2 --target test_rating >>"$work/build.log" || { tail -50 "$work/build.log" >&2; exit 1; }
  "$work/build/test_rating" || { echo "test_rating failed" >&2; exit 1; }
fi
# The SDK's own page, for the check that a page without package rating is refused.
[[ -f "$bundle/pgwidgets.js" ]] || { echo "no SDK bundle in $bundle" >&2; exit 1; }
node "$src/tests/browser/custom_widget.test.mjs" --binary "$work/build/custom_widget" \
  --sdk-bundle "$bundle" --artifacts "$build/artifacts"
[[ $mode == install ]] || exit 0

# A method the TypeScript does not implement fails the build, naming the
# class and the method (a copy of the example without Rating.set_value).
cp -r "$src/examples/custom_widget" "$work/broken"
python3 - "$work/broken/web/rating.ts" <<'PY'
import sys
path = sys.argv[1]
text = open(path).read()
start = text.index("  set_value(stars: number): void {")
text = text[:start] + text[text.rindex("}"):]
text = text.replace("this.set_value(n);", "")
open(path, "w").write(text)
PY
cmake -S "$work/broken" -B "$work/broken-build" "${generator[@]}" \
  -DCMAKE_PREFIX_PATH="$work/prefix" -DPGWIDGETS_NODE_MODULES="$src/web/node_modules" >"$work/broken-configure.log"
if cmake --build "$work/broken-build" --target custom_widget >"$work/broken-build.log" 2>&1; then
  echo "not ok - a Rating without set_value built" >&2; exit 1
fi
grep -q "Property 'set_value' is missing in type 'Rating'" "$work/broken-build.log" || {
  echo "not ok - the build failed without naming Rating.set_value:" >&2; tail -20 "$work/broken-build.log" >&2; exit 1; }
echo "ok - a Rating without set_value fails the build, naming the class and method"
