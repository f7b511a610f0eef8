// The schema as the every_widget test sees it: the runtime's id tables
// (schema_info.hpp) joined with the protobuf descriptors of the services,
// rpcs and messages they were generated from, custom options included.
// Nothing here names a widget class, method or callback.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include <google/protobuf/descriptor.h>

#include "pgwidgets/options.pb.h"
#include "pgwidgets/schema_info.hpp"

namespace every_widget {

using pgw::detail::MethodKind;

struct MethodPlan {
  const pgw::detail::MethodInfo* info = nullptr;
  const google::protobuf::MethodDescriptor* rpc = nullptr;
  pgwidgets::Method options;
  const google::protobuf::FieldDescriptor* child = nullptr;  // attach/detach: the child field
  const google::protobuf::FieldDescriptor* index = nullptr;  // attach: the insert position
  // A bool field the runtime reads as "destroy the detached child too".
  const google::protobuf::FieldDescriptor* destroy = nullptr;

  MethodKind kind() const { return info->kind; }
  // "Class.method", as errors name it.
  std::string label() const;
};

struct CallbackPlan {
  const pgw::detail::CallbackInfo* info = nullptr;
  const google::protobuf::MethodDescriptor* rpc = nullptr;
  const google::protobuf::Descriptor* message() const { return rpc->output_type(); }
  std::string label() const;
};

struct ClassPlan {
  const pgw::detail::ClassInfo* info = nullptr;
  const google::protobuf::ServiceDescriptor* service = nullptr;
  const google::protobuf::Descriptor* constructor = nullptr;  // null: no arguments
  std::vector<const MethodPlan*> methods;                      // own and inherited, by id
  std::vector<const CallbackPlan*> callbacks;                  // own and inherited, by id

  std::uint32_t id() const { return info->id; }
  std::string_view name() const { return info->name; }
  bool abstract() const { return info->abstract; }
  // Floats on the desktop; never a child.
  bool window() const { return info->window; }
  // The first method of this kind (attach: one that keeps the other children
  // when `keeps_others`), or null.
  const MethodPlan* first(MethodKind kind, bool keeps_others = false) const;
};

class SchemaMap {
 public:
  // Reads every table entry; throws std::runtime_error naming what does not
  // match the descriptors (a stale build, a missing .pb.cc in the link).
  SchemaMap();
  SchemaMap(const SchemaMap&) = delete;
  SchemaMap& operator=(const SchemaMap&) = delete;

  const std::vector<ClassPlan>& classes() const { return classes_; }  // by id, 1 first
  const ClassPlan& cls(std::uint32_t id) const;
  const ClassPlan* find(std::string_view name) const;
  // Whether class `id` is `ancestor` or derives from it.
  bool is_a(std::uint32_t id, std::uint32_t ancestor) const;
  std::size_t method_count() const { return methods_.size(); }
  std::size_t callback_count() const { return callbacks_.size(); }

 private:
  std::vector<ClassPlan> classes_;
  std::vector<MethodPlan> methods_;
  std::vector<CallbackPlan> callbacks_;
};

}  // namespace every_widget
