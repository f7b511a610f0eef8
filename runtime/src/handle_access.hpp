// The runtime's way to a widget handle's session link.
#pragma once

#include "pgwidgets/session_link.hpp"

namespace pgw::detail {

struct HandleAccess {
  static const LinkPtr& link(const WidgetHandle& handle) noexcept { return handle.link_; }
};

}  // namespace pgw::detail
