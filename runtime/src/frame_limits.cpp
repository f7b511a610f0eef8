#include "frame_limits.hpp"

#include <algorithm>

#include <google/protobuf/io/coded_stream.h>
#include <google/protobuf/wire_format_lite.h>

#include "pgwidgets/protocol.pb.h"

namespace pgw::detail {

namespace {

using google::protobuf::io::CodedInputStream;
using google::protobuf::internal::WireFormatLite;

// Whether one ClientMessage (the bytes of its body) holds a callback.
std::optional<bool> is_callback(CodedInputStream& in) {
  bool callback = false;
  while (const std::uint32_t tag = in.ReadTag()) {
    if (WireFormatLite::GetTagFieldNumber(tag) == pgwidgets::ClientMessage::kCallbackFieldNumber) callback = true;
    if (!WireFormatLite::SkipField(&in, tag)) return std::nullopt;
  }
  if (!in.ConsumedEntireMessage()) return std::nullopt;
  return callback;
}

}  // namespace

std::optional<FrameCount> count_messages(std::string_view frame, std::size_t max_messages) {
  CodedInputStream in(reinterpret_cast<const std::uint8_t*>(frame.data()), static_cast<int>(frame.size()));
  FrameCount count;
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
    const std::optional<bool> callback = is_callback(in);
    if (!callback || in.BytesUntilLimit() != 0) return std::nullopt;  // malformed, or cut short
    if (*callback) ++count.callbacks;
    in.PopLimit(limit);
  }
  if (!in.ConsumedEntireMessage() || in.CurrentPosition() != static_cast<int>(frame.size())) return std::nullopt;
  return count;
}

bool CallbackBudget::take(std::size_t n, Clock::time_point now) {
  const double elapsed = std::chrono::duration<double>(now - last_).count();
  last_ = now;
  tokens_ = std::min(rate_, tokens_ + elapsed * rate_);
  if (static_cast<double>(n) > tokens_) return false;
  tokens_ -= static_cast<double>(n);
  return true;
}

}  // namespace pgw::detail
