// The fixture of the tests of the generated proxies alone: an io_context to
// run their coroutines on, a RecordingLink that keeps what they send, and
// the Widgets factory over it.
#pragma once

#include <memory>

#include <boost/asio/io_context.hpp>

#include "pgwidgets/widgets.hpp"
#include "recording_link.hpp"

namespace pgw::test {

struct RecordingFixture {
  boost::asio::io_context io;
  std::shared_ptr<RecordingLink> link = std::make_shared<RecordingLink>();
  pgw::Widgets w{link};
};

}  // namespace pgw::test
