// Options for running several processes behind a proxy (README,
// "Deploying"): the route that starts every session id, the public page
// and WebSocket addresses, and the clear errors for values that cannot work.
#include <catch2/catch.hpp>

#include <string>
#include <vector>

#include "app_fixture.hpp"
#include "http_pages.hpp"
#include "session_access.hpp"
#include "session_identity.hpp"

using namespace pgw::test;
namespace ids = pgw::detail;

TEST_CASE("deploy: a route starts every session id the process mints, and the id rejoins") {
  AppFixture f({.max_sessions = 4, .route = "p-7"});
  const auto c = f.connect();
  const auto first = parse_server_frame(f.server->sent[c][0]).messages(0).hello();
  const std::string sid = first.session_id();
  CHECK(sid.rfind("p-7.", 0) == 0);
  CHECK(ids::is_hex_of(sid.substr(4), ids::session_id_bytes));
  CHECK(ids::is_session_id(sid));
  REQUIRE(f.app.sessions().size() == 1);
  CHECK(f.app.sessions()[0]->id() == sid);
  f.leave(c);
  const auto again = f.rejoin(sid, first.token());
  const auto hello = parse_server_frame(f.server->sent[again][0]).messages(0).hello();
  CHECK(hello.session_id() == sid);
  CHECK(hello.rejoined());
  CHECK(f.app.sessions().size() == 1);
}

TEST_CASE("deploy: without a route, ids are plain hex, as with one process") {
  AppFixture f;
  const auto c = f.connect();
  const std::string sid = parse_server_frame(f.server->sent[c][0]).messages(0).hello().session_id();
  CHECK(ids::is_hex_of(sid, ids::session_id_bytes));
}

TEST_CASE("deploy: a route outside [A-Za-z0-9-], empty-looking or too long is refused with a clear error") {
  for (const std::string& bad : std::vector<std::string>{"p 1", "p.1", "p_1", "p/1", "p1\n", "\xc3\xbc", std::string(33, 'a')}) {
    INFO(bad);
    CHECK_THROWS_WITH(pgw::Application({.route = bad}),
                      Catch::Contains("route") && Catch::Contains("letters, digits and '-'"));
  }
  CHECK_NOTHROW(pgw::Application({.route = std::string(32, 'a')}));
  CHECK_NOTHROW(pgw::Application({.route = "Web-2"}));
  CHECK(ids::valid_route("p1"));
  CHECK_FALSE(ids::valid_route(""));
  CHECK_FALSE(ids::is_session_id("p.1.0123456789abcdef"));
  CHECK_FALSE(ids::is_session_id("p1.0123456789abcde"));
}

TEST_CASE("deploy: public_url and public_ws_url must be addresses a query can follow") {
  CHECK_THROWS_WITH(pgw::Application({.public_url = "app.example.org"}),
                    Catch::Contains("public_url") && Catch::Contains("\"https://\""));
  CHECK_THROWS_WITH(pgw::Application({.public_url = "https://app.example.org/?x=1"}), Catch::Contains("'?'"));
  CHECK_THROWS_WITH(pgw::Application({.public_ws_url = "ws"}),
                    Catch::Contains("public_ws_url") && Catch::Contains("\"/\", \"ws://\", \"wss://\""));
  CHECK_THROWS_WITH(pgw::Application({.public_ws_url = "https://app.example.org/ws"}), Catch::Contains("\"wss://\""));
  CHECK_THROWS_WITH(pgw::Application({.public_ws_url = "/w s"}), Catch::Contains("space"));
  CHECK_THROWS_WITH(pgw::Application({.public_ws_url = "wss://"}), Catch::Contains("must start with"));
  CHECK_NOTHROW(pgw::Application({.public_url = "https://app.example.org/", .public_ws_url = "/ws"}));
  CHECK_NOTHROW(pgw::Application({.public_ws_url = "wss://app.example.org/ws"}));
}

TEST_CASE("deploy: the page is told public_ws_url when set, else the WebSocket at the Host it came by") {
  pgw::transport::HttpRequest request;
  request.method = "GET";
  request.resource = "/?session=p1.0123456789abcdef";
  request.host = "example.test:9501";
  const auto plain = ids::serve_http(request, "127.0.0.1", 9500);
  CHECK_THAT(plain.body, Catch::Contains("window.PGWIDGETS_WS_URL = \"ws://example.test:9500/\";"));
  const auto proxied = ids::serve_http(request, "127.0.0.1", 9500, "/ws");
  CHECK(proxied.status == 200);
  CHECK_THAT(proxied.body, Catch::Contains("window.PGWIDGETS_WS_URL = \"/ws\";"));
  CHECK_THAT(proxied.body, !Catch::Contains("9500"));
}

TEST_CASE("deploy: get_url() names the public address behind a proxy") {
  AppFixture f({.public_url = "https://app.example.org/"});
  f.connect();
  REQUIRE(f.app.sessions().size() == 1);
  const auto s = f.app.sessions()[0];
  CHECK(s->get_url() == "https://app.example.org/?session=" + s->id() + "&token=" +
                            pgw::detail::SessionAccess::core(*s).token());
  CHECK(ids::origin_of("HTTPS://App.Example.org:8443/x/") == "https://app.example.org:8443");
  CHECK(ids::origin_of("/ws").empty());
}
