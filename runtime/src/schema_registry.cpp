#include "pgwidgets/schema_registry.hpp"

#include <unordered_map>

#include "pgwidgets/schema_info.hpp"

namespace pgw::detail {
namespace {

struct Registry {
  std::vector<PackageInfo> packages;
  std::unordered_map<std::uint32_t, const ClassInfo*> classes;
  std::unordered_map<std::uint32_t, const MethodInfo*> methods;
  std::unordered_map<std::uint32_t, const CallbackInfo*> callbacks;
  std::string error;

  // Adds each entry by id; an id already taken by another entry is a
  // collision between two packages (the generator catches those within
  // the packages one run sees).
  template <class Info>
  void add(std::unordered_map<std::uint32_t, const Info*>& table, std::span<const Info* const> entries,
           std::string_view kind, std::string_view package) {
    for (const Info* e : entries) {
      auto [it, fresh] = table.emplace(e->id, e);
      if (!fresh && it->second != e && error.empty()) {
        error = "pgwidgets: package " + std::string(package) + ": " + std::string(kind) + " id " +
                std::to_string(e->id) + " of " + std::string(e->name) + " collides with that of " +
                std::string(it->second->name) + "; rename one of them";
      }
    }
  }

  void add_package(const PackageInfo& p) {
    for (const PackageInfo& known : packages) {
      if (known.name == p.name) {
        if (known.fingerprint != p.fingerprint && error.empty()) {
          error = "pgwidgets: package " + std::string(p.name) + " is linked twice, from two different schemas";
        }
        return;
      }
    }
    packages.push_back(p);
    add(classes, p.classes, "class", p.name);
    add(methods, p.methods, "method", p.name);
    add(callbacks, p.callbacks, "callback", p.name);
  }
};

Registry& registry() {
  static Registry r = [] {
    Registry core;
    core.add_package(PackageInfo{"pgwidgets.widgets", schema_fingerprint, class_table, method_table, callback_table});
    return core;
  }();
  return r;
}

template <class Info>
const Info* find(const std::unordered_map<std::uint32_t, const Info*>& table, std::uint32_t id) {
  auto it = table.find(id);
  return it == table.end() ? nullptr : it->second;
}

}  // namespace

bool register_package(const PackageInfo& package) {
  registry().add_package(package);
  return true;
}

const std::vector<PackageInfo>& packages() { return registry().packages; }
const std::string& registry_error() { return registry().error; }
const ClassInfo* find_class(std::uint32_t id) { return find(registry().classes, id); }
const MethodInfo* find_method(std::uint32_t id) { return find(registry().methods, id); }
const CallbackInfo* find_callback(std::uint32_t id) { return find(registry().callbacks, id); }

}  // namespace pgw::detail
