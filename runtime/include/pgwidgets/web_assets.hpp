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

// The files the page loads, embedded in the library at build time, or the
// page built with the program's own widgets (pgwidgets_add_widgets).
const std::vector<WebAsset>& web_assets();

namespace detail {
// Serves `assets` instead of the SDK's page: the bundle of the core plus a
// user's widget packages, registered by the program's generated
// pgwidgets_assets.cpp when it starts. Returns true, for a static initializer.
bool set_web_assets(std::vector<WebAsset> assets);
}  // namespace detail

// The page: loads /pgwidgets.css and /pgwidgets.js and connects to ws_url
// (a "?ws=" query parameter in the browser's URL overrides it).
std::string index_html(std::string_view ws_url, std::string_view title = "pgwidgets");

}  // namespace pgw
