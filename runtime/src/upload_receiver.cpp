#include "upload_receiver.hpp"

#include <algorithm>

#include <boost/asio/co_spawn.hpp>

#include "pgwidgets/protocol.pb.h"
#include "pgwidgets/schema_info.hpp"
#include "pgwidgets/widgets/files.pb.h"

namespace pgw::detail {

namespace asio = boost::asio;

namespace {

constexpr std::uint64_t chunk_bytes = pgwidgets::UPLOAD_LIMIT_CHUNK_BYTES;
constexpr std::uint64_t window_bytes = chunk_bytes * pgwidgets::UPLOAD_LIMIT_WINDOW_CHUNKS;
constexpr std::size_t concurrent = pgwidgets::UPLOAD_LIMIT_CONCURRENT;
// Ended ids remembered per session, so their late chunks are dropped quietly.
constexpr std::size_t remembered = 64;

std::string quoted(const std::string& name) { return "\"" + name + "\""; }

}  // namespace

UploadReceiver::UploadReceiver(Env env) : env_(std::move(env)) {}

UploadReceiver::~UploadReceiver() {
  *alive_ = false;
  end("the session is gone");
}

void UploadReceiver::set_handler(WidgetId dialog, UploadHandler handler) { handlers_[dialog] = std::move(handler); }

void UploadReceiver::drop_handlers(const std::function<bool(WidgetId)>& exists) {
  std::erase_if(handlers_, [&](const auto& entry) { return !exists(entry.first); });
}

std::uint64_t UploadReceiver::buffered_bytes() const {
  std::uint64_t sum = 0;
  for (const auto& [key, state] : uploads_) sum += state->buffered;
  return sum;
}

void UploadReceiver::remember_ended(const Key& key) {
  ended_.push_back(key);
  if (ended_.size() > remembered) ended_.pop_front();
}

bool UploadReceiver::recently_ended(const Key& key) const {
  return std::find(ended_.begin(), ended_.end(), key) != ended_.end();
}

void UploadReceiver::forget(const UploadState& state) {
  const Key key{state.browser, state.id};
  if (uploads_.erase(key) == 0) return;
  remember_ended(key);
  ++finished_;
  if (state.error) ++failed_;
}

void UploadReceiver::start(std::uint64_t browser, const pgwidgets::UploadStart& m) {
  const Key key{browser, m.upload_id()};
  auto state = std::make_shared<UploadState>(env_.executor);
  state->id = m.upload_id();
  state->browser = browser;
  state->widget = m.widget_id();
  state->name = m.name();
  state->type = m.type().empty() ? "application/octet-stream" : m.type();
  state->size = m.size();
  state->count = static_cast<int>(std::max<std::uint32_t>(1, m.file_count()));
  state->index = static_cast<int>(std::min<std::uint32_t>(m.file_index(), static_cast<std::uint32_t>(state->count - 1)));
  if (uploads_.count(key) != 0 || recently_ended(key)) {
    env_.protocol_error(browser, "upload id " + std::to_string(m.upload_id()) + " is in use already");
    return;
  }
  auto handler = handlers_.find(m.widget_id());
  if (handler == handlers_.end()) {
    // No program to take the bytes: refused before any is sent.
    remember_ended(key);
    pgwidgets::ServerMessage out;
    out.mutable_upload_refused()->set_upload_id(m.upload_id());
    out.mutable_upload_refused()->set_message("The file " + quoted(state->name) +
                                              " was not sent: nothing on the server receives files from this dialog");
    env_.log(LogLevel::warning, "upload " + quoted(state->name) + " refused: widget " +
                                    std::to_string(m.widget_id()) + " has no on_upload handler");
    env_.send(browser, std::move(out));
    return;
  }
  if (state->index == 0) selections_.erase({browser, state->widget});
  std::size_t mine = 0;
  for (const auto& [k, s] : uploads_) mine += k.first == browser ? 1 : 0;
  std::string refused;
  if (state->size > env_.max_upload_bytes) {
    refused = "The file " + quoted(state->name) + " (" + std::to_string(state->size) +
              " bytes) is larger than the server accepts (" + std::to_string(env_.max_upload_bytes) +
              " bytes, max_upload_bytes)";
  } else if (mine >= concurrent) {
    refused = "The file " + quoted(state->name) + " was not sent: " + std::to_string(concurrent) +
              " uploads are under way already";
  }
  uploads_.emplace(key, state);
  std::weak_ptr<bool> alive = alive_;
  state->took = [this, alive](UploadState& s) {
    if (alive.lock()) on_took(s);
  };
  state->abandoned = [this, alive](UploadState& s, const std::string& why) {
    if (alive.lock()) on_abandoned(s, why);
  };
  if (!refused.empty()) {
    env_.log(LogLevel::warning, refused);
    refuse(state, refused, true);  // the handler hears of it from read()
  } else if (state->size == 0) {
    file_done(*state);  // nothing to send: complete at its start
  } else {
    pgwidgets::ServerMessage out;  // accepted: the page may send its chunks
    out.mutable_upload_ack()->set_upload_id(state->id);
    out.mutable_upload_ack()->set_taken(0);
    env_.send(browser, std::move(out));
  }
  run_handler(state, handler->second);
}

void UploadReceiver::run_handler(std::shared_ptr<UploadState> state, UploadHandler handler) {
  // A session handler like any other: read() lets its lock go through
  // released_while while it waits for the page (handler_lock.hpp).
  env_.spawn([state, handler = std::move(handler)]() -> Task<> { co_await handler(Upload(state)); },
             "FileDialog.on_upload handler (widget " + std::to_string(state->widget) + ", file " +
                 quoted(state->name) + ")");
}

void UploadReceiver::refuse(const std::shared_ptr<UploadState>& state, const std::string& why, bool tell_page) {
  if (tell_page) {
    pgwidgets::ServerMessage out;
    out.mutable_upload_refused()->set_upload_id(state->id);
    out.mutable_upload_refused()->set_message(why);
    env_.send(state->browser, std::move(out));
  }
  state->fail(why);
  forget(*state);
}

void UploadReceiver::chunk(std::uint64_t browser, const pgwidgets::UploadChunk& m) {
  const Key key{browser, m.upload_id()};
  auto it = uploads_.find(key);
  if (it == uploads_.end()) {
    if (recently_ended(key)) return;  // in flight when it ended
    env_.protocol_error(browser, "chunk for unknown upload id " + std::to_string(m.upload_id()));
    return;
  }
  std::shared_ptr<UploadState> state = it->second;
  const std::uint64_t n = m.data().size();
  std::string broken;
  if (m.offset() != state->received) {
    broken = "a chunk at byte " + std::to_string(m.offset()) + " where byte " + std::to_string(state->received) +
             " was due";
  } else if (n == 0 || n > chunk_bytes) {
    broken = "a chunk of " + std::to_string(n) + " bytes (1 to " + std::to_string(chunk_bytes) + " allowed)";
  } else if (state->received + n > state->size) {
    broken = "more bytes than its size (" + std::to_string(state->size) + ")";
  } else if (state->buffered + n > window_bytes) {
    broken = "more than " + std::to_string(pgwidgets::UPLOAD_LIMIT_WINDOW_CHUNKS) + " chunks unacknowledged";
  }
  if (!broken.empty()) {
    const std::string why = "The upload of " + quoted(state->name) + " failed: the page sent " + broken;
    env_.log(LogLevel::warning, "protocol error: " + why);
    refuse(state, why, true);
    return;
  }
  state->received += n;
  state->buffered += n;
  state->chunks.push_back(m.data());
  state->wake.cancel();
}

void UploadReceiver::cancel(std::uint64_t browser, const pgwidgets::UploadCancel& m) {
  const Key key{browser, m.upload_id()};
  auto it = uploads_.find(key);
  if (it == uploads_.end()) {
    if (!recently_ended(key)) env_.protocol_error(browser, "cancel of unknown upload id " + std::to_string(m.upload_id()));
    return;
  }
  auto state = it->second;
  refuse(state, "the page gave the upload of " + quoted(state->name) + " up" + (m.reason().empty() ? "" : ": " + m.reason()),
         false);
}

void UploadReceiver::on_took(UploadState& state) {
  pgwidgets::ServerMessage out;
  out.mutable_upload_ack()->set_upload_id(state.id);
  out.mutable_upload_ack()->set_taken(state.taken);
  env_.send(state.browser, std::move(out));
  fire_progress(state);
  if (state.taken == state.size) file_done(state);
}

void UploadReceiver::on_abandoned(UploadState& state, const std::string& why) {
  auto it = uploads_.find({state.browser, state.id});
  if (it == uploads_.end()) return;
  auto keep = it->second;
  env_.log(LogLevel::info, "upload " + quoted(state.name) + " cancelled: " + why);
  refuse(keep, "The upload of " + quoted(state.name) + " was cancelled by the server: " + why, true);
}

void UploadReceiver::fire_progress(const UploadState& state) {
  pgwidgets::widgets::FileProgress p;
  p.set_transferred_bytes(static_cast<std::int64_t>(state.taken));
  p.set_total_bytes(static_cast<std::int64_t>(state.size));
  p.set_file_name(state.name);
  p.set_file_index(state.index);
  p.set_file_count(state.count);
  env_.fire(state.widget, callbacks::FileDialog_progress.id, p.SerializeAsString());
}

void UploadReceiver::file_done(const UploadState& state) {
  if (state.size == 0) fire_progress(state);
  pgwidgets::widgets::PickedFile f;
  f.set_name(state.name);
  f.set_type(state.type);
  f.set_size(static_cast<std::int64_t>(state.size));
  auto& selection = selections_[{state.browser, state.widget}];
  selection.files.push_back(f.SerializeAsString());
  const bool last = state.index + 1 >= state.count;
  const WidgetId widget = state.widget;
  const std::uint64_t browser = state.browser;
  forget(state);
  if (!last) return;
  pgwidgets::widgets::PickedFiles all;
  for (const std::string& one : selection.files) all.add_files()->ParseFromString(one);
  selections_.erase({browser, widget});
  env_.fire(widget, callbacks::FileDialog_activated.id, all.SerializeAsString());
}

void UploadReceiver::browser_left(std::uint64_t browser, const std::string& why) {
  std::vector<std::shared_ptr<UploadState>> gone;
  for (const auto& [key, state] : uploads_) {
    if (key.first == browser) gone.push_back(state);
  }
  for (auto& state : gone) refuse(state, "the browser sending " + quoted(state->name) + " left (" + why + ")", false);
  std::erase_if(selections_, [browser](const auto& entry) { return entry.first.first == browser; });
}

void UploadReceiver::end(const std::string& why) {
  std::vector<std::shared_ptr<UploadState>> gone;
  for (const auto& [key, state] : uploads_) gone.push_back(state);
  for (auto& state : gone) refuse(state, "the session ended (" + why + ")", false);
  selections_.clear();
  handlers_.clear();
}

}  // namespace pgw::detail
