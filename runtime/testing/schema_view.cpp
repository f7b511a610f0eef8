#include "schema_view.hpp"

#include <cctype>
#include <stdexcept>

#include "pgwidgets/schema_registry.hpp"

namespace pgw::testing::model {

std::string snake_case(std::string_view name) {
  // As codegen/naming.py: "GetHTMLText" -> "get_html_text".
  std::string out;
  for (std::size_t i = 0; i < name.size(); ++i) {
    const char c = name[i];
    if (std::isupper(static_cast<unsigned char>(c)) && i > 0) {
      const char prev = name[i - 1];
      const bool next_lower = i + 1 < name.size() && std::islower(static_cast<unsigned char>(name[i + 1]));
      if (std::islower(static_cast<unsigned char>(prev)) || std::isdigit(static_cast<unsigned char>(prev)) ||
          (std::isupper(static_cast<unsigned char>(prev)) && next_lower)) {
        out += '_';
      }
    }
    out += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  }
  return out;
}

namespace {

const pb::FieldDescriptor* named_field(const pb::Descriptor* message, const std::string& name) {
  return name.empty() || message == nullptr ? nullptr : message->FindFieldByName(name);
}

}  // namespace

SchemaView::SchemaView() {
  const pb::DescriptorPool* pool = pb::DescriptorPool::generated_pool();
  for (const auto& package : pgw::detail::packages()) {
    // Methods and callbacks by their class and C++ name, to join with the rpcs.
    std::map<std::pair<std::uint32_t, std::string>, const MethodInfo*> methods;
    for (const MethodInfo* m : package.methods) methods[{m->class_id, std::string(m->name)}] = m;
    std::map<std::pair<std::uint32_t, std::string>, const CallbackInfo*> callbacks;
    for (const CallbackInfo* cb : package.callbacks) callbacks[{cb->class_id, std::string(cb->name)}] = cb;

    for (const ClassInfo* c : package.classes) {
      const std::string full = std::string(package.name) + "." + std::string(c->name);
      const pb::ServiceDescriptor* service = pool->FindServiceByName(full);
      if (service == nullptr) {
        throw std::logic_error("pgw::testing: no protobuf descriptor for widget class " + full +
                               " (is its package's .pb.cc linked?)");
      }
      auto view = std::make_unique<ClassView>();
      view->info = c;
      view->service = service;
      const auto& wopts = service->options().GetExtension(pgwidgets::widget);
      view->constructor =
          wopts.constructor().empty() ? nullptr : pool->FindMessageTypeByName(std::string(package.name) + "." + wopts.constructor());
      // Its own rpcs, then its traits' callbacks (each with the bool
      // constructor option the page needs to report them).
      std::vector<std::pair<const pb::MethodDescriptor*, std::string>> rpcs;
      for (int i = 0; i < service->method_count(); ++i) rpcs.emplace_back(service->method(i), "");
      for (const std::string& name : wopts.traits()) {
        const pb::ServiceDescriptor* trait = pool->FindServiceByName(std::string(package.name) + "." + name);
        if (trait == nullptr) trait = pool->FindServiceByName(name);
        if (trait == nullptr) trait = pool->FindServiceByName("pgwidgets.widgets." + name);
        if (trait == nullptr) throw std::logic_error("pgw::testing: no protobuf descriptor for trait " + name);
        const std::string option = trait->options().GetExtension(pgwidgets::widget).trait();
        for (int i = 0; i < trait->method_count(); ++i) rpcs.emplace_back(trait->method(i), option);
      }
      for (const auto& [rpc, needs] : rpcs) {
        const std::string name = snake_case(rpc->name());
        if (rpc->server_streaming()) {
          auto it = callbacks.find({c->id, name.substr(3)});  // "on_activated" -> "activated"
          if (it == callbacks.end()) continue;
          const auto& o = rpc->options().GetExtension(pgwidgets::callback);
          auto cb = std::make_unique<CallbackView>(CallbackView{it->second, rpc, o.updates(), o.user(), needs, o.step()});
          view->callbacks.push_back(cb.get());
          callbacks_[cb->info->id] = std::move(cb);
        } else {
          auto it = methods.find({c->id, name});
          if (it == methods.end()) continue;
          const auto& o = rpc->options().GetExtension(pgwidgets::method);
          auto m = std::make_unique<MethodView>();
          m->info = it->second;
          m->rpc = rpc;
          m->field = o.field();
          m->child = named_field(rpc->input_type(), o.child());
          m->index = named_field(rpc->input_type(), o.index());
          if (!o.value().empty()) m->value = o.value() == "true";
          view->methods.push_back(m.get());
          methods_[m->info->id] = std::move(m);
        }
      }
      classes_[c->id] = std::move(view);
    }
  }
}

const SchemaView& SchemaView::get() {
  static const SchemaView view;
  return view;
}

const ClassView* SchemaView::cls(std::uint32_t id) const {
  auto it = classes_.find(id);
  return it == classes_.end() ? nullptr : it->second.get();
}

const MethodView* SchemaView::method(std::uint32_t id) const {
  auto it = methods_.find(id);
  return it == methods_.end() ? nullptr : it->second.get();
}

const CallbackView* SchemaView::callback(std::uint32_t id) const {
  auto it = callbacks_.find(id);
  return it == callbacks_.end() ? nullptr : it->second.get();
}

std::vector<const ClassView*> SchemaView::chain(const ClassInfo& cls) const {
  std::vector<const ClassView*> out;
  for (const ClassView* c = this->cls(cls.id); c != nullptr; c = c->info->base ? this->cls(c->info->base) : nullptr) {
    out.push_back(c);
    if (out.size() > 64) break;  // a cycle the generator would have refused
  }
  return out;
}

const CallbackView* SchemaView::callback_for(const ClassInfo& cls, UserAction action) const {
  for (const ClassView* c : chain(cls)) {
    for (const CallbackView* cb : c->callbacks) {
      if (cb->user == action) return cb;
    }
  }
  return nullptr;
}

const CallbackView* SchemaView::callback_for(const ClassInfo& cls, UserAction action, UserStep step) const {
  for (const ClassView* c : chain(cls)) {
    for (const CallbackView* cb : c->callbacks) {
      if (cb->user == action && cb->step == step) return cb;
    }
  }
  return nullptr;
}

const MethodView* SchemaView::setter_of(const ClassInfo& cls, std::string_view field) const {
  for (const ClassView* c : chain(cls)) {
    for (const MethodView* m : c->methods) {
      if (m->info->kind == pgw::detail::MethodKind::setter && m->field == field && !m->value) return m;
    }
  }
  return nullptr;
}

const MethodView* SchemaView::method_named(const ClassInfo& cls, std::string_view name) const {
  for (const ClassView* c : chain(cls)) {
    for (const MethodView* m : c->methods) {
      if (m->info->name == name) return m;
    }
  }
  return nullptr;
}

}  // namespace pgw::testing::model
