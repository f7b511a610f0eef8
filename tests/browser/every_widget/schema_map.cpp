#include "every_widget/schema_map.hpp"

#include <iterator>
#include <stdexcept>

namespace every_widget {

namespace pb = google::protobuf;
using namespace pgw::detail;

namespace {

[[noreturn]] void fail(const std::string& message) {
  throw std::runtime_error("every_widget: " + message);
}

const pb::MethodDescriptor* find_rpc(std::string_view full_name, std::string_view what) {
  const pb::MethodDescriptor* rpc = pb::DescriptorPool::generated_pool()->FindMethodByName(std::string(full_name));
  if (rpc == nullptr) {
    fail(std::string(what) + ": no rpc " + std::string(full_name) +
         " among the linked descriptors (is its .pb.cc linked in?)");
  }
  return rpc;
}

const pb::FieldDescriptor* named_field(const pb::Descriptor* message, const std::string& name, const std::string& what) {
  if (name.empty()) return nullptr;
  const pb::FieldDescriptor* f = message->FindFieldByName(name);
  if (f == nullptr) fail(what + ": " + message->full_name() + " has no field " + name);
  return f;
}

}  // namespace

std::string MethodPlan::label() const { return std::string(info->class_name) + "." + std::string(info->name); }
std::string CallbackPlan::label() const { return std::string(info->class_name) + "." + std::string(info->name); }

const MethodPlan* ClassPlan::first(MethodKind kind, bool keeps_others) const {
  for (const MethodPlan* m : methods) {
    if (m->kind() == kind && !(keeps_others && m->info->replace)) return m;
  }
  return nullptr;
}

SchemaMap::SchemaMap() {
  const pb::DescriptorPool* pool = pb::DescriptorPool::generated_pool();
  const std::size_t n_classes = std::size(class_table);
  const std::size_t n_methods = std::size(method_table);
  const std::size_t n_callbacks = std::size(callback_table);
  if (std::size(class_proto_names) != n_classes || std::size(method_proto_names) != n_methods ||
      std::size(callback_proto_names) != n_callbacks) {
    fail("schema_info.hpp's name tables and id tables differ in length");
  }

  classes_.resize(n_classes);
  for (std::size_t i = 0; i < n_classes; ++i) {
    ClassPlan& c = classes_[i];
    c.info = class_table[i];
    const std::string name(class_proto_names[i]);
    c.service = pool->FindServiceByName(name);
    if (c.service == nullptr) fail("no service " + name + " among the linked descriptors");
    if (c.service->name() != c.info->name) fail("class " + std::string(c.info->name) + " is service " + name);
    const std::string& ctor = c.service->options().GetExtension(pgwidgets::widget).constructor();
    if (!ctor.empty()) {
      const std::string full = c.service->file()->package() + "." + ctor;
      c.constructor = pool->FindMessageTypeByName(full);
      if (c.constructor == nullptr) fail(name + ": no constructor message " + full);
    }
  }

  methods_.resize(n_methods);
  for (std::size_t i = 0; i < n_methods; ++i) {
    MethodPlan& m = methods_[i];
    m.info = method_table[i];
    m.rpc = find_rpc(method_proto_names[i], m.label());
    m.options = m.rpc->options().GetExtension(pgwidgets::method);
    const pb::Descriptor* request = m.rpc->input_type();
    m.child = named_field(request, m.options.child(), m.label());
    m.index = named_field(request, m.options.index(), m.label());
    // The generated proxies read a bool field named `destroy` this way
    // (codegen's Method.cpp_change); the raw calls here must match them.
    const pb::FieldDescriptor* destroy = request->FindFieldByName("destroy");
    if (destroy != nullptr && destroy->type() == pb::FieldDescriptor::TYPE_BOOL && !destroy->is_repeated()) {
      m.destroy = destroy;
    }
    if ((m.kind() == MethodKind::attach || m.kind() == MethodKind::detach) && m.child == nullptr) {
      fail(m.label() + ": an attach/detach method without a child field");
    }
  }

  callbacks_.resize(n_callbacks);
  for (std::size_t i = 0; i < n_callbacks; ++i) {
    CallbackPlan& cb = callbacks_[i];
    cb.info = callback_table[i];
    cb.rpc = find_rpc(callback_proto_names[i], cb.label());
  }

  for (ClassPlan& c : classes_) {
    for (const MethodPlan& m : methods_) {
      if (is_a(c.id(), m.info->class_id)) c.methods.push_back(&m);
    }
    for (const CallbackPlan& cb : callbacks_) {
      if (is_a(c.id(), cb.info->class_id)) c.callbacks.push_back(&cb);
    }
  }
}

const ClassPlan* SchemaMap::find(std::string_view name) const {
  for (const ClassPlan& c : classes_) {
    if (c.name() == name) return &c;
  }
  return nullptr;
}

const ClassPlan& SchemaMap::cls(std::uint32_t id) const {
  for (const ClassPlan& c : classes_) {
    if (c.id() == id) return c;
  }
  fail("no class with id " + std::to_string(id));
}

bool SchemaMap::is_a(std::uint32_t id, std::uint32_t ancestor) const {
  // Bounded: a cycle in the tables must not hang the test.
  for (std::size_t hops = 0; id != 0 && hops <= classes_.size(); ++hops) {
    if (id == ancestor) return true;
    id = cls(id).info->base;
  }
  return false;
}

}  // namespace every_widget
