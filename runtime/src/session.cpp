#include "pgwidgets/session.hpp"

#include "pgwidgets/widgets.hpp"

#include "page_extras.hpp"
#include "pgwidgets/protocol.pb.h"
#include "session_core.hpp"
#include "timer_state.hpp"

namespace pgw {

Session::Session(std::shared_ptr<detail::SessionCore> core) : core_(std::move(core)) {}
Session::~Session() = default;

const std::string& Session::id() const { return core_->id(); }
const std::string& Session::token() const { return core_->token(); }

void Session::open_url(std::string url) { core_->send_page_message(detail::open_url_message(url)); }
std::string Session::get_url() const {
  // Ids and tokens are lowercase hex: nothing in them needs escaping.
  return core_->page_url() + "?session=" + core_->id() + "&token=" + core_->token();
}
bool Session::is_connected() const { return core_->connected(); }
Widgets Session::get_widgets() const { return Widgets(core_); }
Size Session::get_screen_size() const {
  return Size{static_cast<int>(core_->viewport_width()), static_cast<int>(core_->viewport_height())};
}
void Session::set_strict_calls(bool strict) { core_->set_strict_calls(strict); }
bool Session::strict_calls() const { return core_->strict_calls(); }
void Session::set_error_handler(ErrorHandler handler) { core_->set_error_handler(std::move(handler)); }

Task<Timer> Session::make_timer(std::chrono::steady_clock::duration duration) {
  auto core = core_;
  auto state = std::make_shared<detail::TimerState>(core, core->executor(), duration, core->clock());
  core->add_timer(state);
  co_return Timer(std::move(state));
}

SessionStats Session::stats() const {
  const auto& uploads = core_->uploads();
  SessionStats stats{core_->frames_sent(),     core_->bytes_sent(),      core_->frames_received(),
                      core_->bytes_received(),  core_->pending_calls(),   uploads.active(),
                      uploads.buffered_bytes(), uploads.finished(),       uploads.failed()};
  const auto flows = core_->outflow_stats();
  stats.stream_frames_sent = flows.stream_frames_sent;
  stats.frames_dropped = flows.stream_frames_dropped;
  stats.frames_held = core_->held_frames();
  stats.chunked_messages = flows.chunked_messages;
  stats.chunks_sent = flows.chunks_sent;
  stats.chunk_bytes_waiting = core_->held_bytes();
  return stats;
}

Task<> Session::close() {
  auto core = core_;
  core->end(1000, "session closed by the server");
  co_return;
}

}  // namespace pgw
