// ws_echo: the floor under pgwidgets' awaited round trip.
//
// A minimal websocketpp server (same library and config as the runtime's
// transport, C++17 like it) on one port: a GET answers a page whose script
// echoes every binary frame straight back; the WebSocket sends one small
// frame, waits for the echo, and times that round trip with steady_clock,
// exactly as bench_widgets times an awaited get_position. No protobuf, no
// session, no widgets: what is left is websocketpp, the kernel's loopback and
// Chromium's WebSocket path. bench/run_bench.mjs prints its figures beside
// bench_widgets' round-trip rows.
//
// usage: ws_echo [--host 127.0.0.1] [--port 0] [--count 2000] [--warmup 2000]
//                [--payload 12] [--nodelay 1] [--push-first 0] [--gap-us 500]
//                [--slot-us 0]
//
// --slot-us S interleaves the floor with bench_widgets' phase d (slots.hpp):
// after the warmup ws_echo prints "ws_echo: warm" to stderr, waits for a
// line on its standard input, then times round trips only in odd slots of
// S microseconds, as bench_widgets --slot-us S does in even ones.
//
// --push-first 1 shows what TCP_NODELAY is for: before each timed frame the
// server pushes one frame that the page does not answer (as a pipelined call
// is not answered), and sends the timed frame --gap-us later. Without
// TCP_NODELAY, Nagle's algorithm holds the timed frame until the pushed one
// is ACKed, and the browser's kernel delays that ACK (no reply to carry it).
// Prints the page URL first, then, after one browser ran the exchange, one
// line: {"n":...,"cpu_us_per_rtt":...,"rtt_us":[...]} (its CPU time per timed round
// trip, and every timed round trip in order), and exits.
#include <algorithm>
#include <charconv>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <ctime>
#include <string>
#include <string_view>
#include <vector>

#include <unistd.h>

#include <boost/asio/io_context.hpp>
#include <boost/asio/posix/stream_descriptor.hpp>
#include <boost/asio/read_until.hpp>
#include <boost/asio/streambuf.hpp>
#include <boost/asio/ip/tcp.hpp>
#include <boost/asio/steady_timer.hpp>
#include <websocketpp/config/asio_no_tls.hpp>
#include <websocketpp/server.hpp>

#include "slots.hpp"

namespace {

using Endpoint = websocketpp::server<websocketpp::config::asio>;
using Hdl = websocketpp::connection_hdl;
using steady = std::chrono::steady_clock;

struct Options {
  std::string host = "127.0.0.1";
  unsigned port = 0;
  unsigned count = 2000;
  unsigned warmup = 2000;  // by count: the page has settled after its load
  bool push_first = false;
  unsigned gap_us = 500;
  unsigned payload = 12;  // about a get_position call frame
  bool nodelay = true;
  unsigned slot_us = 0;  // 0: no slots, round trips back to back
};

[[noreturn]] void usage_error(const std::string& why) {
  std::fprintf(stderr, "ws_echo: %s\nusage: ws_echo [--host H] [--port N] [--count N] [--warmup N] "
                       "[--payload BYTES] [--nodelay 0|1] [--push-first 0|1] [--gap-us N]\n", why.c_str());
  std::exit(2);
}

unsigned parse_unsigned(std::string_view flag, std::string_view text, unsigned max) {
  unsigned value = 0;
  auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), value);
  if (ec != std::errc() || end != text.data() + text.size() || value > max) {
    usage_error(std::string(flag) + ": not a number in 0.." + std::to_string(max) + ": " + std::string(text));
  }
  return value;
}

Options parse(int argc, char** argv) {
  Options o;
  for (int i = 1; i < argc; ++i) {
    const std::string_view flag = argv[i];
    if (i + 1 >= argc) usage_error(std::string(flag) + " needs a value");
    const std::string_view value = argv[++i];
    if (flag == "--host") o.host = std::string(value);
    else if (flag == "--port") o.port = parse_unsigned(flag, value, 65535);
    else if (flag == "--count") o.count = parse_unsigned(flag, value, 10'000'000);
    else if (flag == "--warmup") o.warmup = parse_unsigned(flag, value, 10'000'000);
    else if (flag == "--payload") o.payload = parse_unsigned(flag, value, 1 << 20);
    else if (flag == "--nodelay") o.nodelay = parse_unsigned(flag, value, 1) == 1;
    else if (flag == "--push-first") o.push_first = parse_unsigned(flag, value, 1) == 1;
    else if (flag == "--gap-us") o.gap_us = parse_unsigned(flag, value, 10'000'000);
    else if (flag == "--slot-us") o.slot_us = parse_unsigned(flag, value, 10'000'000);
    else usage_error("unknown option " + std::string(flag));
  }
  if (o.count == 0) usage_error("--count must be at least 1");
  if (o.payload == 0) usage_error("--payload must be at least 1 byte");
  if (o.slot_us != 0 && o.slot_us < 5000) usage_error("--slot-us must be 0 or at least 5000");
  return o;
}

// The page: connect back to this port and echo every frame at once.
constexpr const char* kPage = R"(<!doctype html>
<meta charset="utf-8"><title>ws_echo</title>
<p id="status">connecting</p>
<script>
const ws = new WebSocket(`ws://${location.host}/`);
ws.binaryType = "arraybuffer";
ws.onmessage = (e) => { if (new Uint8Array(e.data)[0] !== 112) ws.send(e.data); };  // "p": pushed, not answered
ws.onclose = () => { document.getElementById("status").textContent = "done"; };
</script>
)";

// No round trip starts with less of its slot left than this.
constexpr std::chrono::microseconds kSlotMargin(2000);

class Echo {
 public:
  Echo(boost::asio::io_context& io, Options options)
      : options_(std::move(options)), frame_(options_.payload, 'x'), push_(options_.payload, 'p'), gap_(io),
        slot_wait_(io), go_(io, ::dup(STDIN_FILENO)) {
    ep_.clear_access_channels(websocketpp::log::alevel::all);
    ep_.clear_error_channels(websocketpp::log::elevel::all);
    ep_.init_asio(&io);
    ep_.set_reuse_addr(true);
    if (options_.nodelay) {
      ep_.set_tcp_pre_init_handler([this](Hdl h) {
        boost::system::error_code ec;
        ep_.get_con_from_hdl(h)->get_socket().set_option(boost::asio::ip::tcp::no_delay(true), ec);
        if (ec) std::fprintf(stderr, "ws_echo: TCP_NODELAY: %s\n", ec.message().c_str());
      });
    }
    ep_.set_http_handler([this](Hdl h) {
      auto con = ep_.get_con_from_hdl(h);
      con->set_status(websocketpp::http::status_code::ok);
      con->replace_header("Content-Type", "text/html; charset=utf-8");
      con->replace_header("Cache-Control", "no-cache");
      con->set_body(kPage);
    });
    ep_.set_open_handler([this](Hdl h) { on_open(h); });
    ep_.set_message_handler([this](Hdl h, Endpoint::message_ptr) { on_echo(h); });
    rtt_us_.reserve(options_.count);
  }

  void start() {
    boost::asio::ip::tcp::endpoint where(boost::asio::ip::make_address(options_.host),
                                         static_cast<unsigned short>(options_.port));
    ep_.listen(where);
    ep_.start_accept();
    boost::system::error_code ec;
    const auto local = ep_.get_local_endpoint(ec);
    if (ec) throw std::runtime_error("ws_echo: no local endpoint: " + ec.message());
    std::printf("http://%s:%u/\n", options_.host.c_str(), unsigned(local.port()));
    std::fflush(stdout);
  }

  bool done() const { return rtt_us_.size() == options_.count; }

 private:
  void on_open(Hdl h) {
    if (busy_) {  // one browser at a time: the figures are for one connection
      ep_.close(h, websocketpp::close::status::try_again_later, "busy");
      return;
    }
    busy_ = true;
    send(h);
  }

  void send(Hdl h) {
    if (sent_warmup_ == options_.warmup && rtt_us_.empty()) {
      if (options_.slot_us != 0 && !went_) {
        // Warm: wait for the word to start, then for an odd slot.
        std::fputs("ws_echo: warm\n", stderr);
        std::fflush(stderr);
        boost::asio::async_read_until(go_, go_line_, '\n', [this, h](const boost::system::error_code& ec, std::size_t) {
          if (ec) {
            std::fprintf(stderr, "ws_echo: no start line on stdin: %s\n", ec.message().c_str());
            ep_.stop_listening();
            ep_.close(h, websocketpp::close::status::internal_endpoint_error, "no start");
            return;
          }
          went_ = true;
          send(h);
        });
        return;
      }
      cpu0_ = std::clock();
    }
    if (options_.slot_us != 0 && sent_warmup_ == options_.warmup) {
      const auto wait = bench::until_slot(std::chrono::microseconds(options_.slot_us), 1, kSlotMargin);
      if (wait.count() > 0) {
        slot_wait_.expires_after(wait);
        slot_wait_.async_wait([this, h](const boost::system::error_code& ec) {
          if (!ec) send_in_slot(h);
        });
        return;
      }
    }
    send_in_slot(h);
  }

  void send_in_slot(Hdl h) {
    if (!options_.push_first) {
      send_timed(h);
      return;
    }
    ep_.send(h, push_, websocketpp::frame::opcode::binary);
    gap_.expires_after(std::chrono::microseconds(options_.gap_us));
    gap_.async_wait([this, h](const boost::system::error_code& ec) {
      if (!ec) send_timed(h);
    });
  }

  void send_timed(Hdl h) {
    t0_ = steady::now();
    ep_.send(h, frame_, websocketpp::frame::opcode::binary);
  }

  void on_echo(Hdl h) {
    const auto t1 = steady::now();
    if (sent_warmup_ < options_.warmup) {
      ++sent_warmup_;
    } else {
      rtt_us_.push_back(std::chrono::duration<double, std::micro>(t1 - t0_).count());
    }
    if (!done()) {
      send(h);
      return;
    }
    const double cpu_us = 1e6 * static_cast<double>(std::clock() - cpu0_) / CLOCKS_PER_SEC;
    char cpu[64];
    std::snprintf(cpu, sizeof cpu, "%.2f", cpu_us / static_cast<double>(rtt_us_.size()));
    std::string line = "{\"n\":" + std::to_string(rtt_us_.size()) + ",\"cpu_us_per_rtt\":" + cpu + ",\"rtt_us\":[";
    for (std::size_t i = 0; i < rtt_us_.size(); ++i) {
      char buf[32];
      std::snprintf(buf, sizeof buf, "%s%.1f", i ? "," : "", rtt_us_[i]);
      line += buf;
    }
    line += "]}\n";
    std::fputs(line.c_str(), stdout);
    std::fflush(stdout);
    ep_.stop_listening();
    ep_.close(h, websocketpp::close::status::normal, "done");
  }

  Options options_;
  Endpoint ep_;
  std::string frame_;
  std::string push_;
  boost::asio::steady_timer gap_;
  boost::asio::steady_timer slot_wait_;
  boost::asio::posix::stream_descriptor go_;
  boost::asio::streambuf go_line_;
  bool went_ = false;
  std::vector<double> rtt_us_;
  steady::time_point t0_;
  std::clock_t cpu0_ = 0;
  unsigned sent_warmup_ = 0;
  bool busy_ = false;
};

}  // namespace

int main(int argc, char** argv) {
  try {
    const Options options = parse(argc, argv);
    boost::asio::io_context io;
    Echo echo(io, options);
    echo.start();
    io.run();  // returns once the exchange is done and the connection closed
    return echo.done() ? 0 : 1;
  } catch (const std::exception& e) {
    std::fprintf(stderr, "ws_echo: %s\n", e.what());
    return 1;
  }
}
