// The server's end of uploads (protocol.proto, Upload*): one session's
// uploads under way, the rules a page's chunks must follow, and the
// FileDialogs' on_upload handlers. SessionCore hands it the page's
// messages and tells it when a browser leaves or the session ends.
//
// Rules, each refusing the upload (UploadRefused to the page, UploadError
// to the handler, memory freed) rather than the connection:
//  - a file over max_upload_bytes, or to a FileDialog with no handler, is
//    refused at its start;
//  - a chunk must start where the previous one ended, hold 1 to
//    UPLOAD_LIMIT_CHUNK_BYTES bytes, stay within the file's size and
//    within the window (UPLOAD_LIMIT_WINDOW_CHUNKS chunks unread).
// An unknown upload id is a protocol error (one recently ended is not:
// its chunks may be in flight).
#pragma once

#include <cstdint>
#include <deque>
#include <functional>
#include <map>
#include <memory>
#include <string>
#include <vector>

#include <boost/asio/any_io_executor.hpp>

#include "async_lock.hpp"
#include "pgwidgets/logger.hpp"
#include "pgwidgets/upload.hpp"
#include "upload_state.hpp"

namespace pgwidgets {
class ServerMessage;
class UploadStart;
class UploadChunk;
class UploadCancel;
}  // namespace pgwidgets

namespace pgw::detail {

class UploadReceiver {
 public:
  struct Env {
    boost::asio::any_io_executor executor;
    // Runs a handler as the session runs every handler (SessionCore::spawn_handler):
    // under the concurrency lock, its exception reported as `what`'s.
    std::function<void(std::function<Task<>()> body, std::string what)> spawn;
    std::uint64_t max_upload_bytes = 0;
    // Queues a message for one browser.
    std::function<void(std::uint64_t browser, pgwidgets::ServerMessage message)> send;
    // Runs the handlers of a callback the server fires itself (progress, activated).
    std::function<void(WidgetId widget, std::uint32_t callback, std::string args)> fire;
    // A handler's exception, reported as the session reports them.
    std::function<void(std::exception_ptr error, std::string context)> report;
    std::function<void(LogLevel level, const std::string& message)> log;
    std::function<void(std::uint64_t browser, std::string message)> protocol_error;
  };

  explicit UploadReceiver(Env env);
  ~UploadReceiver();
  UploadReceiver(const UploadReceiver&) = delete;
  UploadReceiver& operator=(const UploadReceiver&) = delete;

  void set_handler(WidgetId dialog, UploadHandler handler);
  // Handlers of widgets `exists` no longer knows are dropped.
  void drop_handlers(const std::function<bool(WidgetId)>& exists);

  void start(std::uint64_t browser, const pgwidgets::UploadStart& start);
  void chunk(std::uint64_t browser, const pgwidgets::UploadChunk& chunk);
  void cancel(std::uint64_t browser, const pgwidgets::UploadCancel& cancel);
  // The browser left: its uploads fail and are freed at once.
  void browser_left(std::uint64_t browser, const std::string& why);
  // The session ended: every upload fails, the handlers go.
  void end(const std::string& why);

  // Uploads under way, and the bytes they hold unread (tests, stats).
  std::size_t active() const { return uploads_.size(); }
  std::uint64_t buffered_bytes() const;
  // Uploads the receiver forgot since the session started, and of those
  // the ones that failed (refused, cancelled, browser gone).
  std::uint64_t finished() const { return finished_; }
  std::uint64_t failed() const { return failed_; }

 private:
  using Key = std::pair<std::uint64_t, std::uint32_t>;  // browser, upload id
  // What `activated` reports for one browser's picks in one dialog.
  struct Selection {
    std::vector<std::string> files;  // encoded PickedFile, in order
  };

  void run_handler(std::shared_ptr<UploadState> state, UploadHandler handler);
  void refuse(const std::shared_ptr<UploadState>& state, const std::string& why, bool tell_page);
  void forget(const UploadState& state);
  void remember_ended(const Key& key);
  bool recently_ended(const Key& key) const;
  void on_took(UploadState& state);
  void on_abandoned(UploadState& state, const std::string& why);
  void fire_progress(const UploadState& state);
  void file_done(const UploadState& state);

  Env env_;
  std::map<WidgetId, UploadHandler> handlers_;
  std::map<Key, std::shared_ptr<UploadState>> uploads_;
  std::deque<Key> ended_;  // the last ids that ended, whose late chunks are dropped quietly
  std::map<std::pair<std::uint64_t, WidgetId>, Selection> selections_;
  std::uint64_t finished_ = 0;
  std::uint64_t failed_ = 0;
  std::shared_ptr<bool> alive_ = std::make_shared<bool>(true);
};

}  // namespace pgw::detail
