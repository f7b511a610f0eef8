// The browser side, for serving it yourself (Application with
// http_server = false): the bundle and stylesheet, and the page.
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace pgw {

struct WebAsset {
  std::string_view path;          // "pgwidgets.js", "pgwidgets.css"
  std::string_view content_type;
  std::string_view body;
};

// The files the page loads, embedded in the library at build time.
const std::vector<WebAsset>& web_assets();

// The page: loads /pgwidgets.css and /pgwidgets.js and connects to ws_url
// (a "?ws=" query parameter in the browser's URL overrides it).
std::string index_html(std::string_view ws_url, std::string_view title = "pgwidgets");

}  // namespace pgw
