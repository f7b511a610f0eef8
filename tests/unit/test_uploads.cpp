// FileDialog uploads on the server (runtime/src/upload_receiver.*): a file
// arrives chunk by chunk through pgw::Upload::read(), acknowledged as it is
// read, with progress and activated; every broken rule (a file over
// max_upload_bytes, a chunk too big, out of order, past the size or the
// window, an unknown id) refuses that upload with a clear message, frees
// its memory and leaves the session working; a browser that leaves or a
// handler that stops reading frees the upload at once.
#include <catch2/catch.hpp>

#include <algorithm>
#include <optional>

#include "frames.hpp"
#include "pgwidgets/protocol.pb.h"
#include "pgwidgets/session.hpp"
#include "pgwidgets/upload.hpp"
#include "pgwidgets/widgets.hpp"
#include "session_access.hpp"
#include "session_core.hpp"
#include "support/run_coro.hpp"

using namespace pgw::test;
namespace detail = pgw::detail;

namespace {

constexpr std::size_t chunk_bytes = pgwidgets::UPLOAD_LIMIT_CHUNK_BYTES;
constexpr std::uint64_t limit = 2'000'000;

struct UploadFixture {
  UploadFixture() {
    detail::SessionConfig config{"s1", "token",
                                 [this](pgw::LogLevel, std::string_view m) { logs.emplace_back(m); }, false,
                                 std::make_shared<detail::AsyncLock>(io.get_executor()), ""};
    config.protocol_error_interval = {};
    config.max_upload_bytes = limit;
    core = std::make_shared<detail::SessionCore>(io.get_executor(), std::move(config));
    session = detail::SessionAccess::make(core);
    core->attach(browser, detail::Sink{[this](std::string f) { frames.push_back(std::move(f)); }, {}}, 1, 0, 800, 600,
                 false);
    frames.clear();
    dialog = run_coro(io, session->get_widgets().FileDialog());
    drain(io);
    frames.clear();
  }
  ~UploadFixture() { core->end(1000, "the test is over"); }

  void send(pgwidgets::ClientMessage m) { core->receive(browser, client_frame({std::move(m)})); }
  void start(std::uint32_t id, std::uint64_t size, std::string name = "f.bin", int index = 0, int count = 1) {
    pgwidgets::ClientMessage m;
    auto* s = m.mutable_upload_start();
    s->set_upload_id(id);
    s->set_widget_id(dialog.id());
    s->set_name(name);
    s->set_type("application/x-test");
    s->set_size(size);
    s->set_file_index(static_cast<std::uint32_t>(index));
    s->set_file_count(static_cast<std::uint32_t>(count));
    send(m);
  }
  void chunk(std::uint32_t id, std::uint64_t offset, std::string data) {
    pgwidgets::ClientMessage m;
    m.mutable_upload_chunk()->set_upload_id(id);
    m.mutable_upload_chunk()->set_offset(offset);
    m.mutable_upload_chunk()->set_data(std::move(data));
    send(m);
  }
  // Every message sent since the last call.
  std::vector<pgwidgets::ServerMessage> sent() {
    drain(io);
    std::vector<pgwidgets::ServerMessage> out;
    for (const auto& f : frames) {
      const auto frame = parse_server_frame(f);
      for (const auto& m : frame.messages()) out.push_back(m);
    }
    frames.clear();
    return out;
  }
  std::optional<std::string> refusal(const std::vector<pgwidgets::ServerMessage>& ms, std::uint32_t id) {
    for (const auto& m : ms) {
      if (m.has_upload_refused() && m.upload_refused().upload_id() == id) return m.upload_refused().message();
    }
    return std::nullopt;
  }
  std::vector<std::uint64_t> acks(const std::vector<pgwidgets::ServerMessage>& ms, std::uint32_t id) {
    std::vector<std::uint64_t> out;
    for (const auto& m : ms) {
      if (m.has_upload_ack() && m.upload_ack().upload_id() == id) out.push_back(m.upload_ack().taken());
    }
    return out;
  }
  bool logged(const std::string& text) const {
    return std::any_of(logs.begin(), logs.end(), [&](const std::string& l) { return l.find(text) != std::string::npos; });
  }

  // A handler that reads every file whole, chunk by chunk.
  void read_everything() {
    pgw::on_upload(dialog, [this](pgw::Upload file) -> pgw::Task<> {
      ++runs;
      try {
        while (auto c = co_await file.read()) {
          received[file.name()] += *c;
          chunk_sizes.push_back(c->size());
        }
        completed.push_back(file.name());
      } catch (const pgw::UploadError& e) {
        failures.push_back(e.what());
      }
      --running;
    });
  }

  static constexpr detail::BrowserId browser = 1;
  boost::asio::io_context io;
  std::vector<std::string> frames;
  std::vector<std::string> logs;
  std::shared_ptr<detail::SessionCore> core;
  std::shared_ptr<pgw::Session> session;
  pgw::FileDialog dialog;
  int runs = 0;
  int running = 0;
  std::map<std::string, std::string> received;
  std::vector<std::size_t> chunk_sizes;
  std::vector<std::string> completed;
  std::vector<std::string> failures;
};

std::string bytes(std::size_t n, char seed) {
  std::string s(n, '\0');
  for (std::size_t i = 0; i < n; ++i) s[i] = static_cast<char>(seed + i * 31);
  return s;
}

}  // namespace

TEST_CASE_METHOD(UploadFixture, "uploads: a file arrives in order, acknowledged as read, with progress and activated") {
  read_everything();
  std::vector<std::int64_t> progress;
  dialog.on_progress([&](std::int64_t done, std::int64_t total, std::string name, int index, int count) {
    CHECK(total == 600000);
    CHECK(name == "a.bin");
    CHECK((index == 0 && count == 1));
    progress.push_back(done);
  });
  std::vector<pgw::PickedFile> picked;
  dialog.on_activated([&](std::vector<pgw::PickedFile> files) { picked = files; });
  start(7, 600000, "a.bin");
  auto first = sent();
  REQUIRE(acks(first, 7) == std::vector<std::uint64_t>{0});  // accepted: the page may send
  const std::string data = bytes(600000, 'a');
  chunk(7, 0, data.substr(0, chunk_bytes));
  chunk(7, chunk_bytes, data.substr(chunk_bytes, chunk_bytes));
  chunk(7, 2 * chunk_bytes, data.substr(2 * chunk_bytes));
  auto ms = sent();
  CHECK(acks(ms, 7) == std::vector<std::uint64_t>{chunk_bytes, 2 * chunk_bytes, 600000});
  CHECK(received["a.bin"] == data);
  CHECK(completed == std::vector<std::string>{"a.bin"});
  CHECK(progress == std::vector<std::int64_t>{262144, 524288, 600000});
  REQUIRE(picked.size() == 1);
  CHECK((picked[0].name == "a.bin" && picked[0].size == 600000 && picked[0].type == "application/x-test"));
  CHECK(core->uploads().active() == 0);
  CHECK(session->stats().uploads_finished == 1);
  CHECK(session->stats().uploads_failed == 0);
}

TEST_CASE_METHOD(UploadFixture, "uploads: a file of exactly max_upload_bytes is taken, one byte more is refused before any byte") {
  read_everything();
  start(1, limit + 1, "big.bin");
  auto ms = sent();
  auto why = refusal(ms, 1);
  REQUIRE(why);
  CHECK(why->find("larger than the server accepts (2000000 bytes, max_upload_bytes)") != std::string::npos);
  CHECK(acks(ms, 1).empty());
  REQUIRE(failures.size() == 1);  // the handler hears of it from read()
  CHECK(failures[0] == *why);
  CHECK(logged("big.bin"));
  CHECK(core->uploads().active() == 0);

  start(2, limit, "exact.bin");
  CHECK(!refusal(sent(), 2));
  const std::string data = bytes(limit, 'x');
  for (std::size_t off = 0; off < data.size(); off += chunk_bytes) {
    chunk(2, off, data.substr(off, chunk_bytes));
    sent();
  }
  CHECK(received["exact.bin"] == data);
}

TEST_CASE_METHOD(UploadFixture, "uploads: a chunk over UPLOAD_LIMIT_CHUNK_BYTES refuses the upload and frees it") {
  read_everything();
  start(3, 900000);
  sent();
  chunk(3, 0, bytes(chunk_bytes + 1, 'c'));
  auto why = refusal(sent(), 3);
  REQUIRE(why);
  CHECK(why->find("a chunk of 262145 bytes (1 to 262144 allowed)") != std::string::npos);
  REQUIRE(failures.size() == 1);
  CHECK(core->uploads().active() == 0);
  CHECK(core->uploads().buffered_bytes() == 0);
  // Its late chunks are dropped quietly; the session takes the next file.
  chunk(3, 0, bytes(10, 'c'));
  auto late = sent();
  CHECK(std::none_of(late.begin(), late.end(), [](const auto& m) { return m.has_error(); }));
  start(4, 5);
  sent();
  chunk(4, 0, "hello");
  sent();
  CHECK(received["f.bin"] == "hello");
}

TEST_CASE_METHOD(UploadFixture, "uploads: out-of-order, empty, oversized and past-the-end chunks are refused") {
  read_everything();
  SECTION("out of order") {
    start(5, 1000);
    sent();
    chunk(5, 10, bytes(10, 'o'));
    auto why = refusal(sent(), 5);
    REQUIRE(why);
    CHECK(why->find("a chunk at byte 10 where byte 0 was due") != std::string::npos);
  }
  SECTION("empty") {
    start(5, 1000);
    sent();
    chunk(5, 0, "");
    REQUIRE(refusal(sent(), 5));
  }
  SECTION("past the declared size") {
    start(5, 4);
    sent();
    chunk(5, 0, "hello");
    auto why = refusal(sent(), 5);
    REQUIRE(why);
    CHECK(why->find("more bytes than its size (4)") != std::string::npos);
  }
  CHECK(failures.size() == 1);
  CHECK(completed.empty());
  CHECK(core->uploads().active() == 0);
}

TEST_CASE_METHOD(UploadFixture, "uploads: a page past the window of unread chunks is refused, memory stays bounded") {
  std::optional<pgw::Upload> kept;  // a handler that keeps the file and does not read it
  pgw::on_upload(dialog, [&](pgw::Upload file) { kept.emplace(std::move(file)); });
  start(6, 6 * chunk_bytes);
  sent();
  for (int i = 0; i < pgwidgets::UPLOAD_LIMIT_WINDOW_CHUNKS; ++i) chunk(6, i * chunk_bytes, bytes(chunk_bytes, 'w'));
  CHECK(!refusal(sent(), 6));
  CHECK(core->uploads().buffered_bytes() == 4 * chunk_bytes);
  chunk(6, 4 * chunk_bytes, bytes(chunk_bytes, 'w'));
  auto why = refusal(sent(), 6);
  REQUIRE(why);
  CHECK(why->find("more than 4 chunks unacknowledged") != std::string::npos);
  CHECK(core->uploads().buffered_bytes() == 0);
  CHECK(core->uploads().active() == 0);
  CHECK_THROWS_AS(run_coro(io, kept->read()), pgw::UploadError);
}

TEST_CASE_METHOD(UploadFixture, "uploads: an unknown upload id is a protocol error, nothing else is lost") {
  read_everything();
  start(8, 3);
  sent();
  chunk(99, 0, "xyz");
  auto ms = sent();
  auto err = std::find_if(ms.begin(), ms.end(), [](const auto& m) { return m.has_error(); });
  REQUIRE(err != ms.end());
  CHECK(err->error().message() == "chunk for unknown upload id 99");
  chunk(8, 0, "abc");
  sent();
  CHECK(received["f.bin"] == "abc");
  CHECK(failures.empty());
}

TEST_CASE_METHOD(UploadFixture, "uploads: a dialog without an on_upload handler refuses the file at its start") {
  start(9, 100, "orphan.bin");
  auto why = refusal(sent(), 9);
  REQUIRE(why);
  CHECK(why->find("nothing on the server receives files") != std::string::npos);
  CHECK(core->uploads().active() == 0);
}

TEST_CASE_METHOD(UploadFixture, "uploads: a browser that leaves mid-upload frees it at once and ends its handler") {
  read_everything();
  running = 1;
  start(10, 5 * chunk_bytes);
  sent();
  chunk(10, 0, bytes(chunk_bytes, 'd'));
  chunk(10, chunk_bytes, bytes(chunk_bytes, 'd'));
  drain(io);
  CHECK(core->uploads().active() == 1);
  core->detach(browser, "page closed");
  CHECK(core->uploads().active() == 0);
  CHECK(core->uploads().buffered_bytes() == 0);
  drain(io);
  REQUIRE(failures.size() == 1);
  CHECK(failures[0].find("left (page closed)") != std::string::npos);
  CHECK(running == 0);  // the handler's coroutine ended: nothing hangs
  CHECK(session->stats().uploads_failed == 1);
}

TEST_CASE_METHOD(UploadFixture, "uploads: a handler that stops reading cancels the upload: the page is told, memory freed") {
  pgw::on_upload(dialog, [&](pgw::Upload file) -> pgw::Task<> {
    auto first = co_await file.read();
    CHECK(first->size() == chunk_bytes);
    // Returns with the rest unread: the Upload goes, and the upload with it.
  });
  start(11, 3 * chunk_bytes);
  sent();
  chunk(11, 0, bytes(chunk_bytes, 'e'));
  chunk(11, chunk_bytes, bytes(chunk_bytes, 'e'));
  auto ms = sent();
  auto why = refusal(ms, 11);
  REQUIRE(why);
  CHECK(why->find("cancelled by the server: the program stopped reading it") != std::string::npos);
  CHECK(core->uploads().active() == 0);
  CHECK(core->uploads().buffered_bytes() == 0);
  CHECK(session->stats().uploads_failed == 1);
}
