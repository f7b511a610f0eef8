// Server messages as short names that tests compare whole.
// message_name: one message, as "create MDISubWindow", "MDIWidget.add_widget",
// "listen", "begin"/"end" (a rebuild's), "hello" or "other".
// outline: a message list as lines with widget ids, "create 3 MDISubWindow",
// "call 1 MDIWidget.add_widget" or "other" (a rebuild's begin/end and the
// hello are left out).
#pragma once

#include <string>
#include <vector>

#include "pgwidgets/protocol.pb.h"
#include "pgwidgets/schema_registry.hpp"

namespace pgw::test {

inline std::string message_name(const pgwidgets::ServerMessage& m) {
  if (m.has_create()) return "create " + std::string(pgw::detail::find_class(m.create().class_id())->name);
  if (m.has_call()) {
    const auto& info = *pgw::detail::find_method(m.call().method_id());
    return std::string(info.class_name) + "." + std::string(info.name);
  }
  if (m.has_listen()) return "listen";
  if (m.has_rebuild()) return m.rebuild().phase() == pgwidgets::Rebuild::PHASE_BEGIN ? "begin" : "end";
  if (m.has_hello()) return "hello";
  return "other";
}

inline std::vector<std::string> outline(const std::vector<pgwidgets::ServerMessage>& ms) {
  std::vector<std::string> out;
  for (const auto& m : ms) {
    if (m.has_create()) {
      out.push_back("create " + std::to_string(m.create().widget_id()) + " " +
                    std::string(pgw::detail::find_class(m.create().class_id())->name));
    } else if (m.has_call()) {
      const auto& info = *pgw::detail::find_method(m.call().method_id());
      out.push_back("call " + std::to_string(m.call().widget_id()) + " " + std::string(info.class_name) + "." +
                    std::string(info.name));
    } else if (!m.has_rebuild() && !m.has_hello()) {
      out.push_back("other");
    }
  }
  return out;
}

}  // namespace pgw::test
