#include "pgwidgets/schema_registry.hpp"

#include "package_table.hpp"
#include "pgwidgets/schema_info.hpp"

namespace pgw::detail {
namespace {

std::string label(const ClassInfo& c) { return std::string(c.name); }
std::string label(const MethodInfo& m) { return std::string(m.class_name) + "." + std::string(m.name); }
std::string label(const CallbackInfo& cb) { return std::string(cb.class_name) + ".on_" + std::string(cb.name); }

}  // namespace

template <class Info>
void PackageTable::add_entries(std::unordered_map<std::uint32_t, const Info*>& table,
                               std::span<const Info* const> entries, std::string_view kind,
                               std::string_view package) {
  for (const Info* e : entries) {
    // The generator refuses collisions among the packages one run sees;
    // two packages generated apart meet only here.
    auto [it, fresh] = table.emplace(e->id, e);
    if (!fresh && it->second != e && error_.empty()) {
      error_ = "pgwidgets: package " + std::string(package) + ": " + std::string(kind) + " id " +
               std::to_string(e->id) + " of " + label(*e) + " collides with that of " + label(*it->second) + "; rename one of them";
    }
  }
}

void PackageTable::add(const PackageInfo& p) {
  for (const PackageInfo& known : packages_) {
    if (known.name == p.name) {
      if (known.fingerprint != p.fingerprint && error_.empty()) {
        error_ = "pgwidgets: package " + std::string(p.name) + " is linked twice, from two different schemas";
      }
      return;
    }
  }
  packages_.push_back(p);
  add_entries(classes_, p.classes, "class", p.name);
  add_entries(methods_, p.methods, "method", p.name);
  add_entries(callbacks_, p.callbacks, "callback", p.name);
}

namespace {

// The program's table: the SDK's package first, users' as they register
// (from static initializers, hence a function-local static).
PackageTable& table() {
  static PackageTable t = [] {
    PackageTable core;
    core.add(PackageInfo{"pgwidgets.widgets", schema_fingerprint, class_table, method_table, callback_table});
    return core;
  }();
  return t;
}

}  // namespace

bool register_package(const PackageInfo& package) {
  table().add(package);
  return true;
}

const std::vector<PackageInfo>& packages() { return table().packages(); }
const std::string& registry_error() { return table().error(); }
const ClassInfo* find_class(std::uint32_t id) { return table().find_class(id); }
const MethodInfo* find_method(std::uint32_t id) { return table().find_method(id); }
const CallbackInfo* find_callback(std::uint32_t id) { return table().find_callback(id); }

}  // namespace pgw::detail
