// The protocol tests' WebSocket client and HTTP helper (C++17, websocketpp).
#include "support/ws_test_client.hpp"

#include <algorithm>
#include <cctype>
#include <cstdlib>
#include <condition_variable>
#include <deque>
#include <mutex>
#include <stdexcept>
#include <thread>

#include <boost/asio/connect.hpp>
#include <boost/asio/executor_work_guard.hpp>
#include <boost/asio/io_context.hpp>
#include <boost/asio/ip/tcp.hpp>
#include <boost/asio/post.hpp>
#include <boost/asio/read.hpp>
#include <boost/asio/write.hpp>
#include <websocketpp/client.hpp>
#include <websocketpp/config/asio_no_tls_client.hpp>

namespace pgw::test {

namespace asio = boost::asio;
using Client = websocketpp::client<websocketpp::config::asio_client>;

struct WsTestClient::Impl {
  enum class State { connecting, open, failed, closed };

  asio::io_context io;
  asio::executor_work_guard<asio::io_context::executor_type> work{io.get_executor()};
  Client client;
  std::thread thread;
  websocketpp::connection_hdl hdl;

  mutable std::mutex mutex;
  std::condition_variable changed;
  State state = State::connecting;
  std::string failure;
  std::deque<std::string> frames;
  int close_code = 0;
  std::string close_reason;

  ~Impl() {
    work.reset();
    io.stop();
    if (thread.joinable()) thread.join();
  }

  void set_state(State s) {
    {
      std::lock_guard<std::mutex> lock(mutex);
      state = s;
    }
    changed.notify_all();
  }

  template <class Pred>
  bool wait(std::chrono::milliseconds timeout, Pred pred) {
    std::unique_lock<std::mutex> lock(mutex);
    return changed.wait_for(lock, timeout, pred);
  }
};

WsTestClient::WsTestClient(const std::string& url, const std::string& origin, std::chrono::milliseconds timeout)
    : impl_(std::make_unique<Impl>()) {
  Impl& d = *impl_;
  d.client.clear_access_channels(websocketpp::log::alevel::all);
  d.client.clear_error_channels(websocketpp::log::elevel::all);
  d.client.init_asio(&d.io);
  d.client.set_max_message_size(64 * 1024 * 1024);
  d.client.set_open_handler([&d](websocketpp::connection_hdl) { d.set_state(Impl::State::open); });
  d.client.set_fail_handler([&d](websocketpp::connection_hdl h) {
    std::string why;
    websocketpp::lib::error_code ec;
    auto con = d.client.get_con_from_hdl(h, ec);
    if (con) {
      why = con->get_ec().message();
      const int status = con->get_response_code();
      if (status != 0) why = "HTTP " + std::to_string(status) + " (" + why + ")";
    }
    {
      std::lock_guard<std::mutex> lock(d.mutex);
      d.failure = why.empty() ? "connection failed" : why;
      d.close_code = 1006;
    }
    d.set_state(Impl::State::failed);
  });
  d.client.set_close_handler([&d](websocketpp::connection_hdl h) {
    websocketpp::lib::error_code ec;
    auto con = d.client.get_con_from_hdl(h, ec);
    {
      std::lock_guard<std::mutex> lock(d.mutex);
      d.close_code = con ? con->get_remote_close_code() : 1006;
      d.close_reason = con ? con->get_remote_close_reason() : "";
    }
    d.set_state(Impl::State::closed);
  });
  d.client.set_message_handler([&d](websocketpp::connection_hdl, Client::message_ptr msg) {
    if (msg->get_opcode() != websocketpp::frame::opcode::binary) return;
    {
      std::lock_guard<std::mutex> lock(d.mutex);
      d.frames.push_back(std::move(msg->get_raw_payload()));
    }
    d.changed.notify_all();
  });

  websocketpp::lib::error_code ec;
  Client::connection_ptr con = d.client.get_connection(url, ec);
  if (ec) throw std::runtime_error("WsTestClient: bad url " + url + ": " + ec.message());
  if (!origin.empty()) con->replace_header("Origin", origin);
  d.hdl = con->get_handle();
  d.client.connect(con);
  d.thread = std::thread([&d] { d.io.run(); });

  if (!d.wait(timeout, [&d] { return d.state != Impl::State::connecting; })) {
    throw std::runtime_error("WsTestClient: timed out connecting to " + url);
  }
  std::lock_guard<std::mutex> lock(d.mutex);
  if (d.state == Impl::State::failed) {
    throw std::runtime_error("WsTestClient: handshake with " + url + " failed: " + d.failure);
  }
  if (d.state == Impl::State::closed) {
    throw std::runtime_error("WsTestClient: " + url + " closed during the handshake");
  }
}

WsTestClient::~WsTestClient() {
  if (!impl_) return;
  if (is_open()) {
    close(1000);
    impl_->wait(std::chrono::seconds(1), [this] { return impl_->state != Impl::State::open; });
  }
}

namespace {

// websocketpp's _htonll caches the byte order in a function-local static
// that its first call writes without a lock: clients made or sending their
// first frames on several threads at once race on it (ThreadSanitizer says
// so). Called once at load, before any test starts a thread, it is only
// read afterwards.
[[maybe_unused]] const std::uint64_t htonll_cache_written = websocketpp::lib::net::_htonll(0);

void post_send(WsTestClient::Impl& d, std::string bytes, websocketpp::frame::opcode::value op) {
  asio::post(d.io, [&d, bytes = std::move(bytes), op] {
    websocketpp::lib::error_code ec;
    d.client.send(d.hdl, bytes, op, ec);
  });
}

}  // namespace

void WsTestClient::send_binary(const std::string& bytes) {
  post_send(*impl_, bytes, websocketpp::frame::opcode::binary);
}

void WsTestClient::send_text(const std::string& text) { post_send(*impl_, text, websocketpp::frame::opcode::text); }

std::optional<std::string> WsTestClient::receive(std::chrono::milliseconds timeout) {
  Impl& d = *impl_;
  std::unique_lock<std::mutex> lock(d.mutex);
  d.changed.wait_for(lock, timeout, [&d] { return !d.frames.empty() || d.state != Impl::State::open; });
  if (d.frames.empty()) return std::nullopt;
  std::string frame = std::move(d.frames.front());
  d.frames.pop_front();
  return frame;
}

std::optional<std::pair<int, std::string>> WsTestClient::wait_closed(std::chrono::milliseconds timeout) {
  Impl& d = *impl_;
  std::unique_lock<std::mutex> lock(d.mutex);
  const bool done = d.changed.wait_for(
      lock, timeout, [&d] { return d.state == Impl::State::closed || d.state == Impl::State::failed; });
  if (!done) return std::nullopt;
  return std::make_pair(d.close_code, d.close_reason);
}

bool WsTestClient::is_open() const {
  std::lock_guard<std::mutex> lock(impl_->mutex);
  return impl_->state == Impl::State::open;
}

void WsTestClient::close(int code) {
  Impl& d = *impl_;
  asio::post(d.io, [&d, code] {
    websocketpp::lib::error_code ec;
    d.client.close(d.hdl, static_cast<websocketpp::close::status::value>(code), "", ec);
  });
}

// --- http_get -------------------------------------------------------------------

namespace {

std::string lower(std::string s) {
  std::transform(s.begin(), s.end(), s.begin(), [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  return s;
}

std::string trim(const std::string& s) {
  const auto b = s.find_first_not_of(" \t");
  if (b == std::string::npos) return "";
  const auto e = s.find_last_not_of(" \t\r");
  return s.substr(b, e - b + 1);
}

}  // namespace

HttpResult http_get(const std::string& host, std::uint16_t port, const std::string& target,
                    const std::string& host_header, std::chrono::milliseconds timeout) {
  asio::io_context io;
  asio::ip::tcp::resolver resolver(io);
  asio::ip::tcp::socket socket(io);
  const std::string where = host + ":" + std::to_string(port);
  const std::string request = "GET " + target + " HTTP/1.1\r\nHost: " + (host_header.empty() ? where : host_header) +
                              "\r\nConnection: close\r\nUser-Agent: pgwidgets-test\r\n\r\n";
  std::string raw;
  boost::system::error_code failure;
  bool done = false;

  resolver.async_resolve(host, std::to_string(port), [&](boost::system::error_code ec, auto results) {
    if (ec) {
      failure = ec;
      done = true;
      return;
    }
    asio::async_connect(socket, results, [&](boost::system::error_code ec, const auto&) {
      if (ec) {
        failure = ec;
        done = true;
        return;
      }
      asio::async_write(socket, asio::buffer(request), [&](boost::system::error_code ec, std::size_t) {
        if (ec) {
          failure = ec;
          done = true;
          return;
        }
        asio::async_read(socket, asio::dynamic_buffer(raw), [&](boost::system::error_code ec, std::size_t) {
          if (ec && ec != asio::error::eof) failure = ec;
          done = true;
        });
      });
    });
  });
  io.run_for(timeout);
  if (!done) throw std::runtime_error("http_get " + where + target + ": timed out");
  if (failure) throw std::runtime_error("http_get " + where + target + ": " + failure.message());

  HttpResult result;
  const auto head_end = raw.find("\r\n\r\n");
  if (head_end == std::string::npos) throw std::runtime_error("http_get " + where + target + ": malformed response");
  const std::string head = raw.substr(0, head_end);
  result.body = raw.substr(head_end + 4);
  std::size_t line_end = head.find("\r\n");
  const std::string status_line = head.substr(0, line_end);
  const auto sp = status_line.find(' ');
  if (status_line.rfind("HTTP/", 0) != 0 || sp == std::string::npos) {
    throw std::runtime_error("http_get " + where + target + ": bad status line: " + status_line);
  }
  result.status = std::atoi(status_line.c_str() + sp + 1);
  while (line_end != std::string::npos) {
    const std::size_t start = line_end + 2;
    line_end = head.find("\r\n", start);
    const std::string line = head.substr(start, line_end == std::string::npos ? std::string::npos : line_end - start);
    const auto colon = line.find(':');
    if (colon == std::string::npos) continue;
    if (lower(trim(line.substr(0, colon))) == "content-type") result.content_type = trim(line.substr(colon + 1));
  }
  return result;
}

}  // namespace pgw::test
