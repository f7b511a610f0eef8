#include "pgwidgets/timer.hpp"

#include <stdexcept>

#include "session_core.hpp"
#include "timer_state.hpp"

namespace pgw {
namespace detail {

TimerState::TimerState(std::weak_ptr<SessionCore> session, boost::asio::any_io_executor executor, Duration duration,
                       std::shared_ptr<ManualClock> clock)
    : session_(std::move(session)), timer_(std::move(executor)), clock_(std::move(clock)), duration_(duration) {}

void TimerState::start(Duration duration) {
  if (shut_down_) return;
  if (duration < Duration::zero()) throw std::invalid_argument("pgwidgets: Timer: negative duration");
  duration_ = duration;
  started_ = now();
  started_once_ = true;
  running_ = true;
  const std::uint64_t generation = ++generation_;
  if (clock_) {
    clock_->cancel(ticket_);
    ticket_ = clock_->schedule(started_ + duration, [weak = weak_from_this(), generation] {
      if (auto self = weak.lock()) self->wake(generation);
    });
    return;
  }
  timer_.expires_after(duration);
  timer_.async_wait([weak = weak_from_this(), generation](boost::system::error_code ec) {
    auto self = weak.lock();
    if (!ec && self) self->wake(generation);
  });
}

void TimerState::wake(std::uint64_t generation) {
  if (generation_ != generation || !running_) return;  // stopped or restarted since
  running_ = false;
  fire_expired();
}

void TimerState::fire_expired() {
  auto session = session_.lock();
  if (!session || expired_.empty()) return;
  auto handlers = expired_;
  session->spawn_handler(
      [handlers, duration = duration_]() -> Task<> {
        for (const auto& h : handlers) co_await h(duration);
      },
      "Timer.on_expired handler");
}

void TimerState::stop() {
  running_ = false;
  ++generation_;
  if (clock_) clock_->cancel(ticket_);
  timer_.cancel();
}

void TimerState::cancel() {
  if (shut_down_) return;
  const Duration elapsed_now = elapsed();
  stop();
  auto session = session_.lock();
  if (!session || cancelled_.empty()) return;
  auto handlers = cancelled_;
  session->spawn_handler(
      [handlers, elapsed_now]() -> Task<> {
        for (const auto& h : handlers) co_await h(elapsed_now);
      },
      "Timer.on_cancelled handler");
}

TimerState::Duration TimerState::elapsed() const {
  if (!running_) return Duration::zero();
  return now() - started_;
}

TimerState::Duration TimerState::left() const {
  if (!running_) return Duration::zero();
  return std::max(Duration::zero(), duration_ - (now() - started_));
}

void TimerState::shutdown() {
  shut_down_ = true;
  stop();
  expired_.clear();
  cancelled_.clear();
}

void TimerState::destroy() {
  if (destroyed_) return;
  destroyed_ = true;
  shutdown();
  if (auto session = session_.lock()) session->remove_timer(this);
}

}  // namespace detail

Timer::Timer(std::shared_ptr<detail::TimerState> state) : state_(std::move(state)) {}

namespace {
detail::TimerState& checked(const std::shared_ptr<detail::TimerState>& s) {
  if (!s) throw std::logic_error("pgwidgets: a method was called on an empty Timer handle");
  if (s->destroyed()) throw std::logic_error("pgwidgets: a method was called on a destroyed Timer");
  return *s;
}
}  // namespace

void Timer::start(std::optional<Duration> duration) const {
  auto& s = checked(state_);
  s.start(duration.value_or(s.duration()));
}
void Timer::set(Duration duration) const { checked(state_).start(duration); }
void Timer::cond_set(Duration duration) const {
  auto& s = checked(state_);
  if (!s.running()) s.start(duration);
}
void Timer::stop() const { checked(state_).stop(); }
void Timer::cancel() const { checked(state_).cancel(); }
bool Timer::is_set() const { return checked(state_).running(); }
Timer::Duration Timer::elapsed_time() const { return checked(state_).elapsed(); }
Timer::Duration Timer::time_left() const { return checked(state_).left(); }
void Timer::set_duration(Duration duration) const { checked(state_).set_duration(duration); }
Timer::Duration Timer::get_duration() const { return checked(state_).duration(); }
void Timer::destroy() const {
  if (!state_) throw std::logic_error("pgwidgets: destroy() was called on an empty Timer handle");
  state_->destroy();
}
void Timer::add_expired(std::function<Task<>(Duration)> handler) const {
  checked(state_).add_expired(std::move(handler));
}
void Timer::add_cancelled(std::function<Task<>(Duration)> handler) const {
  checked(state_).add_cancelled(std::move(handler));
}

}  // namespace pgw
