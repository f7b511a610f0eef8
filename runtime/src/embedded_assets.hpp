// The web bundle, embedded by cmake/embed_assets.py at build time.
#pragma once

#include <string_view>
#include <vector>

namespace pgw::detail {

struct EmbeddedAsset {
  std::string_view path;
  std::string_view content_type;
  std::string_view body;
};

const std::vector<EmbeddedAsset>& embedded_assets();

}  // namespace pgw::detail
