#include "coalesce.hpp"

#include <cstdint>
#include <set>
#include <utility>

#include "pgwidgets/protocol.pb.h"
#include "pgwidgets/schema_registry.hpp"

namespace pgw::detail {

std::vector<bool> superseded_reports(const pgwidgets::ClientFrame& frame, int first) {
  std::vector<bool> out;
  // Walking backwards, the first report seen of each (widget, callback) is
  // its last one: it stays, and every earlier one is superseded.
  std::set<std::pair<std::uint32_t, std::uint32_t>> seen;
  for (int i = frame.messages_size() - 1; i >= first; --i) {
    const auto& message = frame.messages(i);
    if (!message.has_callback()) continue;
    const auto& cb = message.callback();
    const CallbackInfo* info = find_callback(cb.callback_id());
    if (info == nullptr || !info->coalesce) continue;
    if (seen.emplace(cb.widget_id(), cb.callback_id()).second) continue;
    if (out.empty()) out.resize(static_cast<std::size_t>(frame.messages_size()), false);
    out[static_cast<std::size_t>(i)] = true;
  }
  return out;
}

}  // namespace pgw::detail
