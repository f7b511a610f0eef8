// One coroutine waiting for an answer that the session hears of, which the
// session can wake in place: from the handler that read the answer, on the
// coroutine's own executor, without a trip through the scheduler.
//
// A steady_timer cancelled on the answer (what this replaces) always posts
// the coroutine's resumption; with Asio's reactor each posted handler costs
// a pass through epoll_wait, and an awaited round trip took five of them
// where a bare echo takes three (bench/README, "The latency tail").
//
// The wait honours its cancellation slot (awaitable operators, a timeout
// raced against it): cancelled, it completes unwoken, later, through the
// scheduler.
#pragma once

#include <memory>
#include <type_traits>
#include <utility>

#include <boost/asio/any_io_executor.hpp>
#include <boost/asio/associated_executor.hpp>
#include <boost/asio/associated_cancellation_slot.hpp>
#include <boost/asio/async_result.hpp>
#include <boost/asio/cancellation_signal.hpp>
#include <boost/asio/dispatch.hpp>
#include <boost/asio/post.hpp>

namespace pgw::detail {

class WakeInPlace {
 public:
  /// `fallback`: where a waiter with no executor of its own is resumed.
  explicit WakeInPlace(boost::asio::any_io_executor fallback) : fallback_(std::move(fallback)) {}
  WakeInPlace(const WakeInPlace&) = delete;
  WakeInPlace& operator=(const WakeInPlace&) = delete;
  // A waiter never woken is dropped, not resumed: its coroutine frame goes
  // with it (as a timer's pending wait goes when its io_context does).
  ~WakeInPlace() { drop(); }

  /// Completes (with no value) when woken or cancelled. One wait at a time.
  template <class Token>
  auto async_wait(Token&& token) {
    return boost::asio::async_initiate<Token, void()>(Initiate{this}, token);
  }

  /// Resumes the waiter now when the caller runs on its executor (and may
  /// then do so inside this call), else through its executor.
  void wake_here() {
    if (auto w = take()) w->resume(true);
  }

  /// Resumes the waiter later, through its executor: for a wake from inside
  /// work that must finish first.
  void wake_later() {
    if (auto w = take()) w->resume(false);
  }

  /// Forgets the waiter without resuming it: its coroutine is destroyed.
  void drop() {
    auto w = take();  // destroyed here, after this object let go of it
  }

 private:
  // The completion handler, type-erased. (Boost 1.81's
  // any_completion_handler recurses without end when posted.)
  struct Waiter {
    virtual ~Waiter() = default;
    virtual void resume(bool in_place) = 0;
  };
  template <class H>
  struct WaiterOf final : Waiter {
    WaiterOf(H h, boost::asio::any_io_executor fallback)
        : handler(std::move(h)), executor(boost::asio::get_associated_executor(handler, std::move(fallback))) {}
    void resume(bool in_place) override {
      if (in_place) {
        boost::asio::dispatch(executor, std::move(handler));
      } else {
        boost::asio::post(executor, std::move(handler));
      }
    }
    H handler;
    // The coroutine's own executor (a session's strand, a handler's).
    boost::asio::associated_executor_t<H, boost::asio::any_io_executor> executor;
  };

  // A named type, not a lambda: g++ 12 miscompiles a capturing lambda
  // inside a co_await expression (DESIGN.md, pitfalls).
  struct Initiate {
    WakeInPlace* self;
    template <class H>
    void operator()(H&& handler) const {
      auto slot = boost::asio::get_associated_cancellation_slot(handler);
      self->waiter_ = std::make_unique<WaiterOf<std::decay_t<H>>>(std::forward<H>(handler), self->fallback_);
      if (slot.is_connected()) {
        self->slot_ = slot;
        WakeInPlace* s = self;
        slot.assign([s](boost::asio::cancellation_type) { s->cancelled(); });
      }
    }
  };

  // From the slot's own handler, which must not clear the slot it runs in.
  void cancelled() {
    slot_ = {};
    if (auto w = std::exchange(waiter_, nullptr)) w->resume(false);
  }

  std::unique_ptr<Waiter> take() {
    if (slot_.is_connected()) slot_.clear();
    slot_ = {};
    return std::exchange(waiter_, nullptr);
  }

  boost::asio::any_io_executor fallback_;
  std::unique_ptr<Waiter> waiter_;
  boost::asio::cancellation_slot slot_;
};

}  // namespace pgw::detail
