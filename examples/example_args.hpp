// Command-line options every example accepts: --host, --ws-port and
// --http-port (0 = any free port), --session-timeout (milliseconds a
// session without a browser lives on; 0 = forever), --max-sessions, and
// for running behind a proxy (README, "Deploying") --route, --public-url
// and --public-ws-url. Small enough to copy into your program.
#pragma once

#include <charconv>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <string>
#include <string_view>
#include <utility>

#include <pgwidgets/pgwidgets.hpp>

namespace example {

inline std::uint16_t parse_port(std::string_view flag, std::string_view text) {
  unsigned value = 0;
  auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), value);
  if (ec != std::errc() || end != text.data() + text.size() || value > 65535) {
    std::fprintf(stderr, "%.*s: not a port number: %.*s\n", int(flag.size()), flag.data(), int(text.size()),
                 text.data());
    std::exit(2);
  }
  return static_cast<std::uint16_t>(value);
}

// Reads --host H, --ws-port N, --http-port N (also --flag=value) into options.
inline std::uint32_t parse_ms(std::string_view flag, std::string_view text) {
  std::uint32_t value = 0;
  auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), value);
  if (ec != std::errc() || end != text.data() + text.size()) {
    std::fprintf(stderr, "%.*s: not a number of milliseconds: %.*s\n", int(flag.size()), flag.data(),
                 int(text.size()), text.data());
    std::exit(2);
  }
  return value;
}

inline int parse_count(std::string_view flag, std::string_view text) {
  int value = 0;
  auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), value);
  if (ec != std::errc() || end != text.data() + text.size() || value < 1) {
    std::fprintf(stderr, "%.*s: not a count (1 or more): %.*s\n", int(flag.size()), flag.data(), int(text.size()),
                 text.data());
    std::exit(2);
  }
  return value;
}

inline void parse_args(int argc, char** argv, pgw::ApplicationOptions& options) {
  for (int i = 1; i < argc; ++i) {
    std::string_view arg = argv[i];
    std::string_view value;
    if (auto eq = arg.find('='); eq != std::string_view::npos) {
      value = arg.substr(eq + 1);
      arg = arg.substr(0, eq);
    } else if (arg == "--help" || arg == "-h") {
      std::printf("usage: %s [--host HOST] [--ws-port PORT] [--http-port PORT] [--session-timeout MS]\n"
                  "       [--max-sessions N] [--route ROUTE] [--public-url URL] [--public-ws-url URL]\n",
                  argv[0]);
      std::exit(0);
    } else if (i + 1 < argc) {
      value = argv[++i];
    } else {
      std::fprintf(stderr, "%s needs a value\n", argv[i]);
      std::exit(2);
    }
    if (arg == "--host") {
      options.host = std::string(value);
    } else if (arg == "--ws-port") {
      options.ws_port = parse_port(arg, value);
    } else if (arg == "--http-port") {
      options.http_port = parse_port(arg, value);
    } else if (arg == "--session-timeout") {
      options.session_timeout = std::chrono::milliseconds(parse_ms(arg, value));
    } else if (arg == "--max-sessions") {
      options.max_sessions = parse_count(arg, value);
    } else if (arg == "--route") {
      options.route = std::string(value);
    } else if (arg == "--public-url") {
      options.public_url = std::string(value);
    } else if (arg == "--public-ws-url") {
      options.public_ws_url = std::string(value);
    } else {
      std::fprintf(stderr, "unknown option %.*s (try --help)\n", int(arg.size()), arg.data());
      std::exit(2);
    }
  }
}

// For programs that build their options inline: remember argv in main,
// then Application app(example::with_args({...})).
inline int saved_argc = 0;
inline char** saved_argv = nullptr;
inline void set_args(int argc, char** argv) {
  saved_argc = argc;
  saved_argv = argv;
}
inline pgw::ApplicationOptions with_args(pgw::ApplicationOptions options) {
  parse_args(saved_argc, saved_argv, options);
  return options;
}

// A whole program around one on_connect handler: reads the flags into
// `options`, prints the URL first (the browser tests read it), serves until
// SIGINT/SIGTERM and returns the exit code.
template <class Handler>
int serve(int argc, char** argv, Handler on_connect, pgw::ApplicationOptions options = {}) {
  parse_args(argc, argv, options);
  return pgw::run([&]() -> pgw::Task<> {
    pgw::Application app(options);
    app.on_connect(std::move(on_connect));
    co_await app.start();
    std::printf("%s\n", app.url().c_str());
    std::fflush(stdout);
    co_await app.run();
  }());
}

}  // namespace example
