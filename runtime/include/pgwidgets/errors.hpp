// The exceptions a pgwidgets call can raise.
#pragma once

#include <cstdint>
#include <stdexcept>
#include <string>

namespace pgw {

// Base of every pgwidgets error.
class Error : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

// The browser went away (or the session was closed) while a call was
// pending, or a call was made on a session that has no browser any more.
class Disconnected : public Error {
 public:
  using Error::Error;
};

// The browser raised an exception running a call. With strict_calls it is
// thrown at the call site; otherwise it goes to the session's error handler.
class RemoteError : public Error {
 public:
  RemoteError(std::string widget_class, std::uint32_t widget_id, std::string method, std::uint32_t seq,
              std::string message);
  const std::string& widget_class() const noexcept { return widget_class_; }
  std::uint32_t widget_id() const noexcept { return widget_id_; }
  const std::string& method() const noexcept { return method_; }
  std::uint32_t seq() const noexcept { return seq_; }
  // The browser's own message, without the context prefix what() carries.
  const std::string& remote_message() const noexcept { return message_; }

 private:
  std::string widget_class_;
  std::uint32_t widget_id_;
  std::string method_;
  std::uint32_t seq_;
  std::string message_;
};

// A peer sent bytes that do not follow the protocol.
class ProtocolError : public Error {
 public:
  using Error::Error;
};

}  // namespace pgw
