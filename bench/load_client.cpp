// load_client: N working sessions against bench/load_server, with no browser.
//
// One process, one Boost.Asio thread, Boost.Beast WebSockets. Each
// connection acts as the page does (web/src/processor.ts): it says hello
// (ClientHello with the schema fingerprint), answers each Create and Call
// that asks for it (ack set, or a method that returns a value) with a
// Result, and notes the server's Listen for the Button's `activated`. Once
// a session's UI is built it clicks that Button every --period ms at a
// random phase (so the load is spread), or in --closed-loop K mode keeps K
// clicks outstanding (for the server's maximum throughput).
//
// The server answers the k-th click of a session with set_text("clicks k")
// on one label, and its timer sets "ticks n" on another once a second. Each
// click is matched to its answer by k: the latency is from sending the click
// to receiving that set_text. An answer with another k, or one with no click
// outstanding, is a mismatch.
//
// Phases: connect all N (at most --connect-window at once), wait --warmup
// seconds, measure for --duration seconds, then wait up to --grace seconds for
// the window's clicks to be answered, and close. It prints the connect rate,
// p50/p99/max latency of the clicks sent in the window, throughput, timer
// updates per session per second, the server's CPU per call and RSS per
// session (from /proc/<pid> of --server-pid, or the server it spawned with
// --spawn), and its own CPU. The last line is a machine-readable summary
// ("RESULT key=value ...").
//
// Exit status 0 when every click sent got its answer, in order, with no
// error, refused connection or drop; 1 otherwise (the ctest smoke test
// `bench: load_smoke` relies on it). Times are never asserted.
//
// usage: load_client [--port P | --spawn SERVER [server args...] --] [options]
//   --sessions N        (default 100)
//   --period MS         click period per session (default 1000)
//   --closed-loop K     K clicks outstanding per session instead of --period
//   --warmup S --duration S --grace S   (defaults 2, 10, 5; seconds, may be fractional)
//   --connect-window N  connections being opened at once (default 200)
//   --server-pid PID    the server to read /proc/PID/{stat,status} of
//   --host H            (default 127.0.0.1)
#include <signal.h>
#include <sys/resource.h>
#include <sys/types.h>
#include <sys/wait.h>
#include <poll.h>
#include <unistd.h>

#include <algorithm>
#include <chrono>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <deque>
#include <fstream>
#include <memory>
#include <optional>
#include <random>
#include <sstream>
#include <string>
#include <string_view>
#include <unordered_set>
#include <vector>

#include <boost/asio/connect.hpp>
#include <boost/asio/io_context.hpp>
#include <boost/asio/ip/tcp.hpp>
#include <boost/asio/steady_timer.hpp>
#include <boost/beast/core.hpp>
#include <boost/beast/websocket.hpp>

#include "pgwidgets/protocol.pb.h"
#include "pgwidgets/schema_info.hpp"
#include "pgwidgets/widgets/base.pb.h"
#include "pgwidgets/widgets/display.pb.h"

namespace asio = boost::asio;
namespace beast = boost::beast;
namespace websocket = beast::websocket;
using tcp = asio::ip::tcp;
using Clock = std::chrono::steady_clock;
using namespace std::chrono_literals;

namespace {

struct Config {
  std::string host = "127.0.0.1";
  std::uint16_t port = 0;
  int sessions = 100;
  std::chrono::microseconds period = 1s;
  int closed_loop = 0;
  double warmup = 2, duration = 10, grace = 5;
  int connect_window = 200;
  pid_t server_pid = 0;
  int min_ticks = 0;
  double connect_timeout = 120;
};

// Everything one process measures, shared by its connections (one thread).
struct Stats {
  bool measuring = false;
  Clock::time_point window_start, window_end;
  int ready = 0, failed = 0, closed = 0;
  std::uint64_t clicks_sent = 0, answers = 0, mismatches = 0, errors = 0, unanswered_at_close = 0;
  std::uint64_t window_clicks = 0, window_answers = 0, window_ticks = 0;
  std::vector<float> latency_us;  // clicks sent in the window
  std::string first_problem;
  void problem(const std::string& what) {
    if (first_problem.empty()) first_problem = what;
  }
};

std::uint32_t label_class = pgw::detail::classes::Label.id;
std::uint32_t set_text_id = pgw::detail::methods::Label_set_text.id;
std::uint32_t activated_id = pgw::detail::callbacks::Button_activated.id;

// Methods the page answers with a value (MethodInfo::returns_value).
const std::unordered_set<std::uint32_t>& returning_methods() {
  static const std::unordered_set<std::uint32_t> ids = [] {
    std::unordered_set<std::uint32_t> s;
    for (const auto* m : pgw::detail::method_table) {
      if (m->returns_value) s.insert(m->id);
    }
    return s;
  }();
  return ids;
}

std::optional<std::uint64_t> number_after(std::string_view text, std::string_view prefix) {
  if (text.substr(0, prefix.size()) != prefix) return std::nullopt;
  text.remove_prefix(prefix.size());
  if (text.empty()) return std::nullopt;
  std::uint64_t n = 0;
  for (char c : text) {
    if (c < '0' || c > '9') return std::nullopt;
    n = n * 10 + static_cast<std::uint64_t>(c - '0');
  }
  return n;
}

class Conn : public std::enable_shared_from_this<Conn> {
 public:
  Conn(asio::io_context& io, const Config& cfg, Stats& stats, int index, std::function<void()> settled)
      : ws_(io), click_timer_(io), cfg_(cfg), stats_(stats), index_(index), settled_(std::move(settled)) {}

  void start(const tcp::endpoint& at) {
    beast::get_lowest_layer(ws_).async_connect(at, [self = shared_from_this()](beast::error_code ec) {
      if (ec) return self->fail("connect: " + ec.message());
      beast::get_lowest_layer(self->ws_).socket().set_option(tcp::no_delay(true));
      self->ws_.binary(true);
      self->ws_.read_message_max(64 * 1024 * 1024);
      self->ws_.async_handshake(self->cfg_.host + ":" + std::to_string(self->cfg_.port), "/",
                                [self](beast::error_code ec) {
                                  if (ec) return self->fail("handshake: " + ec.message());
                                  self->send_hello();
                                  self->read();
                                });
    });
  }

  void stop_clicking() {
    clicking_ = false;
    click_timer_.cancel();
  }
  std::size_t outstanding() const { return pending_.size(); }
  std::uint64_t ticks() const { return ticks_; }
  void close() {
    closing_ = true;
    stop_clicking();
    if (!open_) return;
    ws_.async_close(websocket::close_code::normal, [self = shared_from_this()](beast::error_code) {});
  }

 private:
  void fail(const std::string& why) {
    if (closing_) return;
    if (!settled_done_) {
      ++stats_.failed;
      stats_.problem("session " + std::to_string(index_) + ": " + why);
      settle();
    } else {
      ++stats_.closed;
      stats_.problem("session " + std::to_string(index_) + " dropped: " + why);
    }
    open_ = false;
    stop_clicking();
  }
  void settle() {
    if (settled_done_) return;
    settled_done_ = true;
    settled_();
  }

  void send_hello() {
    open_ = true;
    pgwidgets::ClientFrame f;
    auto* h = f.add_messages()->mutable_hello();
    h->set_protocol_version(pgwidgets::PROTOCOL_VERSION_CURRENT);
    h->set_schema_fingerprint(pgw::detail::schema_fingerprint);
    h->mutable_viewport()->set_width(1280);
    h->mutable_viewport()->set_height(800);
    send(f.SerializeAsString());
  }

  void send(std::string bytes) {
    out_.push_back(std::move(bytes));
    if (!writing_) write_next();
  }
  void write_next() {
    if (out_.empty() || !open_) {
      writing_ = false;
      return;
    }
    writing_ = true;
    ws_.async_write(asio::buffer(out_.front()), [self = shared_from_this()](beast::error_code ec, std::size_t) {
      self->out_.pop_front();
      if (ec) {
        self->writing_ = false;
        return self->fail("write: " + ec.message());
      }
      self->write_next();
    });
  }

  void read() {
    ws_.async_read(in_, [self = shared_from_this()](beast::error_code ec, std::size_t) {
      if (ec) {
        if (ec == websocket::error::closed && self->closing_) return;
        std::string why = ec.message();
        if (ec == websocket::error::closed) {
          why = "closed by the server, code " + std::to_string(self->ws_.reason().code) + " " +
                std::string(self->ws_.reason().reason.data(), self->ws_.reason().reason.size());
        }
        return self->fail("read: " + why);
      }
      self->on_frame();
      self->read();
    });
  }

  void on_frame() {
    pgwidgets::ServerFrame frame;
    const auto data = in_.cdata();
    const bool ok = frame.ParseFromArray(data.data(), static_cast<int>(data.size()));
    in_.consume(in_.size());
    if (!ok) {
      ++stats_.errors;
      stats_.problem("session " + std::to_string(index_) + ": a frame that is not a ServerFrame");
      return;
    }
    pgwidgets::ClientFrame reply;
    for (const auto& m : frame.messages()) {
      switch (m.kind_case()) {
        case pgwidgets::ServerMessage::kCreate: {
          const auto& c = m.create();
          if (c.class_id() == label_class) {
            pgwidgets::widgets::LabelArgs args;
            if (args.ParseFromString(c.args())) {
              if (args.text() == "clicks 0") clicks_label_ = c.widget_id();
              if (args.text() == "ticks 0") ticks_label_ = c.widget_id();
            }
          }
          if (c.ack()) add_result(reply, c.seq());
          break;
        }
        case pgwidgets::ServerMessage::kCall: {
          const auto& c = m.call();
          if (c.ack() || returning_methods().count(c.method_id())) add_result(reply, c.seq());
          if (c.method_id() == set_text_id) on_set_text(c);
          break;
        }
        case pgwidgets::ServerMessage::kListen:
          if (m.listen().callback_id() == activated_id && button_ == 0) {
            button_ = m.listen().widget_id();
            on_ready();
          }
          break;
        case pgwidgets::ServerMessage::kError:
          ++stats_.errors;
          stats_.problem("session " + std::to_string(index_) + ": server error: " + m.error().message());
          break;
        default:
          break;  // hello, rebuild, unlisten, uploads
      }
    }
    if (reply.messages_size() > 0) send(reply.SerializeAsString());
  }

  static void add_result(pgwidgets::ClientFrame& reply, std::uint32_t seq) {
    // An empty value decodes as the response message's defaults.
    reply.add_messages()->mutable_result()->set_seq(seq);
  }

  void on_set_text(const pgwidgets::Call& c) {
    if (c.widget_id() != clicks_label_ && c.widget_id() != ticks_label_) return;
    pgwidgets::widgets::Text text;
    if (!text.ParseFromString(c.args())) {
      ++stats_.mismatches;
      stats_.problem("session " + std::to_string(index_) + ": set_text arguments that do not decode");
      return;
    }
    if (c.widget_id() == ticks_label_) {
      ++ticks_;
      if (stats_.measuring) ++stats_.window_ticks;
      return;
    }
    const auto now = Clock::now();
    const auto k = number_after(text.text(), "clicks ");
    if (!k || pending_.empty() || *k != answered_ + 1) {
      ++stats_.mismatches;
      stats_.problem("session " + std::to_string(index_) + ": answer \"" + text.text() + "\" but click " +
                     std::to_string(answered_ + 1) + " was expected (" + std::to_string(pending_.size()) +
                     " outstanding)");
      if (!pending_.empty()) pending_.pop_front();
      ++answered_;
      return;
    }
    ++answered_;
    ++stats_.answers;
    const auto sent = pending_.front();
    pending_.pop_front();
    if (sent >= stats_.window_start && sent < stats_.window_end) {
      ++stats_.window_answers;
      stats_.latency_us.push_back(std::chrono::duration<float, std::micro>(now - sent).count());
    }
    if (cfg_.closed_loop > 0 && clicking_) click();
  }

  void on_ready() {
    ++stats_.ready;
    settle();
    clicking_ = true;
    if (cfg_.closed_loop > 0) {
      for (int i = 0; i < cfg_.closed_loop; ++i) click();
      return;
    }
    // A random phase within one period, then every period.
    static std::mt19937_64 rng(12345);
    const auto phase = std::chrono::microseconds(
        std::uniform_int_distribution<std::int64_t>(0, cfg_.period.count() - 1)(rng));
    next_click_ = Clock::now() + phase;
    arm();
  }
  void arm() {
    click_timer_.expires_at(next_click_);
    click_timer_.async_wait([self = shared_from_this()](beast::error_code ec) {
      if (ec || !self->clicking_) return;
      self->click();
      self->next_click_ += self->cfg_.period;
      self->arm();
    });
  }
  void click() {
    if (!open_) return;
    const auto now = Clock::now();
    pending_.push_back(now);
    ++stats_.clicks_sent;
    if (now >= stats_.window_start && now < stats_.window_end) ++stats_.window_clicks;
    pgwidgets::ClientFrame f;
    auto* cb = f.add_messages()->mutable_callback();
    cb->set_widget_id(button_);
    cb->set_callback_id(activated_id);
    send(f.SerializeAsString());
  }

  websocket::stream<beast::tcp_stream> ws_;
  beast::flat_buffer in_;
  std::deque<std::string> out_;
  asio::steady_timer click_timer_;
  const Config& cfg_;
  Stats& stats_;
  int index_;
  std::function<void()> settled_;
  bool settled_done_ = false, open_ = false, writing_ = false, clicking_ = false, closing_ = false;
  std::uint32_t button_ = 0, clicks_label_ = 0, ticks_label_ = 0;
  std::uint64_t answered_ = 0, ticks_ = 0;
  std::deque<Clock::time_point> pending_;
  Clock::time_point next_click_;
};

// /proc/<pid>/stat utime + stime in seconds; VmRSS in KiB.
double proc_cpu_seconds(pid_t pid) {
  std::ifstream f("/proc/" + std::to_string(pid) + "/stat");
  std::string all((std::istreambuf_iterator<char>(f)), std::istreambuf_iterator<char>());
  const auto close = all.rfind(')');
  if (close == std::string::npos) return -1;
  std::istringstream rest(all.substr(close + 2));
  std::string field;
  unsigned long long utime = 0, stime = 0;
  for (int i = 3; i <= 15 && rest >> field; ++i) {  // fields 3.. after "pid (comm)"
    if (i == 14) utime = std::stoull(field);
    if (i == 15) stime = std::stoull(field);
  }
  return static_cast<double>(utime + stime) / static_cast<double>(sysconf(_SC_CLK_TCK));
}
long proc_rss_kib(pid_t pid) {
  std::ifstream f("/proc/" + std::to_string(pid) + "/status");
  std::string line;
  while (std::getline(f, line)) {
    if (line.rfind("VmRSS:", 0) == 0) return std::atol(line.c_str() + 6);
  }
  return -1;
}
double self_cpu_seconds() {
  rusage u{};
  getrusage(RUSAGE_SELF, &u);
  return static_cast<double>(u.ru_utime.tv_sec + u.ru_stime.tv_sec) +
         static_cast<double>(u.ru_utime.tv_usec + u.ru_stime.tv_usec) / 1e6;
}

rlim_t raise_nofile() {
  rlimit r{};
  if (getrlimit(RLIMIT_NOFILE, &r) != 0) return 0;
  if (r.rlim_cur < r.rlim_max) {
    r.rlim_cur = r.rlim_max;
    setrlimit(RLIMIT_NOFILE, &r);
    getrlimit(RLIMIT_NOFILE, &r);
  }
  return r.rlim_cur;
}

// A server started by --spawn: its stdout's first line names the port.
struct Spawned {
  pid_t pid = 0;
  std::uint16_t port = 0;
};
std::optional<Spawned> spawn(const std::vector<std::string>& argv) {
  int out[2];
  if (pipe(out) != 0) return std::nullopt;
  const pid_t pid = fork();
  if (pid < 0) return std::nullopt;
  if (pid == 0) {
    dup2(out[1], STDOUT_FILENO);
    close(out[0]);
    close(out[1]);
    std::vector<char*> args;
    for (const auto& a : argv) args.push_back(const_cast<char*>(a.c_str()));
    args.push_back(nullptr);
    execv(args[0], args.data());
    std::fprintf(stderr, "load_client: cannot run %s: %s\n", args[0], std::strerror(errno));
    _exit(127);
  }
  close(out[1]);
  std::string line;
  const auto deadline = Clock::now() + 10s;
  while (line.find('\n') == std::string::npos && Clock::now() < deadline) {
    pollfd p{out[0], POLLIN, 0};
    if (poll(&p, 1, 100) <= 0) continue;
    char buf[256];
    const auto n = read(out[0], buf, sizeof buf);
    if (n <= 0) break;
    line.append(buf, static_cast<std::size_t>(n));
  }
  close(out[0]);
  unsigned port = 0;
  int spid = 0;
  if (std::sscanf(line.c_str(), "load_server: ws_port %u pid %d", &port, &spid) != 2 || port == 0) {
    kill(pid, SIGKILL);
    waitpid(pid, nullptr, 0);
    std::fprintf(stderr, "load_client: the spawned server did not say its port (got \"%s\")\n", line.c_str());
    return std::nullopt;
  }
  return Spawned{pid, static_cast<std::uint16_t>(port)};
}

double percentile(std::vector<float>& v, double q) {
  if (v.empty()) return 0;
  const auto i = std::min(v.size() - 1, static_cast<std::size_t>(q * static_cast<double>(v.size())));
  std::nth_element(v.begin(), v.begin() + static_cast<std::ptrdiff_t>(i), v.end());
  return v[i];
}

[[noreturn]] void usage(const char* why) {
  std::fprintf(stderr, "load_client: %s\n(see the head of bench/load_client.cpp for the options)\n", why);
  std::exit(2);
}

}  // namespace

int main(int argc, char** argv) {
  Config cfg;
  std::vector<std::string> server_argv;
  for (int i = 1; i < argc; ++i) {
    const std::string_view a = argv[i];
    const auto num = [&]() -> double {
      if (i + 1 >= argc) usage(("a value is missing after " + std::string(a)).c_str());
      char* end = nullptr;
      const double v = std::strtod(argv[++i], &end);
      if (*end != '\0' || v < 0) usage(("bad value for " + std::string(a) + ": " + argv[i]).c_str());
      return v;
    };
    if (a == "--spawn") {
      for (++i; i < argc && std::string_view(argv[i]) != "--"; ++i) server_argv.emplace_back(argv[i]);
      if (server_argv.empty()) usage("--spawn needs the server's path");
    } else if (a == "--port") cfg.port = static_cast<std::uint16_t>(num());
    else if (a == "--host") {
      if (i + 1 >= argc) usage("--host needs a value");
      cfg.host = argv[++i];
    } else if (a == "--sessions") cfg.sessions = static_cast<int>(num());
    else if (a == "--period") cfg.period = std::chrono::microseconds(static_cast<std::int64_t>(num() * 1000));
    else if (a == "--closed-loop") cfg.closed_loop = static_cast<int>(num());
    else if (a == "--warmup") cfg.warmup = num();
    else if (a == "--duration") cfg.duration = num();
    else if (a == "--grace") cfg.grace = num();
    else if (a == "--connect-window") cfg.connect_window = std::max(1, static_cast<int>(num()));
    else if (a == "--min-ticks") cfg.min_ticks = static_cast<int>(num());
    else if (a == "--connect-timeout") cfg.connect_timeout = num();
    else if (a == "--server-pid") cfg.server_pid = static_cast<pid_t>(num());
    else usage(("unknown argument " + std::string(a)).c_str());
  }
  if (cfg.sessions < 1) usage("--sessions must be at least 1");
  if (cfg.period.count() < 1) usage("--period must be positive");
  if (cfg.duration <= 0) usage("--duration must be positive");

  const rlim_t files = raise_nofile();
  if (files < static_cast<rlim_t>(cfg.sessions) + 64) {
    std::fprintf(stderr, "load_client: the open-file limit is %llu, below the %d sessions asked (raise ulimit -Hn)\n",
                 static_cast<unsigned long long>(files), cfg.sessions);
    return 2;
  }
  std::optional<Spawned> spawned;
  if (!server_argv.empty()) {
    server_argv.emplace_back("--port");
    server_argv.emplace_back("0");
    spawned = spawn(server_argv);
    if (!spawned) return 2;
    cfg.port = spawned->port;
    cfg.server_pid = spawned->pid;
  }
  if (cfg.port == 0) usage("give --port or --spawn");

  asio::io_context io(1);
  Stats stats;
  stats.window_start = stats.window_end = Clock::time_point::max();
  std::vector<std::shared_ptr<Conn>> conns;
  conns.reserve(static_cast<std::size_t>(cfg.sessions));
  const tcp::endpoint at(asio::ip::make_address(cfg.host), cfg.port);

  const long rss_before = cfg.server_pid ? proc_rss_kib(cfg.server_pid) : -1;
  const auto t0 = Clock::now();
  Clock::time_point all_ready{};
  int launched = 0, settled = 0;
  asio::steady_timer phase(io);
  double server_cpu_0 = 0, self_cpu_0 = 0;
  long rss_connected = -1;
  bool finished = false;

  std::function<void()> launch;
  std::function<void()> begin_window;
  std::function<void()> end_window;
  std::function<void()> finish;
  std::function<void()> connect_deadline_cancel = [] {};

  const auto on_settled = [&] {
    ++settled;
    if (launched < cfg.sessions) launch();
    if (settled == cfg.sessions) {
      all_ready = Clock::now();
      connect_deadline_cancel();
      if (cfg.server_pid) rss_connected = proc_rss_kib(cfg.server_pid);
      phase.expires_after(std::chrono::duration_cast<Clock::duration>(std::chrono::duration<double>(cfg.warmup)));
      phase.async_wait([&](beast::error_code) { begin_window(); });
    }
  };
  launch = [&] {
    const int i = launched++;
    auto c = std::make_shared<Conn>(io, cfg, stats, i, on_settled);
    conns.push_back(c);
    c->start(at);
  };
  begin_window = [&] {
    stats.measuring = true;
    stats.window_start = Clock::now();
    stats.window_end =
        stats.window_start + std::chrono::duration_cast<Clock::duration>(std::chrono::duration<double>(cfg.duration));
    if (cfg.server_pid) server_cpu_0 = proc_cpu_seconds(cfg.server_pid);
    self_cpu_0 = self_cpu_seconds();
    phase.expires_at(stats.window_end);
    phase.async_wait([&](beast::error_code) { end_window(); });
  };
  double server_cpu = 0, self_cpu = 0;
  end_window = [&] {
    stats.measuring = false;
    if (cfg.server_pid) server_cpu = proc_cpu_seconds(cfg.server_pid) - server_cpu_0;
    self_cpu = self_cpu_seconds() - self_cpu_0;
    for (auto& c : conns) c->stop_clicking();
    // Wait for the window's outstanding clicks, polling every 10 ms.
    const auto deadline =
        Clock::now() + std::chrono::duration_cast<Clock::duration>(std::chrono::duration<double>(cfg.grace));
    std::shared_ptr<std::function<void()>> poll_once = std::make_shared<std::function<void()>>();
    *poll_once = [&, deadline, poll_once] {
      std::size_t left = 0;
      for (auto& c : conns) left += c->outstanding();
      if (left == 0 || Clock::now() >= deadline) {
        stats.unanswered_at_close = left;
        if (left > 0) stats.problem(std::to_string(left) + " clicks still unanswered " + std::to_string(cfg.grace) + " s after the window");
        finish();
        return;
      }
      phase.expires_after(10ms);
      phase.async_wait([poll_once](beast::error_code) { (*poll_once)(); });
    };
    (*poll_once)();
  };
  finish = [&] {
    finished = true;
    for (auto& c : conns) c->close();
    // Let the closes go out, then stop.
    phase.expires_after(500ms);
    phase.async_wait([&](beast::error_code) { io.stop(); });
  };

  // Sessions that neither connect nor fail in time end the run.
  asio::steady_timer connect_deadline(io);
  connect_deadline_cancel = [&] { connect_deadline.cancel(); };
  connect_deadline.expires_after(
      std::chrono::duration_cast<Clock::duration>(std::chrono::duration<double>(cfg.connect_timeout)));
  connect_deadline.async_wait([&](beast::error_code ec) {
    if (ec || settled == cfg.sessions) return;
    stats.problem(std::to_string(cfg.sessions - settled) + " sessions neither connected nor failed in " +
                  std::to_string(cfg.connect_timeout) + " s");
    stats.failed += cfg.sessions - settled;
    finish();
  });
  for (int i = 0; i < std::min(cfg.connect_window, cfg.sessions); ++i) launch();
  io.run();
  (void)finished;

  if (spawned) {
    kill(spawned->pid, SIGTERM);
    int status = 0;
    for (int i = 0; i < 100 && waitpid(spawned->pid, &status, WNOHANG) == 0; ++i) usleep(50'000);
    if (waitpid(spawned->pid, &status, WNOHANG) == 0) {
      kill(spawned->pid, SIGKILL);
      waitpid(spawned->pid, &status, 0);
    }
  }

  int few_ticks = 0;
  for (const auto& c : conns) {
    if (c->ticks() < static_cast<std::uint64_t>(cfg.min_ticks)) ++few_ticks;
  }
  if (few_ticks > 0) {
    stats.problem(std::to_string(few_ticks) + " sessions got fewer than " + std::to_string(cfg.min_ticks) +
                  " timer updates");
  }
  const double connect_s = std::chrono::duration<double>(all_ready - t0).count();
  const double window_s = cfg.duration;
  auto lat = stats.latency_us;
  const double p50 = percentile(lat, 0.50) / 1000, p99 = percentile(lat, 0.99) / 1000;
  const double max = lat.empty() ? 0 : *std::max_element(lat.begin(), lat.end()) / 1000;
  const double throughput = static_cast<double>(stats.window_answers) / window_s;
  const double ticks_rate = static_cast<double>(stats.window_ticks) / window_s / cfg.sessions;
  const double updates = static_cast<double>(stats.window_answers + stats.window_ticks);
  const double cpu_per_click_us = stats.window_answers ? server_cpu / static_cast<double>(stats.window_answers) * 1e6 : 0;
  const double cpu_per_update_us = updates > 0 ? server_cpu / updates * 1e6 : 0;
  const double rss_per_session =
      (rss_connected > 0 && rss_before > 0) ? static_cast<double>(rss_connected - rss_before) / cfg.sessions : 0;

  std::printf("load_client: %d sessions, %s, window %.1f s after %.1f s warm-up\n", cfg.sessions,
              cfg.closed_loop ? ("closed loop, " + std::to_string(cfg.closed_loop) + " outstanding each").c_str()
                              : ("a click every " + std::to_string(cfg.period.count() / 1000) + " ms each").c_str(),
              cfg.duration, cfg.warmup);
  std::printf("  connected        %d of %d in %.2f s: %.0f sessions/s (%d failed)\n", stats.ready, cfg.sessions,
              connect_s, connect_s > 0 ? stats.ready / connect_s : 0.0, stats.failed);
  std::printf("  click -> update  p50 %.2f ms  p99 %.2f ms  max %.2f ms  (%zu clicks in the window)\n", p50, p99, max,
              stats.latency_us.size());
  std::printf("  throughput       %.0f clicks answered/s; timer updates %.2f per session per s\n", throughput,
              ticks_rate);
  if (cfg.server_pid) {
    std::printf("  server CPU       %.2f s in the window (%.0f%% of one core): %.1f us per click, %.1f us per update "
                "(clicks + timer updates)\n",
                server_cpu, server_cpu / window_s * 100, cpu_per_click_us, cpu_per_update_us);
    std::printf("  server RSS       %ld KiB before, %ld KiB connected: %.1f KiB per session\n", rss_before,
                rss_connected, rss_per_session);
  }
  std::printf("  client CPU       %.2f s in the window (%.0f%% of one core)\n", self_cpu, self_cpu / window_s * 100);
  std::printf("  clicks sent %llu, answered %llu, mismatched %llu, unanswered %llu; errors %llu, dropped %d\n",
              static_cast<unsigned long long>(stats.clicks_sent), static_cast<unsigned long long>(stats.answers),
              static_cast<unsigned long long>(stats.mismatches),
              static_cast<unsigned long long>(stats.unanswered_at_close),
              static_cast<unsigned long long>(stats.errors), stats.closed);
  if (!stats.first_problem.empty()) std::printf("  first problem: %s\n", stats.first_problem.c_str());
  std::printf(
      "RESULT sessions=%d connected=%d connect_per_s=%.0f p50_ms=%.2f p99_ms=%.2f max_ms=%.2f throughput=%.0f "
      "ticks_per_s=%.2f server_cpu_s=%.2f cpu_us_per_click=%.1f cpu_us_per_update=%.1f rss_kib_per_session=%.1f "
      "client_cpu_s=%.2f mismatches=%llu unanswered=%llu errors=%llu failed=%d dropped=%d\n",
      cfg.sessions, stats.ready, connect_s > 0 ? stats.ready / connect_s : 0.0, p50, p99, max, throughput, ticks_rate,
      server_cpu, cpu_per_click_us, cpu_per_update_us, rss_per_session, self_cpu,
      static_cast<unsigned long long>(stats.mismatches), static_cast<unsigned long long>(stats.unanswered_at_close),
      static_cast<unsigned long long>(stats.errors), stats.failed, stats.closed);
  std::fflush(stdout);
  const bool ok = stats.ready == cfg.sessions && stats.failed == 0 && stats.closed == 0 && stats.mismatches == 0 &&
                  stats.errors == 0 && stats.unanswered_at_close == 0 && stats.clicks_sent == stats.answers &&
                  stats.window_answers > 0 && few_ticks == 0;
  return ok ? 0 : 1;
}
