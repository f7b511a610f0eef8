// The classes, methods and callbacks of a set of widget packages, by id:
// what schema_registry.cpp keeps for the program, a value of its own so
// tests can build one.
#pragma once

#include <cstdint>
#include <span>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "pgwidgets/schema_registry.hpp"

namespace pgw::detail {

class PackageTable {
 public:
  // Adds a package. An id already taken by another package's entry, or a
  // second package of one name with another fingerprint, is recorded in
  // error() (the first such mistake); the table keeps the first entry.
  void add(const PackageInfo& package);

  const std::vector<PackageInfo>& packages() const { return packages_; }
  const std::string& error() const { return error_; }
  const ClassInfo* find_class(std::uint32_t id) const { return find(classes_, id); }
  const MethodInfo* find_method(std::uint32_t id) const { return find(methods_, id); }
  const CallbackInfo* find_callback(std::uint32_t id) const { return find(callbacks_, id); }

 private:
  template <class Info>
  void add_entries(std::unordered_map<std::uint32_t, const Info*>& table, std::span<const Info* const> entries,
                   std::string_view kind, std::string_view package);
  template <class Info>
  static const Info* find(const std::unordered_map<std::uint32_t, const Info*>& table, std::uint32_t id) {
    auto it = table.find(id);
    return it == table.end() ? nullptr : it->second;
  }

  std::vector<PackageInfo> packages_;
  std::unordered_map<std::uint32_t, const ClassInfo*> classes_;
  std::unordered_map<std::uint32_t, const MethodInfo*> methods_;
  std::unordered_map<std::uint32_t, const CallbackInfo*> callbacks_;
  std::string error_;
};

}  // namespace pgw::detail
