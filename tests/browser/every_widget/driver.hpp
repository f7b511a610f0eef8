// Drives one browser session through every concrete widget class, from the
// schema alone:
//
//  1. creates one "subject" per concrete class with sample constructor
//     arguments; a class made only by another's CREATE methods (schema
//     option only_created_by: a TextBufferRef) by such a method of a new
//     widget of that class, its "owner", which stands in the box for it;
//  2. puts every subject that is not a window (schema option `window`) into
//     a box inside a window; windows float on the desktop by themselves;
//  3. listens to every callback of every subject, then calls every method
//     with sample arguments: attach methods first (each with a new child),
//     then the others, then detach methods (on a real child), destroy left
//     for the end; getters and child lists are answered by the server;
//  4. reports, for each callback, the sample arguments the page should
//     fire it with and what should arrive, then "ready";
//  5. on "destroy" (from the test, once it has checked the page), destroys
//     every subject and reports the ids that must be gone.
//
// Everything is reported as JSON lines (report.hpp); every browser-side
// failure, undecodable reply or callback is an "error" line naming the
// widget's class and the method or callback.
#pragma once

#include <map>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include <boost/json/value.hpp>

#include <pgwidgets/session.hpp>

#include "every_widget/samples.hpp"
#include "every_widget/schema_map.hpp"

namespace pgw::detail {
class SessionCore;
}

namespace every_widget {

class Driver : public std::enable_shared_from_this<Driver> {
 public:
  Driver(const SchemaMap& schema, pgw::Session& session);

  // Steps 1 to 4.
  pgw::Task<> build();
  // Step 5.
  pgw::Task<> destroy_all();
  // A command from the test: "destroy" runs destroy_all() as a handler of
  // the session; "sync" reports "synced" once every callback the page sent
  // before it has been reported. False for anything else.
  bool command(const std::string& command);

  // Reports an error with no call site (the session's error handler).
  void report(std::exception_ptr error) const;

 private:
  struct Subject {
    pgw::WidgetId id = 0;
    const ClassPlan* cls = nullptr;
    bool window = false;
    pgw::WidgetId owner = 0;  // the widget whose CREATE made it, if only such a method can
  };

  pgw::Task<pgw::WidgetId> create(const ClassPlan& cls);
  // A widget of a class made only by CREATE methods (ClassInfo::made_by),
  // made by the first such method of `owner`, else of a new widget of the
  // creating class (then `*made_in` is set to it). Not reported as
  // "created": the test counts those per creating method of a subject.
  pgw::Task<pgw::WidgetId> made_by_creator(const ClassPlan& cls, pgw::WidgetId owner, pgw::WidgetId* made_in = nullptr);
  pgw::Task<pgw::WidgetId> fresh(std::string ref_class);
  const ClassPlan& fresh_class(const std::string& ref_class) const;
  pgw::Task<pgw::WidgetId> ref_for(pgw::WidgetId owner, const MethodPlan* method,
                                   const google::protobuf::FieldDescriptor* field, std::string ref_class,
                                   pgw::WidgetId given);
  // References in the arguments of `method` of widget `owner` (0: none);
  // `given` is the child an attach method gets.
  RefSource refs(pgw::WidgetId owner, const MethodPlan* method, pgw::WidgetId given = 0);

  pgw::Task<> place();
  // Sample arguments of `method` of `widget`; `given` is the child an attach gets.
  pgw::Task<> fill_request(pgw::WidgetId widget, const MethodPlan& method, google::protobuf::Message& request,
                           pgw::WidgetId given);
  pgw::Task<> attach(pgw::WidgetId parent, const MethodPlan& method, pgw::WidgetId child);
  // A collection's rules want the sample's node there (or not): puts it in
  // or takes it out first, with the class's own methods of that state.
  pgw::Task<> prepare_state(pgw::WidgetId widget, const MethodPlan& method, google::protobuf::Message& request);
  // The class's setter of state `field` with operation `op`, or null.
  const MethodPlan* sibling(pgw::WidgetId widget, std::uint32_t field, pgw::detail::StateOp op) const;
  // Runs a method that creates a widget (kind create) with `request`; the new widget's id.
  pgw::Task<pgw::WidgetId> create_by(pgw::WidgetId owner, const MethodPlan& method,
                                     const google::protobuf::Message& request, bool reported = true);
  // Sample fitting for a TextSource, whose positions and names must exist:
  // before each call (and once a new one is made) its text is set to
  // several lines and the sample tag is defined, and a call naming a ref by
  // its name gets a ref of that name first. Nothing for other classes.
  pgw::Task<> fit_text(pgw::WidgetId widget, const MethodPlan* method);
  // After the request is filled: a TextSource's buffer snapshot names no ref.
  void fit_text_request(pgw::WidgetId widget, google::protobuf::Message& request) const;
  pgw::Task<> exercise(const Subject& subject);
  // Calls `method` with sample arguments and reports the call or its error.
  pgw::Task<> call(pgw::WidgetId widget, const MethodPlan& method);
  // Sends one call (or answers it from server state); its result, if any.
  pgw::Task<std::optional<boost::json::value>> send(pgw::WidgetId widget, const MethodPlan& method,
                                                     const google::protobuf::Message& request);
  void listen_all();
  pgw::Task<> plan_callbacks(const Subject& subject);
  pgw::Task<> on_callback(pgw::WidgetId widget, const CallbackPlan* callback, std::string bytes);
  pgw::Task<> barrier();
  pgw::Task<> sync();

  std::string class_name(pgw::WidgetId id) const;
  bool is_a(pgw::WidgetId id, std::string_view ref_class) const;
  void error(pgw::WidgetId widget, const std::string& what, const std::string& message) const;

  const SchemaMap& schema_;
  std::shared_ptr<pgw::detail::SessionCore> core_;
  std::map<pgw::WidgetId, const ClassPlan*> class_of_;
  // Widgets made by a CREATE method (create_by): the widget that made each.
  std::map<pgw::WidgetId, pgw::WidgetId> made_in_;
  std::vector<Subject> subjects_;
  const ClassPlan* holder_class_ = nullptr;
  const MethodPlan* holder_attach_ = nullptr;
  pgw::WidgetId holder_ = 0;
  std::size_t calls_ = 0;
  std::size_t fired_ = 0;
};

}  // namespace every_widget
