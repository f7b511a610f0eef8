// The pieces of the hardening that need no socket: log text escaping, the
// log throttle, counting a frame's messages unread, the callback budget and
// pacer, and the Host/Origin policy.
#include <catch2/catch.hpp>

#include "callback_pacer.hpp"
#include "pgwidgets/application.hpp"
#include "transport/ws_server.hpp"
#include "frame_limits.hpp"
#include "frames.hpp"
#include "host_policy.hpp"
#include "log_text.hpp"
#include "session_fixture.hpp"

using namespace pgw::test;
using namespace std::chrono_literals;
using pgw::detail::CallbackBudget;
using pgw::detail::CallbackPacer;
using pgw::detail::count_messages;
using pgw::detail::HostPolicy;
using pgw::detail::LogThrottle;
using pgw::detail::printable;

TEST_CASE("limits: printable escapes control characters and bytes that are not UTF-8, keeps the rest") {
  CHECK(printable("plain text, ünïcode ✓") == "plain text, ünïcode ✓");
  CHECK(printable("a\nb\rc\td\\e") == "a\\nb\\rc\\td\\\\e");
  CHECK(printable("\x1b[2J\x7f") == "\\x1b[2J\\x7f");
  CHECK(printable(std::string("nul\0byte", 8)) == "nul\\x00byte");
  CHECK(printable("\xc2\x9b" "31m") == "\\u009b31m");  // C1 CSI
  CHECK(printable("bad \xff\xfe utf8 \xc3") == "bad \\xff\\xfe utf8 \\xc3");
  CHECK(printable("\xed\xa0\x80") == "\\xed\\xa0\\x80");  // a UTF-16 surrogate is not UTF-8
}

TEST_CASE("limits: printable cuts long text and says how much it cut") {
  const std::string long_text(5000, 'x');
  const std::string out = printable(long_text, 100);
  CHECK(out == std::string(100, 'x') + "... (4900 bytes more)");
  CHECK(printable(long_text).size() < pgw::detail::max_log_text_bytes + 40);
}

TEST_CASE("limits: escaping_logger hands the inner logger one escaped line") {
  std::vector<std::string> lines;
  auto logger = pgw::detail::escaping_logger(
      [&](pgw::LogLevel, std::string_view m) { lines.emplace_back(m); });
  logger(pgw::LogLevel::error, "remote error: boom\npgwidgets error: forged");
  REQUIRE(lines.size() == 1);
  CHECK(lines[0] == "remote error: boom\\npgwidgets error: forged");
  CHECK_FALSE(pgw::detail::escaping_logger({}));
}

TEST_CASE("limits: LogThrottle passes one line a period and counts the rest") {
  LogThrottle throttle(1s);
  const auto t0 = LogThrottle::Clock::time_point{} + 10s;
  CHECK(throttle.pass(t0) == std::optional<std::uint64_t>(0));
  CHECK_FALSE(throttle.pass(t0 + 100ms));
  CHECK_FALSE(throttle.pass(t0 + 900ms));
  CHECK(throttle.pass(t0 + 1s) == std::optional<std::uint64_t>(2));
  CHECK(LogThrottle::suffix(2) == " (2 similar lines suppressed)");
  CHECK(LogThrottle::suffix(0).empty());
}

TEST_CASE("limits: count_messages counts messages and callbacks from the wire format, and stops past the cap") {
  const std::string one = client_frame({callback(5, 1)});
  const std::string mixed = client_frame({callback(5, 1), result(3), viewport(10, 20), callback(6, 2)});
  auto count = count_messages(mixed, 100);
  REQUIRE(count);
  CHECK(count->messages == 4);
  CHECK(count->callbacks == 2);
  std::string many;
  for (int i = 0; i < 1000; ++i) many += one;
  count = count_messages(many, 10);
  REQUIRE(count);
  CHECK(count->messages == 11);  // stopped reading at the first one over
  CHECK(count_messages("", 10)->messages == 0);
  CHECK_FALSE(count_messages(std::string("\x0a\xff\xff\xff\x0f garbage", 12), 10));
  CHECK_FALSE(count_messages(mixed.substr(0, mixed.size() - 1), 10));  // cut short
}

TEST_CASE("limits: count_messages counts each act as an event, and all of a frame's reports of a latest value as one") {
  namespace ids = pgw::detail;
  const auto resize = ids::callbacks::Widget_resize.id;
  const auto click = ids::callbacks::Button_activated.id;
  REQUIRE(ids::callbacks::Widget_resize.coalesce);
  REQUIRE_FALSE(ids::callbacks::Button_activated.coalesce);
  std::vector<pgwidgets::ClientMessage> reports;
  for (std::uint32_t w = 1; w <= 400; ++w) reports.push_back(callback(w, resize, "\x08\x01"));
  auto count = count_messages(client_frame(reports), 4096);
  REQUIRE(count);
  CHECK(count->callbacks == 400);
  CHECK(count->events == 1);  // 400 labels resized by one click: one event
  reports.push_back(callback(500, click));
  reports.push_back(callback(501, click));
  count = count_messages(client_frame(reports), 4096);
  CHECK(count->events == 3);
  count = count_messages(client_frame({callback(5, 1), result(3)}), 10);  // an unknown id costs like an act
  CHECK(count->events == 1);
  CHECK(count_messages(client_frame({result(3), viewport(1, 2)}), 10)->events == 0);
}

TEST_CASE("limits: CallbackBudget allows its rate after a burst, refills with time, and lets a large take into debt") {
  const auto t0 = CallbackBudget::Clock::time_point{} + 10s;
  CallbackBudget budget(100, 200, t0);
  CHECK(budget.take(150, t0));
  CHECK_FALSE(budget.take(60, t0));  // 50 left; nothing taken
  CHECK(budget.take(50, t0));
  CHECK_FALSE(budget.take(1, t0));
  CHECK(budget.wait_for(50, t0) > 490ms);
  CHECK(budget.wait_for(50, t0) < 510ms);
  CHECK(budget.take(50, t0 + 500ms));  // half a second refills 50
  CHECK(budget.wait_for(1000, t0 + 500ms) > 1900ms);  // a take over the burst waits for a full bucket
  CHECK(budget.take(1000, t0 + 10s));                  // never more than the burst, but never refused forever
  CHECK_FALSE(budget.take(1, t0 + 11s));               // 800 in debt: 100 refilled
  CHECK(budget.take(0, t0 + 11s));
}

TEST_CASE("limits: CallbackPacer handles frames at once within the budget, queues them past it in order, and calls a flood") {
  const auto t0 = CallbackPacer::Clock::time_point{} + 10s;
  CallbackPacer pacer({.rate = 10, .burst = 20, .max_waiting_events = 30, .max_waiting_bytes = 1000}, t0);
  using V = CallbackPacer::Verdict;
  CHECK(pacer.offer("a", 15, t0) == V::now);
  CHECK(pacer.offer("b", 10, t0) == V::waits);  // 5 left
  CHECK(pacer.offer("reply", 0, t0) == V::waits);  // free, but never ahead of what waits
  CHECK(pacer.waiting_events() == 10);
  CHECK(*pacer.next_due(t0) > 490ms);
  CHECK_FALSE(pacer.pop(t0));
  CHECK(pacer.pop(t0 + 500ms) == std::optional<std::string>("b"));
  CHECK(pacer.pop(t0 + 500ms) == std::optional<std::string>("reply"));
  CHECK_FALSE(pacer.waiting());
  CHECK_FALSE(pacer.next_due(t0 + 500ms));
  // A sender far past the rate fills the queue: a flood, and nothing more is kept.
  CHECK(pacer.offer("c", 20, t0 + 500ms) == V::waits);
  CHECK(pacer.offer("d", 10, t0 + 500ms) == V::waits);
  CHECK(pacer.offer("e", 1, t0 + 500ms) == V::flood);
  CHECK(pacer.waiting_events() == 30);
  CHECK(pacer.offer(std::string(1000, 'x'), 0, t0 + 500ms) == V::flood);  // bytes are bounded too
  const auto all = pacer.drain();
  CHECK(all == std::deque<std::string>{"c", "d"});
  CHECK(pacer.waiting_bytes() == 0);
}

TEST_CASE("limits: HostPolicy accepts our own names only") {
  HostPolicy loopback("127.0.0.1", {});
  CHECK(loopback.loopback_only());
  for (const char* ok : {"127.0.0.1:9501", "127.0.0.1", "localhost:9501", "LOCALHOST", "localhost.", "app.localhost:1",
                         "[::1]:9501", "127.8.9.10:1"}) {
    INFO(ok);
    CHECK(loopback.allows_host(ok));
  }
  for (const char* bad : {"rebind.attacker.test:9501", "192.168.1.5:9501", "", ":9501", "::1", "[::1",
                          "localhost.attacker.test", "evil\"host", "127.0.0.1:9501:1"}) {
    INFO(bad);
    CHECK_FALSE(loopback.allows_host(bad));
  }
  HostPolicy lan("192.168.1.5", {"app.example.test"});
  CHECK_FALSE(lan.loopback_only());
  CHECK(lan.allows_host("192.168.1.5:9501"));
  CHECK(lan.allows_host("App.Example.Test:443"));
  CHECK_FALSE(lan.allows_host("192.168.1.6:9501"));
  HostPolicy wildcard("0.0.0.0", {});
  CHECK(wildcard.allows_host("10.1.2.3:9501"));  // an address cannot be rebound
  CHECK_FALSE(wildcard.allows_host("rebind.attacker.test:9501"));
  CHECK(HostPolicy("127.0.0.1", {"*"}).allows_host("anything.test"));
}

TEST_CASE("limits: the page's own origin is our HTTP port under one of our names") {
  HostPolicy policy("127.0.0.1", {"app.example.test"});
  CHECK(policy.is_own_origin("http://127.0.0.1:9501", 9501));
  CHECK(policy.is_own_origin("http://localhost:9501", 9501));
  CHECK(policy.is_own_origin("http://app.example.test:9501", 9501));
  CHECK_FALSE(policy.is_own_origin("http://127.0.0.1:9500", 9501));
  CHECK_FALSE(policy.is_own_origin("https://127.0.0.1:9501", 9501));
  CHECK_FALSE(policy.is_own_origin("http://rebind.attacker.test:9501", 9501));
  CHECK_FALSE(policy.is_own_origin("http://127.0.0.1:9501/path", 9501));
  CHECK(policy.is_own_origin("http://127.0.0.1", 80));
}

TEST_CASE("limits: an ended session is freed even when its handlers capture its widgets") {
  std::weak_ptr<pgw::detail::SessionCore> weak;
  {
    SessionFixture f;
    weak = f.core;
    auto label = run_coro(f.io, f.session->get_widgets().Label("x"));
    auto button = run_coro(f.io, f.session->get_widgets().Button("b"));
    // The cycle: core -> handler list -> lambda -> label handle -> core.
    button.on_activated([label]() -> pgw::Task<> { co_await label.set_text("clicked"); });
    drain(f.io);
    f.core->end(1000, "the session is over");
    f.core.reset();
    f.session.reset();
  }
  CHECK(weak.expired());
}

// Every limit field, for the checks below.
#define PGW_TEST_EACH_LIMIT(X)                                                                              \
  X(max_frame_bytes) X(max_send_backlog_bytes) X(max_bytes_before_hello) X(max_messages_per_frame)          \
  X(max_callbacks_per_second) X(max_callback_burst) X(max_callbacks_waiting) X(hello_timeout) X(ping_interval) \
  X(ping_timeout) X(max_connections) X(max_http_body_bytes)

TEST_CASE("limits: ApplicationOptions and the transport's ServerConfig take every default from pgw::Limits") {
  const pgw::ApplicationOptions options;
  const pgw::transport::ServerConfig config;
  const pgw::Limits limits;
#define PGW_TEST_SAME_DEFAULT(name)      \
  CHECK(options.name == limits.name);    \
  CHECK(config.name == limits.name);
  PGW_TEST_EACH_LIMIT(PGW_TEST_SAME_DEFAULT)
#undef PGW_TEST_SAME_DEFAULT
  CHECK(config.host == options.host);
  CHECK(config.ws_port == options.ws_port);
  CHECK(config.http_port == options.http_port);
  CHECK(config.http_server == options.http_server);
  const auto pacer = CallbackPacer::Limits::of(limits);
  CHECK(pacer.rate == static_cast<double>(options.max_callbacks_per_second));
  CHECK(pacer.burst == static_cast<double>(options.max_callback_burst));
  CHECK(pacer.max_waiting_events == options.max_callbacks_waiting);
  CHECK(pacer.max_waiting_bytes == options.max_frame_bytes);
}

TEST_CASE("limits: ApplicationOptions::limits() carries each limit field, none swapped or left at its default") {
  pgw::ApplicationOptions options;
  std::size_t next = 1;
#define PGW_TEST_SET_DISTINCT(name) options.name = decltype(options.name)(next++);
  PGW_TEST_EACH_LIMIT(PGW_TEST_SET_DISTINCT)
#undef PGW_TEST_SET_DISTINCT
  const auto limits = options.limits();
#define PGW_TEST_CARRIED(name) CHECK(limits.name == options.name);
  PGW_TEST_EACH_LIMIT(PGW_TEST_CARRIED)
#undef PGW_TEST_CARRIED
}
#undef PGW_TEST_EACH_LIMIT
