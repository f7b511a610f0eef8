#include "callback_pacer.hpp"

namespace pgw::detail {

CallbackPacer::Verdict CallbackPacer::offer(std::string_view frame, std::size_t events, Clock::time_point now) {
  if (queue_.empty() && budget_.take(events, now)) return Verdict::now;
  if (waiting_events_ + events > limits_.max_waiting_events ||
      waiting_bytes_ + frame.size() > limits_.max_waiting_bytes) {
    return Verdict::flood;
  }
  queue_.push_back(Held{std::string(frame), events});
  waiting_events_ += events;
  waiting_bytes_ += frame.size();
  return Verdict::waits;
}

std::optional<std::string> CallbackPacer::pop(Clock::time_point now) {
  if (queue_.empty() || !budget_.take(queue_.front().events, now)) return std::nullopt;
  Held held = std::move(queue_.front());
  queue_.pop_front();
  waiting_events_ -= held.events;
  waiting_bytes_ -= held.frame.size();
  return std::move(held.frame);
}

std::deque<std::string> CallbackPacer::drain() {
  std::deque<std::string> out;
  for (Held& held : queue_) out.push_back(std::move(held.frame));
  queue_.clear();
  waiting_events_ = 0;
  waiting_bytes_ = 0;
  return out;
}

std::optional<CallbackPacer::Clock::duration> CallbackPacer::next_due(Clock::time_point now) {
  if (queue_.empty()) return std::nullopt;
  return budget_.wait_for(queue_.front().events, now);
}

}  // namespace pgw::detail
