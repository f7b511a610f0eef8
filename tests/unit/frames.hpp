// Decoding and building protocol frames in tests.
#pragma once

#include <string>
#include <vector>

#include "pgwidgets/protocol.pb.h"

namespace pgw::test {

inline pgwidgets::ServerFrame parse_server_frame(const std::string& bytes) {
  pgwidgets::ServerFrame f;
  if (!f.ParseFromString(bytes)) throw std::runtime_error("not a ServerFrame");
  return f;
}

inline std::string client_frame(const std::vector<pgwidgets::ClientMessage>& messages) {
  pgwidgets::ClientFrame f;
  for (const auto& m : messages) *f.add_messages() = m;
  return f.SerializeAsString();
}

inline pgwidgets::ClientMessage result(std::uint32_t seq, std::string value = {}) {
  pgwidgets::ClientMessage m;
  m.mutable_result()->set_seq(seq);
  m.mutable_result()->set_value(std::move(value));
  return m;
}

inline pgwidgets::ClientMessage error(std::uint32_t seq, std::uint32_t widget, std::uint32_t method,
                                      std::string message) {
  pgwidgets::ClientMessage m;
  auto* e = m.mutable_error();
  e->set_seq(seq);
  e->set_widget_id(widget);
  e->set_method_id(method);
  e->set_message(std::move(message));
  return m;
}

inline pgwidgets::ClientMessage callback(std::uint32_t widget, std::uint32_t callback_id, std::string args = {}) {
  pgwidgets::ClientMessage m;
  auto* c = m.mutable_callback();
  c->set_widget_id(widget);
  c->set_callback_id(callback_id);
  c->set_args(std::move(args));
  return m;
}

inline pgwidgets::ClientMessage hello(std::uint64_t fingerprint,
                                      std::uint32_t version = pgwidgets::PROTOCOL_VERSION_CURRENT,
                                      const std::string& session_id = "", const std::string& token = "") {
  pgwidgets::ClientMessage m;
  m.mutable_hello()->set_protocol_version(version);
  m.mutable_hello()->set_session_id(session_id);
  m.mutable_hello()->set_token(token);
  m.mutable_hello()->set_schema_fingerprint(fingerprint);
  m.mutable_hello()->mutable_viewport()->set_width(1024);
  m.mutable_hello()->mutable_viewport()->set_height(768);
  return m;
}

inline pgwidgets::ClientMessage viewport(std::uint32_t width, std::uint32_t height) {
  pgwidgets::ClientMessage m;
  m.mutable_viewport()->set_width(width);
  m.mutable_viewport()->set_height(height);
  return m;
}

}  // namespace pgw::test
