#include <catch2/catch.hpp>

#include <array>

#include "package_table.hpp"
#include "pgwidgets/schema_info.hpp"
#include "pgwidgets/schema_registry.hpp"

using namespace pgw::detail;

namespace {

PackageInfo core() {
  return PackageInfo{"pgwidgets.widgets", schema_fingerprint, class_table, method_table, callback_table};
}

// A user package's class derived from Widget, with the given id.
struct FakePackage {
  ClassInfo cls;
  std::array<const ClassInfo*, 1> classes{&cls};
  PackageInfo info(std::string_view name, std::uint64_t fingerprint = 1) const {
    return PackageInfo{name, fingerprint, classes, {}, {}};
  }
};

}  // namespace

TEST_CASE("packages: a user package's classes are found by id beside the SDK's") {
  PackageTable t;
  t.add(core());
  FakePackage stars{ClassInfo{12345, "Stars", classes::Widget.id, false, false}};
  t.add(stars.info("stars"));
  CHECK(t.error().empty());
  CHECK(t.find_class(12345) == &stars.cls);
  CHECK(t.find_class(classes::Button.id) == &classes::Button);
  CHECK(t.find_method(methods::Label_set_text.id) == &methods::Label_set_text);
  CHECK(t.find_class(7) == nullptr);
  REQUIRE(t.packages().size() == 2);
  CHECK(t.packages()[1].name == "stars");
}

TEST_CASE("packages: ids colliding across packages are an error naming both classes") {
  PackageTable t;
  t.add(core());
  FakePackage clash{ClassInfo{classes::Button.id, "Knob", classes::Widget.id, false, false}};
  t.add(clash.info("knobs"));
  CHECK(t.error() == "pgwidgets: package knobs: class id " + std::to_string(classes::Button.id) +
                         " of Knob collides with that of Button; rename one of them");
  CHECK(t.find_class(classes::Button.id) == &classes::Button);  // the first keeps its id
}

TEST_CASE("packages: one package linked from two schemas is an error") {
  PackageTable t;
  FakePackage a{ClassInfo{1001, "A", 0, false, false}};
  t.add(a.info("mine", 1));
  t.add(a.info("mine", 1));
  CHECK(t.error().empty());
  t.add(a.info("mine", 2));
  CHECK(t.error() == "pgwidgets: package mine is linked twice, from two different schemas");
}

TEST_CASE("packages: the program's registry holds the SDK's package, without errors") {
  REQUIRE_FALSE(packages().empty());
  CHECK(packages()[0].name == "pgwidgets.widgets");
  CHECK(packages()[0].fingerprint == schema_fingerprint);
  CHECK(registry_error().empty());
}
