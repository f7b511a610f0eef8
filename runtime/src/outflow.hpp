// Outflow: what one browser is sent, past the session's outbox: large
// messages in chunks between the other traffic, and streams' frames one at
// a time per widget, the latest winning.
//
// Flow control, and why it needs the page's acks. A program may push
// frames (set_binary_image, a canvas's display list: methods marked
// `latest_wins` in the schema) faster than a browser shows them. Handing
// each to the socket at once would only move the pile into the socket's
// send buffer (unbounded until max_send_backlog_bytes cuts the browser
// off), where a newer frame can no longer replace an older one. So the
// server itself holds them: a stream's frame is sent with `ack` set, and
// until the page's Result (or Error) for it comes back, the next frame of
// that widget and method waits here, in one slot; a newer one replaces it
// (counted in frames_dropped). The page answers when it has applied the
// frame, so each browser takes frames at its own pace and the server holds
// at most one unsent frame per widget and stream method per browser: memory
// stays bounded whatever the program's rate.
//
// Chunks. A message whose encoding is over CHUNK_LIMIT_THRESHOLD_BYTES is
// encoded once and sent as Chunk messages (protocol.proto), at most
// CHUNK_LIMIT_WINDOW_CHUNKS unacknowledged; the page acks each. A chunked
// Call (an image, a display list) lets messages for other widgets pass it;
// later messages for the same widget wait behind it (listed with it, sent
// when its last chunk leaves), so every widget's messages run in the order
// they were made. Anything else chunked (a Create with a large value, a
// font, a rebuild's messages) is a barrier: every later message waits
// behind it, because a later call may name what it creates (set_widget
// of a 5 MB TextSource must not reach the page before the TextSource). Everything held here is older
// than what the session's outbox holds, so an ack's frame may leave before
// the outbox is flushed.
#pragma once

#include <cstdint>
#include <deque>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "pgwidgets/protocol.pb.h"
#include "shared_bytes.hpp"

namespace pgw::detail {

// Counters of one browser's outflow (the session sums them).
struct OutflowStats {
  std::uint64_t stream_frames_sent = 0;     // latest_wins calls sent
  std::uint64_t stream_frames_dropped = 0;  // replaced by a newer one before they were sent
  std::uint64_t chunked_messages = 0;       // messages sent in chunks
  std::uint64_t chunks_sent = 0;
};

class Outflow {
 public:
  static constexpr std::size_t threshold_bytes = pgwidgets::CHUNK_LIMIT_THRESHOLD_BYTES;
  static constexpr std::size_t chunk_bytes = pgwidgets::CHUNK_LIMIT_CHUNK_BYTES;
  static constexpr std::size_t window_chunks = pgwidgets::CHUNK_LIMIT_WINDOW_CHUNKS;

  // The widget a message is for (0: none: hello, rebuild phases, errors,
  // upload acks).
  static std::uint32_t widget_of(const pgwidgets::ServerMessage& m);

  // The next message for this browser, in order. `latest_wins`: a Call of a
  // stream method. What can leave now is appended to `out`. `args`, when
  // set, are a Call's args held apart from it (its own left empty), shared
  // with the widget store: such a message is always sent in chunks, cut
  // from them, never copied whole.
  void push(pgwidgets::ServerMessage m, bool latest_wins, pgwidgets::ServerFrame& out, SharedBytes args = {});
  // Appends the chunks the window allows (call after the pushes).
  void pump(pgwidgets::ServerFrame& out);
  // The page answered call `seq` (Result or Error). True when it was a
  // stream's frame (the answer is then ours, not a pending call's); the
  // slot's held frame, if any, is appended to `out`.
  bool answered(std::uint32_t seq, pgwidgets::ServerFrame& out);
  // The page acked a chunk. Returns an error text for an ack that matches
  // nothing sent, else "" (then pump()).
  std::string chunk_acked(std::uint32_t stream, std::uint64_t received);

  // Nothing waits here: a flush can send the outbox's shared encoding.
  bool idle() const { return bigs_.empty() && held_ == 0; }
  const OutflowStats& stats() const { return stats_; }
  // Frames waiting in slots, and bytes waiting in chunked messages (tests, bench).
  std::size_t held_frames() const { return held_; }
  std::size_t held_bytes() const;

 private:
  struct Big {
    std::uint32_t stream;
    std::uint32_t widget;
    std::string bytes;        // the encoded ServerMessage (with `args`: all of it before them)
    SharedBytes args;         // a Call's args, its encoding's last bytes
    std::size_t sent = 0;     // bytes sent in chunks
    bool barrier = false;     // not a Call: every later message waits for it
    // Later messages for the same widget (every later message, behind a
    // barrier), with whether each is a stream's frame.
    struct After {
      pgwidgets::ServerMessage m;
      bool latest_wins;
      SharedBytes args;
    };
    std::vector<After> after;

    std::size_t size() const { return bytes.size() + (args ? args->size() : 0); }
  };
  using SlotKey = std::pair<std::uint32_t, std::uint32_t>;  // widget, method
  struct Slot {
    unsigned in_flight = 0;  // sent, not yet answered
    std::optional<pgwidgets::ServerMessage> held;
  };

  void emit(pgwidgets::ServerMessage m, pgwidgets::ServerFrame& out, SharedBytes args = {});
  static std::string encoding_before_args(const pgwidgets::ServerMessage& m, std::size_t args_size);
  static std::string slice(const Big& big, std::size_t from, std::size_t n);
  void send_frame(const SlotKey& key, Slot& slot, pgwidgets::ServerMessage m, pgwidgets::ServerFrame& out);
  void release_held(std::uint32_t widget, pgwidgets::ServerFrame& out);

  std::deque<Big> bigs_;  // front() is being sent
  std::size_t barriers_ = 0;  // how many of bigs_ are barriers
  std::uint32_t next_stream_ = 0;
  // Chunks sent and not yet acked, oldest first: stream, bytes of it then sent.
  std::deque<std::pair<std::uint32_t, std::uint64_t>> unacked_;
  std::map<SlotKey, Slot> slots_;
  std::map<std::uint32_t, SlotKey> seqs_;  // a sent frame's seq -> its slot
  std::size_t held_ = 0;
  OutflowStats stats_;
};

}  // namespace pgw::detail
