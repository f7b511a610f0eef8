// One upload's state, shared by the receiver (which fills it from the
// page's chunks) and the pgw::Upload the program reads it through.
#pragma once

#include <cstdint>
#include <deque>
#include <functional>
#include <memory>
#include <optional>
#include <string>

#include <boost/asio/any_io_executor.hpp>
#include <boost/asio/steady_timer.hpp>

#include "pgwidgets/session_link.hpp"

namespace pgw::detail {

struct UploadState {
  explicit UploadState(const boost::asio::any_io_executor& executor)
      : wake(executor, boost::asio::steady_timer::time_point::max()) {}

  std::uint32_t id = 0;       // the page's number for it
  std::uint64_t browser = 0;  // the connection it comes from
  WidgetId widget = 0;        // the FileDialog
  std::string name;
  std::string type;
  std::uint64_t size = 0;
  int index = 0;
  int count = 1;

  // Chunks arrived and not yet read: at most a window of them.
  std::deque<std::string> chunks;
  std::uint64_t buffered = 0;  // their bytes
  std::uint64_t received = 0;  // bytes arrived
  std::uint64_t taken = 0;     // bytes read() returned
  // Set when the upload cannot go on (read() throws it); chunks are freed then.
  std::optional<std::string> error;
  // Every byte was read, or it failed: the receiver has forgotten it.
  bool over = false;

  // Cancelled to wake a read() that waits for a chunk.
  boost::asio::steady_timer wake;

  // Set by the receiver: a chunk was read (acknowledge it, report
  // progress, finish the upload after its last byte); the program gave it
  // up before its end.
  std::function<void(UploadState&)> took;
  std::function<void(UploadState&, const std::string& why)> abandoned;

  // Fails the upload: frees its chunks and wakes its reader.
  void fail(std::string why) {
    if (!error) error = std::move(why);
    chunks.clear();
    chunks.shrink_to_fit();
    buffered = 0;
    over = true;
    wake.cancel();
  }
};

}  // namespace pgw::detail
