// StatePath (runtime/src/state_path.hpp) holds a path's parts in one
// encoded string. The state code relies on it ordering and nesting paths
// exactly as std::vector<std::string> does, whatever bytes the parts hold
// (a zero byte, the bytes of the encoding's own markers, empty parts).
#include <catch2/catch.hpp>

#include <algorithm>
#include <random>
#include <string>
#include <vector>

#include "state_path.hpp"

namespace d = pgw::detail;

namespace {

using Parts = std::vector<std::string>;

d::StatePath path_of(const Parts& parts) { return {parts.begin(), parts.end()}; }

Parts parts_of(const d::StatePath& p) { return {p.begin(), p.end()}; }

bool under(const Parts& q, const Parts& p) {
  return q.size() > p.size() && std::equal(p.begin(), p.end(), q.begin());
}

// Parts drawn from the bytes that matter to the encoding: 00, 01 and FF,
// and an ordinary one, each part 0 to 3 bytes long.
Parts random_parts(std::mt19937& rng) {
  static const char bytes[] = {'\0', '\1', '\xff', 'a'};
  Parts out(rng() % 4);
  for (std::string& part : out) {
    const std::size_t n = rng() % 4;
    for (std::size_t i = 0; i < n; ++i) part += bytes[rng() % 4];
  }
  return out;
}

}  // namespace

TEST_CASE("state path: its parts come back as they went in", "[state_path]") {
  const Parts parts{"f12", "", std::string("a\0b", 3), std::string("\0\1", 2), std::string(1, '\xff'), "x"};
  const d::StatePath p = path_of(parts);
  CHECK(parts_of(p) == parts);
  CHECK(p.size() == parts.size());
  CHECK(p.front() == "f12");
  CHECK(p.back() == "x");
  CHECK(parts_of(p.parent()) == Parts(parts.begin(), parts.end() - 1));
  d::StatePath q = p;
  q.pop_back();
  q.pop_back();
  CHECK(parts_of(q) == Parts(parts.begin(), parts.end() - 2));
  CHECK(q.back() == std::string("\0\1", 2));
  CHECK(parts_of(p.with_front("7")) == Parts{"7", "", std::string("a\0b", 3), std::string("\0\1", 2), std::string(1, '\xff'), "x"});
  CHECK(d::StatePath{}.empty());
  CHECK(d::StatePath{""}.size() == 1);
  CHECK(d::StatePath{""}.parent().empty());
}

TEST_CASE("state path: orders and nests paths as a vector of strings does", "[state_path]") {
  std::mt19937 rng(20261207);
  for (int i = 0; i < 20000; ++i) {
    const Parts a = random_parts(rng), b = random_parts(rng);
    const d::StatePath pa = path_of(a), pb = path_of(b);
    INFO("case " << i);
    REQUIRE(parts_of(pa) == a);
    REQUIRE((pa < pb) == (a < b));
    REQUIRE((pa == pb) == (a == b));
    REQUIRE(pa.is_under(pb) == under(a, b));
    REQUIRE(pa.starts_with(pb) == (a == b || under(a, b)));
    if (!a.empty()) {
      REQUIRE(pa.back() == a.back());
      REQUIRE(parts_of(pa.parent()) == Parts(a.begin(), a.end() - 1));
    }
  }
}
