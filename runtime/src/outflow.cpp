#include "outflow.hpp"

#include <algorithm>
#include <stdexcept>

#include <google/protobuf/io/coded_stream.h>
#include <google/protobuf/io/zero_copy_stream_impl_lite.h>
#include <google/protobuf/wire_format_lite.h>

namespace pgw::detail {

// Call `m`'s encoding up to its args, which follow it: the Call's fields,
// then `args`' tag and length (protobuf reads a message's fields in any
// order, the page's reader included).
std::string Outflow::encoding_before_args(const pgwidgets::ServerMessage& m, std::size_t args_size) {
  using google::protobuf::io::CodedOutputStream;
  using google::protobuf::internal::WireFormatLite;
  if (!m.has_call() || !m.call().args().empty()) throw std::logic_error("pgwidgets: shared args belong to a Call without its own");
  const std::string call = m.call().SerializeAsString();
  const std::uint32_t args_tag = WireFormatLite::MakeTag(pgwidgets::Call::kArgsFieldNumber, WireFormatLite::WIRETYPE_LENGTH_DELIMITED);
  const std::uint64_t call_size =
      call.size() + CodedOutputStream::VarintSize32(args_tag) + CodedOutputStream::VarintSize64(args_size) + args_size;
  std::string out;
  {
    google::protobuf::io::StringOutputStream stream(&out);
    CodedOutputStream coded(&stream);
    coded.WriteTag(WireFormatLite::MakeTag(pgwidgets::ServerMessage::kCallFieldNumber, WireFormatLite::WIRETYPE_LENGTH_DELIMITED));
    coded.WriteVarint64(call_size);
    coded.WriteString(call);
    coded.WriteTag(args_tag);
    coded.WriteVarint64(args_size);
  }
  return out;
}

// Bytes [from, from + n) of `big`'s encoding.
std::string Outflow::slice(const Big& big, std::size_t from, std::size_t n) {
  std::string out;
  out.reserve(n);
  if (from < big.bytes.size()) out.append(big.bytes, from, std::min(n, big.bytes.size() - from));
  if (out.size() < n) out.append(*big.args, from + out.size() - big.bytes.size(), n - out.size());
  return out;
}

std::uint32_t Outflow::widget_of(const pgwidgets::ServerMessage& m) {
  switch (m.kind_case()) {
    case pgwidgets::ServerMessage::kCreate:
      return m.create().widget_id();
    case pgwidgets::ServerMessage::kCall:
      return m.call().widget_id();
    case pgwidgets::ServerMessage::kListen:
      return m.listen().widget_id();
    case pgwidgets::ServerMessage::kUnlisten:
      return m.unlisten().widget_id();
    default:
      return 0;
  }
}

void Outflow::push(pgwidgets::ServerMessage m, bool latest_wins, pgwidgets::ServerFrame& out, SharedBytes args) {
  const std::uint32_t widget = widget_of(m);
  // Behind a barrier, everything waits: listed with the last chunked
  // message, it leaves after every earlier one. Else a chunked message for
  // this widget is under way: this one follows it.
  Big* ahead = barriers_ != 0 ? &bigs_.back() : nullptr;
  for (auto it = bigs_.rbegin(); ahead == nullptr && widget != 0 && it != bigs_.rend(); ++it) {
    if (it->widget == widget) ahead = &*it;
  }
  if (ahead != nullptr) {
    auto& after = ahead->after;
    // A newer frame of the same stream right behind replaces the older.
    if (latest_wins && !after.empty() && after.back().latest_wins && widget_of(after.back().m) == widget &&
        after.back().m.call().method_id() == m.call().method_id()) {
      after.back().m = std::move(m);
      after.back().args = std::move(args);
      ++stats_.stream_frames_dropped;
      return;
    }
    after.push_back(Big::After{std::move(m), latest_wins, std::move(args)});
    return;
  }
  if (latest_wins) {
    const SlotKey key{widget, m.call().method_id()};
    Slot& slot = slots_[key];
    if (slot.in_flight > 0) {
      // The page has not taken the last one: this waits, replacing the
      // one that waited (the latest frame wins).
      if (slot.held) {
        ++stats_.stream_frames_dropped;
      } else {
        ++held_;
      }
      slot.held = std::move(m);
      return;
    }
    send_frame(key, slot, std::move(m), out);
    return;
  }
  // Any other message for the widget goes after the frames made before it.
  if (widget != 0 && held_ != 0) release_held(widget, out);
  emit(std::move(m), out, std::move(args));
}

void Outflow::send_frame(const SlotKey& key, Slot& slot, pgwidgets::ServerMessage m, pgwidgets::ServerFrame& out) {
  m.mutable_call()->set_ack(true);
  seqs_[m.call().seq()] = key;
  ++slot.in_flight;
  ++stats_.stream_frames_sent;
  emit(std::move(m), out);
}

void Outflow::release_held(std::uint32_t widget, pgwidgets::ServerFrame& out) {
  for (auto it = slots_.lower_bound(SlotKey{widget, 0}); it != slots_.end() && it->first.first == widget; ++it) {
    Slot& slot = it->second;
    if (!slot.held) continue;
    pgwidgets::ServerMessage m = std::move(*slot.held);
    slot.held.reset();
    --held_;
    send_frame(it->first, slot, std::move(m), out);
  }
}

void Outflow::emit(pgwidgets::ServerMessage m, pgwidgets::ServerFrame& out, SharedBytes args) {
  if (!args && m.ByteSizeLong() <= threshold_bytes) {
    *out.add_messages() = std::move(m);
    return;
  }
  Big big;
  big.stream = ++next_stream_;
  big.widget = widget_of(m);
  big.barrier = m.kind_case() != pgwidgets::ServerMessage::kCall;
  barriers_ += big.barrier ? 1 : 0;
  if (args) {
    big.bytes = encoding_before_args(m, args->size());
    big.args = std::move(args);
  } else {
    big.bytes = m.SerializeAsString();
  }
  ++stats_.chunked_messages;
  bigs_.push_back(std::move(big));
}

void Outflow::pump(pgwidgets::ServerFrame& out) {
  while (!bigs_.empty() && unacked_.size() < window_chunks) {
    Big& big = bigs_.front();
    const std::size_t total = big.size();
    const std::size_t n = std::min(chunk_bytes, total - big.sent);
    auto* chunk = out.add_messages()->mutable_chunk();
    chunk->set_stream_id(big.stream);
    chunk->set_offset(big.sent);
    chunk->set_total(total);
    chunk->set_data(slice(big, big.sent, n));
    big.sent += n;
    ++stats_.chunks_sent;
    unacked_.emplace_back(big.stream, big.sent);
    if (big.sent < total) continue;
    // Complete: the messages that waited for it follow, in order (one may
    // be the widget's next chunked message).
    auto after = std::move(big.after);
    barriers_ -= big.barrier ? 1 : 0;
    bigs_.pop_front();
    for (Big::After& a : after) push(std::move(a.m), a.latest_wins, out, std::move(a.args));
  }
}

bool Outflow::answered(std::uint32_t seq, pgwidgets::ServerFrame& out) {
  auto it = seqs_.find(seq);
  if (it == seqs_.end()) return false;
  const SlotKey key = it->second;
  seqs_.erase(it);
  auto s = slots_.find(key);
  if (s == slots_.end()) return true;
  Slot& slot = s->second;
  if (slot.in_flight > 0) --slot.in_flight;
  if (slot.in_flight == 0) {
    if (slot.held) {
      pgwidgets::ServerMessage m = std::move(*slot.held);
      slot.held.reset();
      --held_;
      // Through push: a chunked message for the widget may be under way.
      push(std::move(m), true, out);
    } else {
      slots_.erase(s);
    }
  }
  return true;
}

std::string Outflow::chunk_acked(std::uint32_t stream, std::uint64_t received) {
  if (unacked_.empty() || unacked_.front().first != stream || unacked_.front().second != received) {
    return "chunk ack for stream " + std::to_string(stream) + " at " + std::to_string(received) +
           " matches no chunk sent";
  }
  unacked_.pop_front();
  return {};
}

std::size_t Outflow::held_bytes() const {
  std::size_t n = 0;
  for (const Big& b : bigs_) {
    n += b.size() - b.sent;
    for (const Big::After& a : b.after) n += a.m.ByteSizeLong() + (a.args ? a.args->size() : 0);
  }
  for (const auto& [key, slot] : slots_) {
    if (slot.held) n += slot.held->ByteSizeLong();
  }
  return n;
}

}  // namespace pgw::detail
