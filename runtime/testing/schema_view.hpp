// The schema as the page model needs it: the runtime's tables (ids, kinds)
// joined with protobuf's descriptors of the same rpcs (request, response
// and callback messages, and the schema's custom options), for every
// package the program registered. Built once; nothing in it names a class.
#pragma once

#include <cstdint>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include <google/protobuf/descriptor.h>
#include <google/protobuf/message.h>

#include "pgwidgets/options.pb.h"
#include "pgwidgets/session_link.hpp"

namespace pgw::testing::model {

namespace pb = google::protobuf;
using pgw::detail::CallbackInfo;
using pgw::detail::ClassInfo;
using pgw::detail::MethodInfo;
using UserAction = pgwidgets::Callback::UserAction;
using UserStep = pgwidgets::Callback::UserStep;

struct MethodView {
  const MethodInfo* info;
  const pb::MethodDescriptor* rpc;
  std::string field;                    // the state field a setter sets ("" otherwise)
  const pb::FieldDescriptor* child;     // attach/detach: the request's widget field
  const pb::FieldDescriptor* index;     // attach: the insert position, if any
  std::optional<bool> value;            // a setter without arguments (show, hide)
};

struct CallbackView {
  const CallbackInfo* info;
  const pb::MethodDescriptor* rpc;
  std::string updates;                  // the state field it reports ("" for none)
  UserAction user;
  std::string needs;                    // a trait's: the bool constructor option the page reports it with
  UserStep step = pgwidgets::Callback::NO_STEP;  // KEY / POINTER: the part of the action that fires it
};

struct ClassView {
  const ClassInfo* info;
  const pb::ServiceDescriptor* service;
  const pb::Descriptor* constructor;    // may be null
  std::vector<const CallbackView*> callbacks;  // its own
  std::vector<const MethodView*> methods;      // its own
};

class SchemaView {
 public:
  // The program's schema (every registered package). Throws
  // std::logic_error when a class has no descriptor (its .pb.cc is not
  // linked), naming it.
  static const SchemaView& get();

  const ClassView* cls(std::uint32_t id) const;
  const MethodView* method(std::uint32_t id) const;
  const CallbackView* callback(std::uint32_t id) const;
  // The class itself, then its bases up to the root.
  std::vector<const ClassView*> chain(const ClassInfo& cls) const;
  // The callback of `cls` (or its nearest base) that `action` fires.
  const CallbackView* callback_for(const ClassInfo& cls, UserAction action) const;
  // The callback of `cls` (or its nearest base) that step `step` of `action` fires.
  const CallbackView* callback_for(const ClassInfo& cls, UserAction action, UserStep step) const;
  // The first setter of `field` in `cls`'s chain (nearest class first).
  const MethodView* setter_of(const ClassInfo& cls, std::string_view field) const;
  // A method of `cls`'s chain by its C++ name.
  const MethodView* method_named(const ClassInfo& cls, std::string_view name) const;

 private:
  SchemaView();
  std::unordered_map<std::uint32_t, std::unique_ptr<ClassView>> classes_;
  std::unordered_map<std::uint32_t, std::unique_ptr<MethodView>> methods_;
  std::unordered_map<std::uint32_t, std::unique_ptr<CallbackView>> callbacks_;
};

// rpc `SetText` -> `set_text` (the generator's rule, codegen/naming.py).
std::string snake_case(std::string_view name);

}  // namespace pgw::testing::model
