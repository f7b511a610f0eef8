// A server message list as short lines a test can compare whole:
// "create 3 MDISubWindow", "call 1 MDIWidget.add_widget", or "other" (a
// rebuild's begin/end and the hello are left out).
#pragma once

#include <string>
#include <vector>

#include "pgwidgets/protocol.pb.h"
#include "pgwidgets/schema_registry.hpp"

namespace pgw::test {

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
