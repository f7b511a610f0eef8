// The non-template half of the generated proxies' plumbing.
#include "pgwidgets/session_link.hpp"

#include "handle_access.hpp"

#include <iostream>
#include <sstream>
#include <stdexcept>
#include <string>

namespace pgw::detail {

void SessionLink::report(std::exception_ptr error, std::string_view context) {
  try {
    std::rethrow_exception(error);
  } catch (const std::exception& e) {
    std::cerr << "pgwidgets error: " << context << (context.empty() ? "" : ": ") << e.what() << '\n';
  } catch (...) {
    std::cerr << "pgwidgets error: " << context << (context.empty() ? "" : ": ") << "unknown exception\n";
  }
}

std::shared_ptr<ReportWait> SessionLink::expect_report(WidgetId, std::uint32_t, std::uint32_t) {
  throw std::logic_error("pgwidgets: exec() needs a session; this link has none");
}

Task<std::pair<std::uint32_t, std::string>> SessionLink::await_report(std::shared_ptr<ReportWait>) {
  throw std::logic_error("pgwidgets: exec() needs a session; this link has none");
}


Task<> send_call(LinkPtr link, WidgetId widget, const MethodInfo& method, std::string args) {
  co_await link->call(widget, method, std::move(args), ChildChange{});
}

Task<> send_child_call(LinkPtr link, WidgetId widget, const MethodInfo& method, std::string args,
                       ChildChange change) {
  co_await link->call(widget, method, std::move(args), change);
}

const LinkPtr& WidgetHandle::checked_link() const {
  if (!link_ || id_ == 0) {
    throw std::logic_error("pgwidgets: a method was called on an empty widget handle (default-constructed)");
  }
  return link_;
}

SessionLink& WidgetHandle::link() const { return *checked_link(); }

WidgetId child_id(const WidgetHandle& owner, const WidgetHandle& child, std::string_view method) {
  if (!child) {
    throw std::invalid_argument("pgwidgets: " + std::string(method) + ": the widget argument is an empty handle");
  }
  if (HandleAccess::link(child) != HandleAccess::link(owner)) {
    throw std::invalid_argument("pgwidgets: " + std::string(method) +
                                ": the widget argument belongs to another session");
  }
  return child.id();  // whether it may go there is the widget store's rule
}

void check_fraction(double value, std::string_view method, std::string_view arg) {
  if (value >= 0.0 && value <= 1.0) return;  // false for NaN
  std::ostringstream v;
  v << value;
  throw std::invalid_argument("pgwidgets: " + std::string(method) + ": " + std::string(arg) + " is " + v.str() +
                              ", not a fraction from 0 to 1");
}

WidgetId option_ref(const LinkPtr& link, const WidgetHandle* widget, std::string_view what) {
  if (widget == nullptr) return 0;
  if (!*widget) throw std::invalid_argument("pgwidgets: " + std::string(what) + ": an empty handle");
  if (HandleAccess::link(*widget) != link) {
    throw std::invalid_argument("pgwidgets: " + std::string(what) + ": the widget belongs to another session");
  }
  return widget->id();
}

}  // namespace pgw::detail
