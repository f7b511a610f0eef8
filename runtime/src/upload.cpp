// pgw::Upload: the program's end of one upload (see pgwidgets/upload.hpp).
#include "pgwidgets/upload.hpp"

#include <stdexcept>

#include <boost/asio/as_tuple.hpp>
#include <boost/asio/use_awaitable.hpp>

#include "handle_access.hpp"
#include "handler_lock.hpp"
#include "session_core.hpp"
#include "upload_state.hpp"

namespace pgw {

namespace asio = boost::asio;

Upload::Upload(std::shared_ptr<detail::UploadState> state) : state_(std::move(state)) {}
Upload::Upload(Upload&&) noexcept = default;
Upload& Upload::operator=(Upload&& other) noexcept {
  if (this != &other) {
    cancel();
    state_ = std::move(other.state_);
  }
  return *this;
}
Upload::~Upload() {
  try {
    cancel();
  } catch (...) {  // out of memory telling the page: the upload is freed all the same
  }
}

namespace {
const detail::UploadState& checked(const std::shared_ptr<detail::UploadState>& state) {
  if (!state) throw std::logic_error("pgwidgets: this pgw::Upload was moved from");
  return *state;
}
// What released_while awaits: nothing (a turn of the lock), or the page's
// next chunk (or the upload's end).
Task<bool> nothing() { co_return true; }
Task<bool> woken(std::shared_ptr<detail::UploadState> state) {
  co_await state->wake.async_wait(asio::as_tuple(asio::use_awaitable));
  co_return true;
}
}  // namespace

const std::string& Upload::name() const { return checked(state_).name; }
const std::string& Upload::type() const { return checked(state_).type; }
std::uint64_t Upload::size() const { return checked(state_).size; }
int Upload::index() const { return checked(state_).index; }
int Upload::count() const { return checked(state_).count; }
std::uint64_t Upload::taken() const { return checked(state_).taken; }

void Upload::cancel() {
  if (!state_ || state_->over) return;
  auto state = state_;
  const std::string why = "the program stopped reading it";
  state->fail("The upload of \"" + state->name + "\" was cancelled: " + why);
  if (state->abandoned) state->abandoned(*state, why);
}

Task<std::optional<std::string>> Upload::read() {
  checked(state_);
  auto state = state_;  // the coroutine keeps it, whatever happens to *this
  // Each read lets the handlers waiting for the session's lock run first
  // (the lock is first come, first served), so clicks are served between
  // chunks even when the page keeps up.
  co_await detail::released_while(nothing());
  for (;;) {
    if (state->error) throw UploadError(*state->error);
    if (!state->chunks.empty()) {
      std::string chunk = std::move(state->chunks.front());
      state->chunks.pop_front();
      state->buffered -= chunk.size();
      state->taken += chunk.size();
      if (state->took) state->took(*state);
      co_return chunk;
    }
    if (state->taken == state->size) {
      state->over = true;
      co_return std::nullopt;
    }
    // Other handlers run while this one waits for the page.
    co_await detail::released_while(woken(state));
  }
}

Task<std::string> Upload::read_all() {
  std::string all;
  all.reserve(static_cast<std::size_t>(size() - taken()));
  while (auto chunk = co_await read()) all += *chunk;
  co_return all;
}

namespace detail {

void set_upload_handler(const WidgetHandle& dialog, UploadHandler handler) {
  if (!dialog) throw std::logic_error("pgwidgets: pgw::on_upload: the FileDialog handle is empty");
  auto* core = dynamic_cast<SessionCore*>(HandleAccess::link(dialog).get());
  if (core == nullptr) {
    throw std::logic_error("pgwidgets: pgw::on_upload needs a live session (the test kit sends no files)");
  }
  core->set_upload_handler(dialog.id(), std::move(handler));
}

}  // namespace detail
}  // namespace pgw
