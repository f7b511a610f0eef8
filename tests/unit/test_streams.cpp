// Binary streams: messages over 1 MiB in chunks between the other traffic
// (the server's splitter, protocol.proto's Chunk), and streams' frames
// (`latest_wins`: Image.set_binary_image) one at a time per browser and
// widget, the latest winning. The page's reassembler has its own tests
// (web/test/chunks.test.ts).
#include <catch2/catch.hpp>

#include <algorithm>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include <boost/asio/co_spawn.hpp>
#include <boost/asio/detached.hpp>

#include "outflow.hpp"
#include "pgwidgets/protocol.pb.h"
#include "pgwidgets/value.hpp"
#include "pgwidgets/widgets.hpp"
#include "pgwidgets/widgets/image.pb.h"
#include "pgwidgets/widgets/tree.pb.h"
#include "session_fixture.hpp"

using namespace pgw::test;
using pgw::detail::Outflow;

namespace {

pgwidgets::ServerMessage call_msg(std::uint32_t seq, std::uint32_t widget, std::uint32_t method, std::string args) {
  pgwidgets::ServerMessage m;
  auto* c = m.mutable_call();
  c->set_seq(seq);
  c->set_widget_id(widget);
  c->set_method_id(method);
  c->set_args(std::move(args));
  return m;
}

// A deterministic payload of n bytes.
std::string payload(std::size_t n, char seed) {
  std::string s(n, '\0');
  for (std::size_t i = 0; i < n; ++i) s[i] = static_cast<char>(seed + i * 31 + (i >> 9));
  return s;
}

pgwidgets::ClientMessage chunk_ack(std::uint32_t stream, std::uint64_t received) {
  pgwidgets::ClientMessage m;
  m.mutable_chunk_ack()->set_stream_id(stream);
  m.mutable_chunk_ack()->set_received(received);
  return m;
}

// What a page does with chunks: appends them, in order, checking offsets.
struct Reassembler {
  std::string bytes;
  std::uint64_t total = 0;
  std::vector<pgwidgets::ServerMessage> complete;
  void take(const pgwidgets::Chunk& c) {
    REQUIRE(c.offset() == bytes.size());
    total = c.total();
    bytes += c.data();
    REQUIRE(bytes.size() <= total);
    if (bytes.size() == total) {
      pgwidgets::ServerMessage m;
      REQUIRE(m.ParseFromString(bytes));
      complete.push_back(m);
      bytes.clear();
    }
  }
};

std::string image_args(const std::string& data,
                       pgwidgets::widgets::ImageFormat format = pgwidgets::widgets::IMAGE_FORMAT_PNG) {
  pgwidgets::widgets::BinaryImage b;
  b.set_data(data);
  b.set_format(format);
  return b.SerializeAsString();
}

}  // namespace

TEST_CASE("streams: a message over 1 MiB goes in chunks, other widgets' messages pass it, its own wait") {
  Outflow flow;
  const std::string big = payload(3 * 1024 * 1024 + 17, 'a');
  pgwidgets::ServerFrame out;
  flow.push(call_msg(1, /*widget*/ 7, 100, big), false, out);
  flow.push(call_msg(2, 8, 101, "small for 8"), false, out);
  flow.push(call_msg(3, 7, 102, "after, for 7"), false, out);
  flow.pump(out);
  // 8's call leaves at once; 7's waits; the window's chunks follow.
  REQUIRE(out.messages_size() == 1 + static_cast<int>(Outflow::window_chunks));
  CHECK(out.messages(0).call().seq() == 2);
  Reassembler page;
  std::vector<std::uint32_t> order;
  std::uint32_t stream = 0;
  std::uint64_t received = 0;
  std::vector<std::pair<std::uint32_t, std::uint64_t>> acks;
  auto take = [&](const pgwidgets::ServerFrame& f) {
    for (const auto& m : f.messages()) {
      if (m.has_chunk()) {
        CHECK(m.chunk().data().size() <= Outflow::chunk_bytes);
        stream = m.chunk().stream_id();
        received = m.chunk().offset() + m.chunk().data().size();
        acks.emplace_back(stream, received);
        page.take(m.chunk());
        if (!page.complete.empty() && page.complete.back().call().seq() == 1 &&
            std::find(order.begin(), order.end(), 1u) == order.end()) {
          order.push_back(1);
        }
      } else {
        order.push_back(m.call().seq());
      }
    }
  };
  take(out);
  CHECK(flow.held_bytes() > 0);
  // Nothing more leaves without acks: the window is full.
  pgwidgets::ServerFrame none;
  flow.pump(none);
  CHECK(none.messages_size() == 0);
  for (std::size_t i = 0; i < acks.size(); ++i) {
    CHECK(flow.chunk_acked(acks[i].first, acks[i].second).empty());
    pgwidgets::ServerFrame more;
    flow.pump(more);
    take(more);
  }
  REQUIRE(page.complete.size() == 1);
  CHECK(page.complete[0].call().args() == big);  // intact
  // 7's later call ran after its chunked one: each widget's order is kept.
  CHECK(order == std::vector<std::uint32_t>{2, 1, 3});
  CHECK(flow.idle());
  CHECK(flow.stats().chunked_messages == 1);
  CHECK(flow.stats().chunks_sent == (big.size() + 16 + Outflow::chunk_bytes - 1) / Outflow::chunk_bytes);
}

TEST_CASE("streams: a chunked Create holds every later message behind it, even other widgets' calls") {
  // set_widget(ts) of a 5 MB TextSource names it: the page must have it first.
  Outflow flow;
  pgwidgets::ServerMessage create;
  create.mutable_create()->set_seq(1);
  create.mutable_create()->set_widget_id(9);
  create.mutable_create()->set_class_id(5);
  create.mutable_create()->set_args(payload(2 * 1024 * 1024, 'c'));
  pgwidgets::ServerFrame out;
  flow.push(create, false, out);
  flow.push(call_msg(2, /*widget*/ 8, 101, "set_widget(9)"), false, out);
  flow.push(call_msg(3, 7, 102, "for 7"), true, out);
  flow.push(call_msg(4, 7, 102, "for 7, newer"), true, out);
  flow.pump(out);
  std::vector<std::uint32_t> order;
  Reassembler page;
  for (int round = 0; round < 100 && out.messages_size() > 0; ++round) {
    std::vector<std::pair<std::uint32_t, std::uint64_t>> acks;
    for (const auto& m : out.messages()) {
      if (m.has_chunk()) {
        acks.emplace_back(m.chunk().stream_id(), m.chunk().offset() + m.chunk().data().size());
        page.take(m.chunk());
        if (page.complete.size() == 1 && order.empty()) order.push_back(page.complete[0].create().seq());
      } else {
        order.push_back(m.call().seq());
      }
    }
    out.Clear();
    for (auto [stream, received] : acks) CHECK(flow.chunk_acked(stream, received).empty());
    flow.pump(out);
  }
  // The Create first, then the calls in order; the newer frame of 7's
  // stream replaced the older while both waited.
  CHECK(order == std::vector<std::uint32_t>{1, 2, 4});
  CHECK(flow.stats().stream_frames_dropped == 1);
}

TEST_CASE("streams: a chunk ack that matches no chunk sent is refused") {
  Outflow flow;
  pgwidgets::ServerFrame out;
  CHECK_FALSE(flow.chunk_acked(1, 10).empty());
  flow.push(call_msg(1, 7, 100, payload(2 * 1024 * 1024, 'x')), false, out);
  flow.pump(out);
  const auto& first = out.messages(0).chunk();
  // Out of order (the second chunk's end first), or another stream.
  CHECK_FALSE(flow.chunk_acked(first.stream_id(), 2 * first.data().size()).empty());
  CHECK_FALSE(flow.chunk_acked(first.stream_id() + 1, first.data().size()).empty());
  CHECK(flow.chunk_acked(first.stream_id(), first.data().size()).empty());
}

TEST_CASE("streams: the latest frame wins while the browser has not taken the last one") {
  Outflow flow;
  pgwidgets::ServerFrame out;
  flow.push(call_msg(1, 7, 100, "frame 1"), true, out);
  for (std::uint32_t seq = 2; seq <= 10; ++seq) flow.push(call_msg(seq, 7, 100, "frame " + std::to_string(seq)), true, out);
  // The first left, with ack set; 2..9 were replaced, 10 waits.
  REQUIRE(out.messages_size() == 1);
  CHECK(out.messages(0).call().ack());
  CHECK(flow.stats().stream_frames_dropped == 8);
  CHECK(flow.held_frames() == 1);
  pgwidgets::ServerFrame next;
  CHECK_FALSE(flow.answered(99, next));  // not a frame's seq
  REQUIRE(flow.answered(1, next));
  REQUIRE(next.messages_size() == 1);
  CHECK(next.messages(0).call().args() == "frame 10");
  CHECK(flow.held_frames() == 0);
  // Another widget's stream has a slot of its own.
  pgwidgets::ServerFrame other;
  flow.push(call_msg(11, 8, 100, "8's frame"), true, other);
  CHECK(other.messages_size() == 1);
}

TEST_CASE("streams: another call on the widget sends the held frame first, keeping the order") {
  Outflow flow;
  pgwidgets::ServerFrame out;
  flow.push(call_msg(1, 7, 100, "frame 1"), true, out);
  flow.push(call_msg(2, 7, 100, "frame 2"), true, out);
  flow.push(call_msg(3, 7, 200, "set_image(url)"), false, out);
  REQUIRE(out.messages_size() == 3);
  CHECK(out.messages(1).call().seq() == 2);
  CHECK(out.messages(2).call().seq() == 3);
  CHECK(flow.stats().stream_frames_dropped == 0);
}

TEST_CASE_METHOD(SessionFixture, "streams: a burst of frames keeps one held and reports the dropped, an ack sends the latest") {
  auto image = run_coro(io, session->get_widgets().Image());
  drain(io);
  frames.clear();
  for (int i = 0; i < 50; ++i) run_coro(io, image.set_binary_image(payload(100 * 1024, static_cast<char>(i)), pgw::ImageFormat::png));
  drain(io);
  auto sent = messages();
  REQUIRE(sent.size() == 1);  // only the first: the page has not taken it
  const auto first_seq = sent[0].call().seq();
  CHECK(sent[0].call().ack());
  auto stats = session->stats();
  CHECK(stats.frames_dropped == 48);
  CHECK(stats.frames_held == 1);
  CHECK(stats.stream_frames_sent == 1);
  // Memory: one frame held, whatever the rate.
  CHECK(core->held_bytes() < 2 * 100 * 1024);
  frames.clear();
  receive({result(first_seq)});
  drain(io);
  sent = messages();
  REQUIRE(sent.size() == 1);
  CHECK(sent[0].call().args() == image_args(payload(100 * 1024, static_cast<char>(49))));
  CHECK(errors.empty());
  CHECK(closes.empty());
  // Its answer frees the slot: the next frame leaves at once.
  receive({result(sent[0].call().seq())});
  drain(io);
  frames.clear();
  run_coro(io, image.set_binary_image(payload(10, 'z'), pgw::ImageFormat::png));
  drain(io);
  CHECK(messages().size() == 1);
  CHECK(session->stats().frames_held == 0);
}

TEST_CASE_METHOD(SessionFixture, "streams: a rebuilt page gets the last image once, in chunks when large") {
  auto image = run_coro(io, session->get_widgets().Image());
  for (int i = 0; i < 5; ++i) {
    run_coro(io, image.set_binary_image(payload(3 * 1024 * 1024, static_cast<char>(i)), pgw::ImageFormat::jpeg));
  }
  drain(io);
  std::vector<std::string> got;
  std::vector<std::pair<int, std::string>> closed;
  core->attach(browser + 1, sink_into(got, closed), 1, 0, 800, 600, true);
  drain(io);
  Reassembler page;
  std::vector<std::pair<std::uint32_t, std::uint64_t>> acks;
  int image_calls = 0;
  for (std::size_t round = 0; round < 40; ++round) {
    std::vector<std::string> frames_now = std::move(got);
    got.clear();
    for (const auto& m : flatten(frames_now)) {
      if (m.has_call() && m.call().method_id() == pgw::detail::methods::Image_set_binary_image.id) ++image_calls;
      if (!m.has_chunk()) continue;
      page.take(m.chunk());
      acks.emplace_back(m.chunk().stream_id(), m.chunk().offset() + m.chunk().data().size());
    }
    if (acks.empty()) break;
    std::vector<pgwidgets::ClientMessage> replies;
    for (auto [s, r] : acks) replies.push_back(chunk_ack(s, r));
    acks.clear();
    core->receive(browser + 1, client_frame(replies));
    drain(io);
  }
  CHECK(image_calls == 0);  // too large to go whole
  REQUIRE(page.complete.size() == 1);
  CHECK(page.complete[0].call().method_id() == pgw::detail::methods::Image_set_binary_image.id);
  CHECK(page.complete[0].call().args() == image_args(payload(3 * 1024 * 1024, 4), pgwidgets::widgets::IMAGE_FORMAT_JPEG));
  CHECK(closed.empty());
  core->detach(browser + 1, "done");
}

TEST_CASE("streams: a Call whose args are held apart goes in chunks from them and reads as the same Call") {
  // Sizes that end the head inside the first chunk, and args under and
  // over the threshold (held apart, a call always goes in chunks).
  for (const std::size_t n : {std::size_t{40}, std::size_t{2 * 1024 * 1024 + 5}}) {
    Outflow flow;
    const auto args = std::make_shared<const std::string>(payload(n, 'k'));
    pgwidgets::ServerFrame out;
    // Behind another chunked call for the same widget, it waits with its args.
    flow.push(call_msg(1, /*widget*/ 7, 100, payload(Outflow::threshold_bytes + 1, 'b')), false, out);
    pgwidgets::ServerMessage held = call_msg(2, 7, 101, "");
    held.mutable_call()->set_ack(true);
    flow.push(std::move(held), false, out, args);
    flow.pump(out);
    Reassembler page;
    for (int round = 0; round < 100 && out.messages_size() > 0; ++round) {
      std::vector<std::pair<std::uint32_t, std::uint64_t>> acks;
      for (const auto& m : out.messages()) {
        REQUIRE(m.has_chunk());
        acks.emplace_back(m.chunk().stream_id(), m.chunk().offset() + m.chunk().data().size());
        page.take(m.chunk());
      }
      out.Clear();
      for (auto [stream, received] : acks) CHECK(flow.chunk_acked(stream, received).empty());
      flow.pump(out);
    }
    REQUIRE(page.complete.size() == 2);
    const auto& call = page.complete[1].call();
    CHECK(call.seq() == 2);
    CHECK(call.widget_id() == 7);
    CHECK(call.method_id() == 101);
    CHECK(call.ack());
    CHECK(call.args() == *args);
    CHECK(flow.idle());
    CHECK(args.use_count() == 1);  // the outflow let it go
  }
}

TEST_CASE("streams: a large set_data is held once, by the store and the outflow, and arrives whole") {
  for (const bool strict : {false, true}) {
    CAPTURE(strict);
    SessionFixture f(strict);
    // The page: takes chunks, acking each, and answers every message that
    // asks for it (strict_calls).
    Reassembler page;
    std::size_t answered = 0;
    auto run_page = [&] {
      for (int round = 0; round < 200 && !f.frames.empty(); ++round) {
        const std::vector<std::string> now = std::move(f.frames);
        f.frames.clear();
        std::vector<pgwidgets::ClientMessage> replies;
        for (const auto& m : SessionFixture::flatten(now)) {
          if (m.has_chunk()) {
            page.take(m.chunk());
            replies.push_back(chunk_ack(m.chunk().stream_id(), m.chunk().offset() + m.chunk().data().size()));
            for (; answered < page.complete.size(); ++answered) {
              const auto& whole = page.complete[answered];
              if (whole.has_call() && whole.call().ack()) replies.push_back(result(whole.call().seq()));
            }
          } else if (m.has_create() && m.create().ack()) {
            replies.push_back(result(m.create().seq()));
          } else if (m.has_call() && m.call().ack()) {
            replies.push_back(result(m.call().seq()));
          }
        }
        f.receive(replies);
        drain(f.io);
      }
    };
    std::optional<pgw::TableView> table;
    boost::asio::co_spawn(f.io, [&]() -> pgw::Task<> { table = co_await f.session->get_widgets().TableView(); },
                          boost::asio::detached);
    drain(f.io);
    run_page();
    REQUIRE(table);
    std::vector<pgw::TableRow> rows;
    for (int i = 0; i < 20000; ++i) {
      pgw::TableRow r;
      r.cells.emplace_back("row " + std::to_string(i) + std::string(60, 'x'));
      r.cells.emplace_back(std::int64_t{i});
      rows.push_back(std::move(r));
    }
    ::pgwidgets::widgets::TableRowsData want;
    for (const auto& r : rows) {
      auto* row = want.add_data();
      for (const auto& c : r.cells) pgw::detail::value_to_wire(c, *row->add_cells());
    }
    REQUIRE(want.ByteSizeLong() > Outflow::threshold_bytes);
    bool done = false;
    boost::asio::co_spawn(f.io, [&]() -> pgw::Task<> {
      co_await table->set_data(std::move(rows));
      done = true;
    }, boost::asio::detached);
    drain(f.io);
    const auto* v = f.core->store().collection(table->id(), pgw::detail::methods::TableView_set_data.field);
    REQUIRE(v != nullptr);
    REQUIRE(v->list.size() == 20000);
    REQUIRE(v->assigned != nullptr);
    CHECK(*v->assigned == want.SerializeAsString());
    // The store's rows, the store's handle and the outflow's: one copy of the request.
    CHECK(v->assigned.use_count() == 20000 + 2);
    run_page();
    CHECK(done);
    REQUIRE(page.complete.size() == 1);
    CHECK(page.complete[0].call().method_id() == pgw::detail::methods::TableView_set_data.id);
    CHECK(page.complete[0].call().ack() == strict);
    CHECK(page.complete[0].call().args() == want.SerializeAsString());
    CHECK(v->assigned.use_count() == 20000 + 1);
    CHECK(f.errors.empty());
  }
}
