// Files a user picks in a FileDialog, as the C++ program receives them.
//
//   pgw::on_upload(dialog, [](pgw::Upload file) -> pgw::Task<> {
//     std::ofstream out(file.name(), std::ios::binary);
//     while (auto chunk = co_await file.read()) out.write(chunk->data(), chunk->size());
//   });
//
// Each picked file gets one handler run, with a pgw::Upload: its name,
// MIME type and size as the browser gave them, and read(), which returns
// the file's bytes chunk by chunk (at most UPLOAD_LIMIT_CHUNK_BYTES each)
// and std::nullopt after the last. The page sends a chunk only when the
// program has taken the one a window before it, so an upload holds at most
// a window of chunks in memory, whatever the file's size, and other traffic
// (clicks, callbacks) goes between its chunks.
//
// The handler runs under the session's concurrency lock like any handler,
// except while read() waits for the next chunk: other handlers run then.
// read() throws pgw::UploadError when the upload cannot go on: a file over
// ApplicationOptions::max_upload_bytes (the first read() throws, no byte
// was sent), a browser that left, a session that ended, a page that broke
// the upload's rules or gave it up. Its memory is freed at that moment.
// Dropping the Upload (the handler returns or throws) before the end
// cancels the upload: the page stops sending it and says so.
#pragma once

#include <cstdint>
#include <memory>
#include <optional>
#include <string>

#include "pgwidgets/errors.hpp"
#include "pgwidgets/handler.hpp"
#include "pgwidgets/task.hpp"
#include "pgwidgets/widgets/files.hpp"

namespace pgw {

// An upload could not be received whole: what() says why.
class UploadError : public Error {
 public:
  using Error::Error;
};

namespace detail {
struct UploadState;
}

class Upload {
 public:
  explicit Upload(std::shared_ptr<detail::UploadState> state);
  Upload(Upload&&) noexcept;
  Upload& operator=(Upload&&) noexcept;
  Upload(const Upload&) = delete;
  Upload& operator=(const Upload&) = delete;
  // Before the last byte was read: cancels the upload.
  ~Upload();

  // As the browser gave them: the file's name (no path), its MIME type
  // ("application/octet-stream" when the browser does not say) and size.
  const std::string& name() const;
  const std::string& type() const;
  std::uint64_t size() const;
  // Which of the files picked together this is (0-based), of how many.
  int index() const;
  int count() const;
  // Bytes returned by read() so far.
  std::uint64_t taken() const;

  // The next chunk of the file's bytes, in order; std::nullopt once every
  // byte was returned. Throws UploadError when the upload cannot go on.
  // Call it from the handler it was given to (its waits let other
  // handlers run).
  Task<std::optional<std::string>> read();
  // Reads the rest of the file into one string (of at most size() bytes):
  // for files known to be small; a large one is better read chunk by chunk.
  Task<std::string> read_all();
  // Gives the upload up now: the page stops sending, the memory is freed,
  // and read() throws from then on. Idempotent; nothing after the end.
  void cancel();

 private:
  std::shared_ptr<detail::UploadState> state_;
};

namespace detail {
using UploadHandler = std::function<Task<>(Upload)>;
void set_upload_handler(const WidgetHandle& dialog, UploadHandler handler);
}  // namespace detail

// Registers the handler that receives the files picked in `dialog`, one
// run per file: a plain function or a coroutine taking exactly
// (pgw::Upload file). A later registration replaces it. Without one, a
// picked file is refused (the page says so) and no byte is sent.
template <class F>
void on_upload(const FileDialog& dialog, F handler) {
  static_assert(detail::handler_for<F, Upload>,
                "pgw::on_upload: the handler must take exactly (pgw::Upload file) and return void or pgw::Task<>");
  if constexpr (detail::handler_for<F, Upload>) {
    detail::set_upload_handler(dialog, detail::adapt_handler<Upload>(std::move(handler)));
  }
}

}  // namespace pgw
