#include "package_check.hpp"

#include <string_view>

#include "pgwidgets/schema_registry.hpp"

namespace pgw::detail {

std::string package_mismatch(const pgwidgets::ClientHello& hello) {
  const auto& mine = packages();
  // The SDK's package comes first and travels in schema_fingerprint.
  for (std::size_t i = 1; i < mine.size(); ++i) {
    const PackageInfo& p = mine[i];
    const pgwidgets::PackageFingerprint* theirs = nullptr;
    for (const auto& q : hello.packages()) {
      if (q.name() == p.name) theirs = &q;
    }
    if (theirs == nullptr) {
      return "The page was built without widget package \"" + std::string(p.name) + "\".";
    }
    if (theirs->fingerprint() != p.fingerprint) {
      return "The page has another version of widget package \"" + std::string(p.name) + "\".";
    }
  }
  for (const auto& q : hello.packages()) {
    bool known = false;
    for (std::size_t i = 1; i < mine.size(); ++i) known = known || mine[i].name == q.name();
    if (!known) {
      // The name comes from the peer: bounded, so the log line stays short.
      return "The server was built without widget package \"" + q.name().substr(0, 60) + "\".";
    }
  }
  return "";
}

}  // namespace pgw::detail
