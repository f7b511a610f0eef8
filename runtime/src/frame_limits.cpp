#include "frame_limits.hpp"

#include <algorithm>

#include <google/protobuf/io/coded_stream.h>
#include <google/protobuf/wire_format_lite.h>

#include "pgwidgets/protocol.pb.h"
#include "pgwidgets/schema_registry.hpp"

namespace pgw::detail {

namespace {

using google::protobuf::io::CodedInputStream;
using google::protobuf::internal::WireFormatLite;

// What one ClientMessage (the bytes of its body) is: whether it holds a
// callback, and whether that callback only reports a latest value.
struct MessageKind {
  bool callback = false;
  bool coalesce = false;
};

// The callback_id of a CallbackEvent (the bytes of its body); 0 when absent.
std::optional<std::uint32_t> callback_id(CodedInputStream& in) {
  std::uint32_t id = 0;
  while (const std::uint32_t tag = in.ReadTag()) {
    if (WireFormatLite::GetTagFieldNumber(tag) == pgwidgets::CallbackEvent::kCallbackIdFieldNumber &&
        WireFormatLite::GetTagWireType(tag) == WireFormatLite::WIRETYPE_VARINT) {
      if (!in.ReadVarint32(&id)) return std::nullopt;
      continue;
    }
    if (!WireFormatLite::SkipField(&in, tag)) return std::nullopt;
  }
  return id;
}

std::optional<MessageKind> kind_of(CodedInputStream& in) {
  MessageKind kind;
  while (const std::uint32_t tag = in.ReadTag()) {
    const bool callback = WireFormatLite::GetTagFieldNumber(tag) == pgwidgets::ClientMessage::kCallbackFieldNumber;
    if (callback && WireFormatLite::GetTagWireType(tag) == WireFormatLite::WIRETYPE_LENGTH_DELIMITED) {
      std::uint32_t length = 0;
      if (!in.ReadVarint32(&length)) return std::nullopt;
      const auto limit = in.PushLimit(static_cast<int>(length));
      const auto id = callback_id(in);
      if (!id || in.BytesUntilLimit() != 0) return std::nullopt;
      in.PopLimit(limit);
      // An unknown id is the session's to report; it costs like an act.
      const CallbackInfo* info = find_callback(*id);
      kind.callback = true;
      kind.coalesce = info != nullptr && info->coalesce;
      continue;
    }
    if (callback) kind.callback = true;
    if (!WireFormatLite::SkipField(&in, tag)) return std::nullopt;
  }
  if (!in.ConsumedEntireMessage()) return std::nullopt;
  return kind;
}

}  // namespace

std::optional<FrameCount> count_messages(std::string_view frame, std::size_t max_messages) {
  CodedInputStream in(reinterpret_cast<const std::uint8_t*>(frame.data()), static_cast<int>(frame.size()));
  FrameCount count;
  bool reports = false;  // any callback reporting a latest value
  while (const std::uint32_t tag = in.ReadTag()) {
    const bool message = WireFormatLite::GetTagFieldNumber(tag) == pgwidgets::ClientFrame::kMessagesFieldNumber &&
                         WireFormatLite::GetTagWireType(tag) == WireFormatLite::WIRETYPE_LENGTH_DELIMITED;
    if (!message) {
      if (!WireFormatLite::SkipField(&in, tag)) return std::nullopt;
      continue;
    }
    if (++count.messages > max_messages) return count;
    std::uint32_t length = 0;
    if (!in.ReadVarint32(&length)) return std::nullopt;
    const auto limit = in.PushLimit(static_cast<int>(length));
    const std::optional<MessageKind> kind = kind_of(in);
    if (!kind || in.BytesUntilLimit() != 0) return std::nullopt;  // malformed, or cut short
    in.PopLimit(limit);
    if (!kind->callback) continue;
    ++count.callbacks;
    if (kind->coalesce) {
      reports = true;
    } else {
      ++count.events;
    }
  }
  if (reports) ++count.events;
  if (!in.ConsumedEntireMessage() || in.CurrentPosition() != static_cast<int>(frame.size())) return std::nullopt;
  return count;
}

void CallbackBudget::refill(Clock::time_point now) {
  const double elapsed = std::chrono::duration<double>(now - last_).count();
  last_ = now;
  tokens_ = std::min(burst_, tokens_ + elapsed * rate_);
}

double CallbackBudget::needed(std::size_t n) const { return std::min(static_cast<double>(n), burst_); }

bool CallbackBudget::take(std::size_t n, Clock::time_point now) {
  refill(now);
  if (n == 0) return true;
  if (tokens_ < needed(n)) return false;
  tokens_ -= static_cast<double>(n);
  return true;
}

CallbackBudget::Clock::duration CallbackBudget::wait_for(std::size_t n, Clock::time_point now) {
  refill(now);
  const double missing = needed(n) - tokens_;
  if (missing <= 0) return Clock::duration::zero();
  return std::chrono::duration_cast<Clock::duration>(std::chrono::duration<double>(missing / rate_)) +
         Clock::duration(1);
}

}  // namespace pgw::detail
