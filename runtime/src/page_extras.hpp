// What the application adds to every page besides widgets: fonts it
// registered (served at /_pgwidgets/font/<id>), the default font, the
// page's icon, and files or directories it serves (serve_file). Every
// browser gets the fonts, default font and icon after its hello, so they
// survive a reload and reach browsers that join later. Thread-safe.
#pragma once

#include <cstdint>
#include <filesystem>
#include <mutex>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "pgwidgets/application.hpp"
#include "transport/ws_server.hpp"

namespace pgwidgets {
class ServerFrame;
class ServerMessage;
}  // namespace pgwidgets

namespace pgw::detail {

// The content type of a file, by its name's extension ("" for unknown).
std::string_view content_type_for(const std::filesystem::path& file);
// The MIME type of font bytes, by their magic (woff2, woff, otf, else ttf).
std::string_view font_mime(std::string_view bytes);
// Throws std::invalid_argument unless `url` is an http(s) URL or a path on
// this server ("/..."), with no control characters.
void check_open_url(std::string_view url);
// The OpenUrl message for `url` (checked).
pgwidgets::ServerMessage open_url_message(std::string_view url);

// A file's bytes; throws std::invalid_argument naming `what` when it is
// missing or unreadable.
std::string read_page_file(const std::filesystem::path& file, std::string_view what);

class PageExtras {
 public:
  // Each returns the message every attached browser must get now.
  pgwidgets::ServerMessage add_font(std::string family, std::string bytes, std::string mime, std::string_view weight,
                                    std::string_view style, int& id);
  pgwidgets::ServerMessage set_default_font(std::string family, const DefaultFont& font);
  pgwidgets::ServerMessage set_favicon(std::string bytes);
  void serve_file(std::string url_path, const std::filesystem::path& fs_path);

  // Appends what a joining browser gets after its hello.
  void preamble(pgwidgets::ServerFrame& frame) const;
  // The answer to a request for one of ours; none for any other path.
  std::optional<transport::HttpResponse> serve(std::string_view path) const;

 private:
  struct Font {
    std::string family, weight, style, mime, bytes;
  };
  struct Served {
    std::string url_path;
    std::filesystem::path fs_path;  // canonical
    bool directory;
  };
  mutable std::mutex mutex_;
  std::vector<Font> fonts_;
  std::string default_family_;
  std::optional<double> default_size_;
  std::string default_weight_, default_style_;
  std::string favicon_, favicon_type_;
  int favicon_version_ = 0;
  std::vector<Served> served_;
};

}  // namespace pgw::detail
