// Sessions outlive connections: rejoining with the token, refusals, expiry,
// several browsers on one session.
#include <catch2/catch.hpp>

#include <algorithm>
#include <set>

#include <boost/asio/co_spawn.hpp>
#include <boost/asio/detached.hpp>

#include "app_fixture.hpp"
#include "pgwidgets/widgets/base.pb.h"
#include "session_access.hpp"
#include "session_identity.hpp"

using namespace pgw::test;
using namespace std::chrono_literals;
namespace ids = pgw::detail;

namespace {

// A session whose on_connect builds a label and a button that sets it.
struct Demo {
  explicit Demo(pgw::ApplicationOptions options = {}) : f(std::move(options)) {
    f.app.on_connect([this](pgw::Session& s) -> pgw::Task<> {
      ++connects;
      auto w = s.get_widgets();
      auto label = co_await w.Label("start");
      auto button = co_await w.Button("b");
      auto entry = co_await w.TextEntry({.text = ""});
      label_id = label.id();
      button_id = button.id();
      entry_id = entry.id();
      button.on_activated([this, label]() -> pgw::Task<> {
        ++clicks;
        co_await label.set_text("clicked");
      });
      entry.on_activated([this, label](std::string text) -> pgw::Task<> {
        ++entered;
        co_await label.set_text("entered " + text);
      });
    });
    f.app.on_disconnect([this](pgw::Session&) { ++disconnects; });
  }
  pgw::Session& session() { return *f.app.sessions().at(0); }
  const pgwidgets::ServerHello& hello_of(transport::ConnectionId c) {
    auto all = f.received(c);
    REQUIRE_FALSE(all.empty());
    REQUIRE(all[0].has_hello());
    hello = all[0].hello();
    return hello;
  }
  static int count(const std::vector<pgwidgets::ServerMessage>& ms, bool (*pred)(const pgwidgets::ServerMessage&)) {
    return static_cast<int>(std::count_if(ms.begin(), ms.end(), pred));
  }

  AppFixture f;
  pgwidgets::ServerHello hello;
  int connects = 0, disconnects = 0, clicks = 0, entered = 0;
  pgw::WidgetId label_id = 0, button_id = 0, entry_id = 0;
};

bool is_create(const pgwidgets::ServerMessage& m) { return m.has_create(); }

}  // namespace

TEST_CASE("sessions: ids and tokens are random, tokens 128 bits, compared in constant time") {
  std::set<std::string> seen;
  for (int i = 0; i < 100; ++i) seen.insert(ids::random_hex(ids::token_bytes));
  CHECK(seen.size() == 100);
  CHECK(seen.begin()->size() == 32);
  CHECK(ids::same_secret("abc", "abc"));
  CHECK_FALSE(ids::same_secret("abc", "abd"));
  CHECK_FALSE(ids::same_secret("abc", "ab"));
  CHECK_FALSE(ids::same_secret("", "a"));
  CHECK(ids::is_hex_of(ids::random_hex(ids::session_id_bytes), ids::session_id_bytes));
  CHECK_FALSE(ids::is_hex_of("0123456789abcdeF", ids::session_id_bytes));
  CHECK_FALSE(ids::is_hex_of("0123456789abcde\n", ids::session_id_bytes));
  CHECK_FALSE(ids::is_hex_of("0123456789abcde", ids::session_id_bytes));
}

TEST_CASE("sessions: get_url() gives the page with ?session=<id>&token=<token>") {
  Demo d;
  auto c = d.f.connect();
  const auto& h = d.hello_of(c);
  CHECK(h.token().size() == 32);
  CHECK_FALSE(h.rejoined());
  CHECK(d.session().token() == h.token());
  CHECK(d.session().get_url() == "http://127.0.0.1:4243/?session=" + h.session_id() + "&token=" + h.token());
}

TEST_CASE("sessions: a reload rejoins with the token, on_connect ran once and the page is rebuilt") {
  Demo d;
  auto a = d.f.connect();
  const auto h = d.hello_of(a);
  d.f.click(a, d.button_id);
  drain(d.f.io);
  d.f.leave(a);
  CHECK(d.disconnects == 1);
  REQUIRE(d.f.app.sessions().size() == 1);
  CHECK_FALSE(d.session().is_connected());

  auto b = d.f.rejoin(h.session_id(), h.token());
  CHECK_FALSE(d.f.server->closed.count(b));
  CHECK(d.connects == 1);
  auto got = d.f.received(b);
  REQUIRE(got.size() > 2);
  CHECK(got[0].hello().rejoined());
  CHECK(got[0].hello().session_id() == h.session_id());
  CHECK(got[1].has_rebuild());
  CHECK(Demo::count(got, is_create) == 3);
  // The label's text set by the click is in the rebuild.
  bool label_text = false;
  for (const auto& m : got) {
    if (m.has_call() && m.call().widget_id() == d.label_id &&
        m.call().method_id() == ids::methods::Label_set_text.id) {
      pgwidgets::widgets::Text t;
      t.ParseFromString(m.call().args());
      label_text = t.text() == "clicked";
    }
  }
  CHECK(label_text);
  // The handlers are still there.
  d.f.click(b, d.button_id);
  drain(d.f.io);
  CHECK(d.clicks == 2);
}

TEST_CASE("sessions: a known id with a wrong token is refused with 4001 and the session is untouched") {
  Demo d;
  auto a = d.f.connect();
  const auto h = d.hello_of(a);
  std::string wrong = h.token();
  wrong[0] = wrong[0] == '0' ? '1' : '0';
  auto b = d.f.rejoin(h.session_id(), wrong);
  REQUIRE(d.f.server->closed.count(b));
  CHECK(d.f.server->closed[b].first == 4001);
  CHECK_THAT(d.f.server->closed[b].second, Catch::Contains("token does not match"));
  CHECK(d.f.server->sent[b].empty());  // not even a hello
  CHECK(pgw::detail::SessionAccess::core(d.session()).browser_count() == 1);
  CHECK(d.connects == 1);
}

TEST_CASE("sessions: an unknown or expired id starts a new session") {
  Demo d({.max_sessions = 2, .session_timeout = 20ms});
  auto a = d.f.connect();
  const auto h = d.hello_of(a);
  auto b = d.f.rejoin("0123456789abcdef", "whatever");
  CHECK_FALSE(d.f.server->closed.count(b));
  CHECK(d.connects == 2);
  CHECK(d.hello_of(b).session_id() != h.session_id());
  CHECK_FALSE(d.hello_of(b).rejoined());
  d.f.leave(a);
  d.f.leave(b);
  run_coro(d.f.io, sleep_for(60ms));  // both expire
  CHECK(d.f.app.sessions().empty());
  auto c = d.f.rejoin(h.session_id(), h.token());
  CHECK_FALSE(d.f.server->closed.count(c));
  CHECK(d.connects == 3);
  CHECK_FALSE(d.hello_of(c).rejoined());
  CHECK(d.hello_of(c).session_id() != h.session_id());
}

TEST_CASE("sessions: session_timeout 0 keeps a session with no browser forever") {
  Demo d({.session_timeout = 0ms});
  auto a = d.f.connect();
  d.f.leave(a);
  run_coro(d.f.io, sleep_for(30ms));
  CHECK(d.f.app.sessions().size() == 1);
}

TEST_CASE("sessions: a browser back before session_timeout keeps the session past it") {
  Demo d({.session_timeout = 40ms});
  auto a = d.f.connect();
  const auto h = d.hello_of(a);
  d.f.leave(a);
  run_coro(d.f.io, sleep_for(20ms));
  auto b = d.f.rejoin(h.session_id(), h.token());
  run_coro(d.f.io, sleep_for(60ms));
  REQUIRE(d.f.app.sessions().size() == 1);
  CHECK(d.session().is_connected());
  CHECK_FALSE(d.f.server->closed.count(b));
}

TEST_CASE("sessions: Session::close() ends the session at once and closes every browser") {
  Demo d({.max_sessions = 1});
  auto a = d.f.connect();
  const auto h = d.hello_of(a);
  auto b = d.f.rejoin(h.session_id(), h.token());
  std::weak_ptr<pgw::Session> weak = d.f.app.sessions().at(0);
  run_coro(d.f.io, d.session().close());
  CHECK(d.f.app.sessions().empty());
  drain(d.f.io);
  CHECK(d.f.server->closed[a].first == 1000);
  CHECK(d.f.server->closed[b].first == 1000);
  CHECK(d.disconnects == 2);
  // Its slot is free at once.
  auto c = d.f.connect();
  CHECK_FALSE(d.f.server->closed.count(c));
  CHECK(d.connects == 2);
}

TEST_CASE("sessions: past max_browsers_per_session a browser is refused") {
  Demo d({.max_browsers_per_session = 2});
  auto a = d.f.connect();
  const auto h = d.hello_of(a);
  auto b = d.f.rejoin(h.session_id(), h.token());
  auto c = d.f.rejoin(h.session_id(), h.token());
  CHECK_FALSE(d.f.server->closed.count(b));
  REQUIRE(d.f.server->closed.count(c));
  CHECK(d.f.server->closed[c].first == 4002);
  CHECK_THAT(d.f.server->closed[c].second, Catch::Contains("max_browsers_per_session = 2"));
}

TEST_CASE("sessions: two browsers: a pipelined call reaches both, encoded once") {
  Demo d;
  auto a = d.f.connect();
  const auto h = d.hello_of(a);
  auto b = d.f.rejoin(h.session_id(), h.token());
  const auto before_a = d.f.server->sent[a].size();
  const auto before_b = d.f.server->sent[b].size();
  d.f.click(a, d.button_id);
  drain(d.f.io);
  CHECK(d.clicks == 1);
  REQUIRE(d.f.server->sent[a].size() == before_a + 1);
  REQUIRE(d.f.server->sent[b].size() == before_b + 1);
  // The same bytes: one encoding.
  CHECK(d.f.server->sent[a].back() == d.f.server->sent[b].back());
  CHECK(d.f.server->sent[a].back().data() != nullptr);
}

TEST_CASE("sessions: two browsers: a user change reaches the server once and the other browser quietly") {
  Demo d;
  auto a = d.f.connect();
  const auto h = d.hello_of(a);
  auto b = d.f.rejoin(h.session_id(), h.token());
  const auto before_a = d.f.received(a).size();
  const auto before_b = d.f.received(b).size();
  pgwidgets::widgets::Text t;
  t.set_text("typed in b");
  d.f.impl().on_message(b, client_frame({callback(d.entry_id, ids::callbacks::TextEntry_activated.id,
                                                   t.SerializeAsString())}));
  drain(d.f.io);
  CHECK(d.entered == 1);  // the handler ran once
  auto got_a = d.f.received(a);
  auto got_b = d.f.received(b);
  // a: the entry's new text, quiet, then the handler's label text.
  std::vector<std::pair<pgw::WidgetId, bool>> calls_a, calls_b;
  for (auto i = before_a; i < got_a.size(); ++i) {
    if (got_a[i].has_call()) calls_a.emplace_back(got_a[i].call().widget_id(), got_a[i].call().quiet());
  }
  for (auto i = before_b; i < got_b.size(); ++i) {
    if (got_b[i].has_call()) calls_b.emplace_back(got_b[i].call().widget_id(), got_b[i].call().quiet());
  }
  CHECK(calls_a == std::vector<std::pair<pgw::WidgetId, bool>>{{d.entry_id, true}, {d.label_id, false}});
  CHECK(calls_b == std::vector<std::pair<pgw::WidgetId, bool>>{{d.label_id, false}});  // not echoed back
  // Recorded once: a third browser gets it in its rebuild.
  auto c = d.f.rejoin(h.session_id(), h.token());
  bool entry_text = false;
  for (const auto& m : d.f.received(c)) {
    if (m.has_call() && m.call().widget_id() == d.entry_id) entry_text = m.call().args() == t.SerializeAsString();
  }
  CHECK(entry_text);
}

TEST_CASE("sessions: two browsers: a query is asked of the first-joined, and fails when it leaves") {
  Demo d;
  auto a = d.f.connect();
  const auto h = d.hello_of(a);
  auto b = d.f.rejoin(h.session_id(), h.token());
  auto& s = d.session();
  pgw::Label label(pgw::detail::SessionAccess::core(s).shared_from_this(), d.label_id);
  std::string outcome;
  auto ask = [&]() -> pgw::Task<> {
    try {
      auto size = co_await label.get_size();
      outcome = "size " + std::to_string(size.width);
    } catch (const pgw::Disconnected& e) {
      outcome = std::string("disconnected: ") + e.what();
    }
  };
  boost::asio::co_spawn(d.f.io, ask(), boost::asio::detached);
  drain(d.f.io);
  auto is_query = [](const pgwidgets::ServerMessage& m) {
    return m.has_call() && m.call().method_id() == ids::methods::Widget_get_size.id;
  };
  auto got_a = d.f.received(a);
  auto got_b = d.f.received(b);
  CHECK(std::count_if(got_a.begin(), got_a.end(), is_query) == 1);
  CHECK(std::count_if(got_b.begin(), got_b.end(), is_query) == 0);
  // b answering a's query is a protocol error, not an answer.
  const auto seq = std::find_if(got_a.begin(), got_a.end(), is_query)->call().seq();
  d.f.impl().on_message(b, client_frame({result(seq)}));
  drain(d.f.io);
  CHECK(outcome.empty());
  d.f.leave(a);
  CHECK_THAT(outcome, Catch::StartsWith("disconnected:") && Catch::Contains("the browser answering it left"));
  // b is now the first-joined: it answers the next query.
  outcome.clear();
  boost::asio::co_spawn(d.f.io, ask(), boost::asio::detached);
  drain(d.f.io);
  got_b = d.f.received(b);
  auto q = std::find_if(got_b.rbegin(), got_b.rend(), is_query);
  REQUIRE(q != got_b.rend());
  pgwidgets::widgets::Size size;
  size.set_width(33);
  d.f.impl().on_message(b, client_frame({result(q->call().seq(), size.SerializeAsString())}));
  drain(d.f.io);
  CHECK(outcome == "size 33");
}
