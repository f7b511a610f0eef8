// The runtime's (and the tests') way into a pgw::Session: its engine and its
// construction stay out of the public header, which shows the user's API only.
#pragma once

#include <memory>

#include "pgwidgets/session.hpp"
#include "session_core.hpp"

namespace pgw::detail {

struct SessionAccess {
  static std::shared_ptr<Session> make(std::shared_ptr<SessionCore> core) {
    return std::shared_ptr<Session>(new Session(std::move(core)));
  }
  static SessionCore& core(Session& session) { return *session.core_; }
};

}  // namespace pgw::detail
