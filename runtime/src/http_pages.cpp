#include "http_pages.hpp"

#include <algorithm>
#include <cctype>

#include "embedded_assets.hpp"
#include "pgwidgets/web_assets.hpp"

namespace pgw {

namespace {

std::vector<WebAsset>& user_assets() {
  static std::vector<WebAsset> assets;
  return assets;
}

}  // namespace

bool detail::set_web_assets(std::vector<WebAsset> assets) {
  user_assets() = std::move(assets);
  return true;
}

const std::vector<WebAsset>& web_assets() {
  if (!user_assets().empty()) return user_assets();
  static const std::vector<WebAsset> assets = [] {
    std::vector<WebAsset> out;
    for (const auto& a : detail::embedded_assets()) out.push_back(WebAsset{a.path, a.content_type, a.body});
    return out;
  }();
  return assets;
}

namespace {

// A JSON string literal, safe inside <script>: no "</" can close the tag.
std::string script_string(std::string_view text) {
  std::string out = "\"";
  for (char c : text) {
    switch (c) {
      case '"': out += "\\\""; break;
      case '\\': out += "\\\\"; break;
      case '<': out += "\\u003c"; break;
      case '>': out += "\\u003e"; break;
      case '&': out += "\\u0026"; break;
      default:
        if (static_cast<unsigned char>(c) < 0x20) {
          out += "\\u00";
          out += "0123456789abcdef"[(c >> 4) & 0xf];
          out += "0123456789abcdef"[c & 0xf];
        } else {
          out += c;
        }
    }
  }
  return out + "\"";
}

std::string html_text(std::string_view text) {
  std::string out;
  for (char c : text) {
    switch (c) {
      case '<': out += "&lt;"; break;
      case '>': out += "&gt;"; break;
      case '&': out += "&amp;"; break;
      case '"': out += "&quot;"; break;
      default: out += c;
    }
  }
  return out;
}

constexpr std::string_view kFavicon =
    "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 16 16\">"
    "<rect x=\"1\" y=\"2\" width=\"14\" height=\"12\" rx=\"2\" fill=\"#3b6fd8\"/>"
    "<rect x=\"1\" y=\"2\" width=\"14\" height=\"3\" rx=\"1\" fill=\"#27509f\"/>"
    "<rect x=\"3\" y=\"7\" width=\"6\" height=\"2\" fill=\"#fff\"/></svg>";

}  // namespace

std::string index_html(std::string_view ws_url, std::string_view title) {
  return "<!doctype html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n"
         "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
         "<title>" + html_text(title) + "</title>\n"
         "<link rel=\"icon\" href=\"/favicon.svg\" type=\"image/svg+xml\">\n"
         "<link rel=\"stylesheet\" href=\"/pgwidgets.css\">\n"
         "<script>window.PGWIDGETS_WS_URL = " + script_string(ws_url) + ";</script>\n"
         "</head>\n<body>\n<noscript>This application needs JavaScript.</noscript>\n"
         "<script src=\"/pgwidgets.js\"></script>\n</body>\n</html>\n";
}

namespace detail {

std::string host_of(const std::string& host_header) {
  std::string host = host_header;
  if (!host.empty() && host.front() == '[') {
    auto end = host.find(']');
    if (end == std::string::npos) return {};
    host = host.substr(0, end + 1);
  } else if (auto colon = host.rfind(':'); colon != std::string::npos) {
    host = host.substr(0, colon);
  }
  const bool plausible = !host.empty() && std::all_of(host.begin(), host.end(), [](unsigned char c) {
    return std::isalnum(c) || c == '.' || c == '-' || c == '_' || c == ':' || c == '[' || c == ']';
  });
  return plausible ? host : std::string();
}

std::string origin_of(std::string_view url) {
  const auto scheme_end = url.find("://");
  if (scheme_end == std::string_view::npos) return {};
  const auto end = url.find_first_of("/?#", scheme_end + 3);
  std::string out(url.substr(0, end));
  for (auto& c : out) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return out;
}

std::string public_url_error(std::string_view url, std::initializer_list<std::string_view> starts) {
  if (url.empty()) return {};
  std::string expected;
  bool starts_well = false;
  for (auto start : starts) {
    if (url.substr(0, start.size()) == start && url.size() > start.size() - (start == "/" ? 1 : 0)) starts_well = true;
    expected += (expected.empty() ? "" : ", ") + std::string("\"") + std::string(start) + "\"";
  }
  if (!starts_well) return "must start with one of " + expected;
  for (char c : url) {
    if (static_cast<unsigned char>(c) <= 0x20 || c == 0x7f) return "holds a space or a control character";
    if (c == '?' || c == '#') return "must not hold '?' or '#' (a query is appended to it)";
  }
  return {};
}

transport::HttpResponse serve_http(const transport::HttpRequest& request, const std::string& fallback_host,
                                   std::uint16_t ws_port, std::string_view public_ws_url) {
  transport::HttpResponse response;
  std::string path = request.resource.substr(0, request.resource.find('?'));
  if (request.method != "GET" && request.method != "HEAD") {
    response.status = 405;
    response.body = "method not allowed\n";
    response.headers.emplace_back("Allow", "GET, HEAD");
    return response;
  }
  if (path == "/" || path == "/index.html") {
    response.content_type = "text/html; charset=utf-8";
    if (!public_ws_url.empty()) {
      // Behind a proxy: its address, the same whichever process answers.
      response.body = index_html(public_ws_url);
      return response;
    }
    // The browser reaches the WebSocket at the host it reached us by, so
    // binding 0.0.0.0 still gives a usable URL.
    std::string host = host_of(request.host);
    if (host.empty()) host = fallback_host;
    response.body = index_html("ws://" + host + ":" + std::to_string(ws_port) + "/");
    return response;
  }
  if (path == "/favicon.svg" || path == "/favicon.ico") {
    response.content_type = "image/svg+xml";
    response.body = std::string(kFavicon);
    return response;
  }
  for (const auto& asset : web_assets()) {
    if (path.size() > 1 && std::string_view(path).substr(1) == asset.path) {
      response.content_type = std::string(asset.content_type);
      response.body = std::string(asset.body);
      return response;
    }
  }
  response.status = 404;
  response.body = "not found: " + path + "\n";
  return response;
}

}  // namespace detail
}  // namespace pgw
