#include "page_extras.hpp"

#include <algorithm>
#include <array>
#include <cctype>
#include <fstream>
#include <iterator>
#include <stdexcept>
#include <system_error>

#include "pgwidgets/protocol.pb.h"

namespace pgw::detail {
namespace fs = std::filesystem;

namespace {

constexpr std::string_view kFontPrefix = "/_pgwidgets/font/";

std::string lower(std::string_view s) {
  std::string out(s);
  for (char& c : out) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return out;
}

void check_weight(std::string_view weight) {
  static constexpr std::array<std::string_view, 11> ok = {"normal", "bold", "100", "200", "300", "400",
                                                          "500",    "600",  "700", "800", "900"};
  if (std::find(ok.begin(), ok.end(), weight) == ok.end()) {
    throw std::invalid_argument("font weight \"" + std::string(weight) +
                                "\": give \"normal\", \"bold\" or 100, 200, ... 900");
  }
}

void check_style(std::string_view style) {
  if (style != "normal" && style != "italic" && style != "oblique") {
    throw std::invalid_argument("font style \"" + std::string(style) + "\": give \"normal\", \"italic\" or \"oblique\"");
  }
}

void check_family(std::string_view family) {
  if (family.empty()) throw std::invalid_argument("a font family name is required");
  for (unsigned char c : family) {
    if (c < 0x20 || c == 0x7f) throw std::invalid_argument("font family \"" + std::string(family) + "\": control character");
  }
}

// A path inside a served directory, from the request: each segment a name,
// never "..", ".", empty, or holding a backslash or NUL. Percent escapes
// are decoded first (so %2e%2e is "..").
std::optional<fs::path> relative_inside(std::string_view rest) {
  std::string decoded;
  for (std::size_t i = 0; i < rest.size(); ++i) {
    if (rest[i] == '%') {
      if (i + 2 >= rest.size()) return std::nullopt;
      const auto hex = [](char c) -> int {
        if (c >= '0' && c <= '9') return c - '0';
        c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
        if (c >= 'a' && c <= 'f') return c - 'a' + 10;
        return -1;
      };
      const int hi = hex(rest[i + 1]), lo = hex(rest[i + 2]);
      if (hi < 0 || lo < 0) return std::nullopt;
      decoded += static_cast<char>(hi * 16 + lo);
      i += 2;
    } else {
      decoded += rest[i];
    }
  }
  fs::path out;
  std::size_t start = 0;
  while (start <= decoded.size()) {
    const std::size_t end = std::min(decoded.find('/', start), decoded.size());
    const std::string_view seg(decoded.data() + start, end - start);
    if (seg.empty() || seg == "." || seg == ".." || seg.find('\\') != std::string_view::npos ||
        seg.find('\0') != std::string_view::npos) {
      return std::nullopt;
    }
    out /= std::string(seg);
    start = end + 1;
  }
  return out;
}

std::optional<std::string> read_file(const fs::path& file) {
  std::ifstream in(file, std::ios::binary);
  if (!in) return std::nullopt;
  return std::string(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
}

std::string read_or_throw(const fs::path& file, std::string_view what) {
  std::error_code ec;
  if (!fs::is_regular_file(file, ec)) throw std::invalid_argument(std::string(what) + " " + file.string() + ": no such file");
  auto bytes = read_file(file);
  if (!bytes) throw std::invalid_argument(std::string(what) + " " + file.string() + ": cannot be read");
  return std::move(*bytes);
}

std::string_view image_type(std::string_view bytes) {
  if (bytes.substr(0, 8) == std::string_view("\x89PNG\r\n\x1a\n", 8)) return "image/png";
  if (bytes.substr(0, 4) == std::string_view("\0\0\1\0", 4)) return "image/x-icon";
  if (bytes.substr(0, 3) == "GIF") return "image/gif";
  if (bytes.substr(0, 3) == "\xff\xd8\xff") return "image/jpeg";
  if (bytes.substr(0, 4) == "RIFF" && bytes.substr(8, 4) == "WEBP") return "image/webp";
  const auto first = bytes.find_first_not_of(" \t\r\n\xef\xbb\xbf");
  if (first != std::string_view::npos && bytes[first] == '<') return "image/svg+xml";
  return {};
}

}  // namespace

std::string_view content_type_for(const fs::path& file) {
  static constexpr std::array<std::pair<std::string_view, std::string_view>, 24> types = {{
      {".html", "text/html; charset=utf-8"}, {".htm", "text/html; charset=utf-8"},
      {".css", "text/css; charset=utf-8"},   {".js", "text/javascript; charset=utf-8"},
      {".json", "application/json"},         {".txt", "text/plain; charset=utf-8"},
      {".svg", "image/svg+xml"},             {".png", "image/png"},
      {".jpg", "image/jpeg"},                {".jpeg", "image/jpeg"},
      {".gif", "image/gif"},                 {".webp", "image/webp"},
      {".ico", "image/x-icon"},              {".webm", "video/webm"},
      {".mp4", "video/mp4"},                 {".ogv", "video/ogg"},
      {".ogg", "audio/ogg"},                 {".mp3", "audio/mpeg"},
      {".wav", "audio/wav"},                 {".m3u8", "application/vnd.apple.mpegurl"},
      {".ttf", "font/ttf"},                  {".otf", "font/otf"},
      {".woff", "font/woff"},                {".woff2", "font/woff2"},
  }};
  const std::string ext = lower(file.extension().string());
  for (const auto& [e, t] : types) {
    if (e == ext) return t;
  }
  return {};
}

std::string_view font_mime(std::string_view bytes) {
  if (bytes.substr(0, 4) == "wOF2") return "font/woff2";
  if (bytes.substr(0, 4) == "wOFF") return "font/woff";
  if (bytes.substr(0, 4) == "OTTO") return "font/otf";
  return "font/ttf";
}

void check_open_url(std::string_view url) {
  for (unsigned char c : url) {
    if (c < 0x20 || c == 0x7f) throw std::invalid_argument("open_url: the URL holds a control character");
  }
  const std::string l = lower(url.substr(0, 8));
  const bool web = l.rfind("http://", 0) == 0 || l.rfind("https://", 0) == 0;
  const bool local = !url.empty() && url[0] == '/' && (url.size() == 1 || url[1] != '/');
  if (!web && !local) {
    throw std::invalid_argument("open_url \"" + std::string(url) +
                                "\": give an http: or https: URL or a path on this server (\"/...\")");
  }
}

pgwidgets::ServerMessage open_url_message(std::string_view url) {
  check_open_url(url);
  pgwidgets::ServerMessage m;
  m.mutable_open_url()->set_url(std::string(url));
  return m;
}

pgwidgets::ServerMessage PageExtras::add_font(std::string family, std::string bytes, std::string mime,
                                              std::string_view weight, std::string_view style, int& id) {
  check_family(family);
  check_weight(weight);
  check_style(style);
  if (bytes.empty()) throw std::invalid_argument("font " + family + ": no bytes");
  std::lock_guard lock(mutex_);
  fonts_.push_back(Font{std::move(family), std::string(weight), std::string(style), std::move(mime), std::move(bytes)});
  id = static_cast<int>(fonts_.size());
  pgwidgets::ServerMessage m;
  auto* f = m.mutable_register_font();
  const Font& font = fonts_.back();
  f->set_family(font.family);
  f->set_url(std::string(kFontPrefix) + std::to_string(id));
  f->set_weight(font.weight);
  f->set_style(font.style);
  return m;
}

pgwidgets::ServerMessage PageExtras::set_default_font(std::string family, const DefaultFont& font) {
  if (!family.empty()) check_family(family);
  if (font.size && !(*font.size > 0 && *font.size < 1e4)) {
    throw std::invalid_argument("default font size " + std::to_string(*font.size) + ": give a positive size in points");
  }
  if (!font.weight.empty()) check_weight(font.weight);
  if (!font.style.empty()) check_style(font.style);
  std::lock_guard lock(mutex_);
  default_family_ = std::move(family);
  default_size_ = default_family_.empty() ? std::nullopt : font.size;
  default_weight_ = default_family_.empty() ? std::string() : std::string(font.weight);
  default_style_ = default_family_.empty() ? std::string() : std::string(font.style);
  pgwidgets::ServerMessage m;
  auto* d = m.mutable_default_font();
  d->set_family(default_family_);
  if (default_size_) d->set_size(*default_size_);
  d->set_weight(default_weight_);
  d->set_style(default_style_);
  return m;
}

pgwidgets::ServerMessage PageExtras::set_favicon(std::string bytes) {
  const std::string_view type = image_type(bytes);
  if (bytes.empty() || type.empty()) {
    throw std::invalid_argument("set_favicon: not an image (SVG, PNG, ICO, GIF, JPEG or WebP)");
  }
  std::lock_guard lock(mutex_);
  favicon_ = std::move(bytes);
  favicon_type_ = std::string(type);
  ++favicon_version_;
  pgwidgets::ServerMessage m;
  m.mutable_favicon()->set_url("/favicon.ico?v=" + std::to_string(favicon_version_));
  return m;
}

void PageExtras::serve_file(std::string url_path, const fs::path& fs_path) {
  while (url_path.size() > 1 && url_path.back() == '/') url_path.pop_back();
  const auto taken = [&](std::string_view p) { return url_path == p; };
  if (url_path.empty() || url_path[0] != '/' || url_path == "/" || taken("/index.html") ||
      url_path.rfind("/pgwidgets.", 0) == 0 || url_path.rfind("/favicon.", 0) == 0 ||
      url_path.rfind("/_pgwidgets", 0) == 0 || url_path.find('?') != std::string::npos ||
      !relative_inside(url_path.substr(1))) {
    throw std::invalid_argument("serve_file: \"" + url_path +
                                "\" is not a path it can serve (one starting with \"/\", no \"..\", and not one of "
                                "the page's own: /, /index.html, /pgwidgets.*, /favicon.*, /_pgwidgets/...)");
  }
  std::error_code ec;
  const fs::path canonical = fs::canonical(fs_path, ec);
  if (ec) throw std::invalid_argument("serve_file: " + fs_path.string() + ": no such file or directory");
  const bool directory = fs::is_directory(canonical, ec);
  std::lock_guard lock(mutex_);
  served_.erase(std::remove_if(served_.begin(), served_.end(), [&](const Served& s) { return s.url_path == url_path; }),
                served_.end());
  served_.push_back(Served{std::move(url_path), canonical, directory});
}

void PageExtras::preamble(pgwidgets::ServerFrame& frame) const {
  std::lock_guard lock(mutex_);
  for (std::size_t i = 0; i < fonts_.size(); ++i) {
    auto* f = frame.add_messages()->mutable_register_font();
    f->set_family(fonts_[i].family);
    f->set_url(std::string(kFontPrefix) + std::to_string(i + 1));
    f->set_weight(fonts_[i].weight);
    f->set_style(fonts_[i].style);
  }
  if (!default_family_.empty()) {
    auto* d = frame.add_messages()->mutable_default_font();
    d->set_family(default_family_);
    if (default_size_) d->set_size(*default_size_);
    d->set_weight(default_weight_);
    d->set_style(default_style_);
  }
  if (favicon_version_ > 0) {
    frame.add_messages()->mutable_favicon()->set_url("/favicon.ico?v=" + std::to_string(favicon_version_));
  }
}

std::optional<transport::HttpResponse> PageExtras::serve(std::string_view path) const {
  transport::HttpResponse r;
  const auto not_found = [&] {
    r.status = 404;
    r.body = "not found: " + std::string(path) + "\n";
    return r;
  };
  std::lock_guard lock(mutex_);
  if (path.rfind(kFontPrefix, 0) == 0) {
    const std::string_view n = path.substr(kFontPrefix.size());
    std::size_t id = 0;
    if (n.empty() || n.size() > 6 || !std::all_of(n.begin(), n.end(), [](char c) { return c >= '0' && c <= '9'; })) {
      return not_found();
    }
    id = std::stoul(std::string(n));
    if (id == 0 || id > fonts_.size()) return not_found();
    r.content_type = fonts_[id - 1].mime;
    r.body = fonts_[id - 1].bytes;
    r.headers.emplace_back("Cache-Control", "public, max-age=31536000, immutable");
    return r;
  }
  if ((path == "/favicon.ico" || path == "/favicon.svg") && favicon_version_ > 0) {
    r.content_type = favicon_type_;
    r.body = favicon_;
    return r;
  }
  for (const Served& s : served_) {
    fs::path file;
    if (path == s.url_path && !s.directory) {
      file = s.fs_path;
    } else if (s.directory && path.size() > s.url_path.size() + 1 && path.rfind(s.url_path, 0) == 0 &&
               path[s.url_path.size()] == '/') {
      const auto rel = relative_inside(path.substr(s.url_path.size() + 1));
      if (!rel) return not_found();
      std::error_code ec;
      const fs::path real = fs::canonical(s.fs_path / *rel, ec);
      if (ec) return not_found();
      // A symlink may not lead out of the directory.
      const auto mismatch = std::mismatch(s.fs_path.begin(), s.fs_path.end(), real.begin(), real.end());
      if (mismatch.first != s.fs_path.end()) return not_found();
      file = real;
    } else {
      continue;
    }
    std::error_code ec;
    if (!fs::is_regular_file(file, ec)) return not_found();
    auto bytes = read_file(file);
    if (!bytes) return not_found();
    const std::string_view type = content_type_for(file);
    r.content_type = type.empty() ? "application/octet-stream" : std::string(type);
    r.body = std::move(*bytes);
    r.headers.emplace_back("X-Content-Type-Options", "nosniff");
    return r;
  }
  return std::nullopt;
}

// Used by Application (application.cpp) for files given by path.
std::string read_page_file(const fs::path& file, std::string_view what) { return read_or_throw(file, what); }

}  // namespace pgw::detail
