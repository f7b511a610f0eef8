// A SessionLink that records what the generated proxies send, for tests of
// the generated code alone (no runtime).
#pragma once

#include <map>
#include <string>
#include <vector>

#include "pgwidgets/session_link.hpp"
#include "pgwidgets/task.hpp"

namespace pgw::test {

struct RecordedCall {
  WidgetId widget;
  const detail::MethodInfo* method;
  std::string args;
  detail::ChildChange change;
};

class RecordingLink : public detail::SessionLink {
 public:
  struct Created {
    WidgetId id;
    const detail::ClassInfo* cls;
    std::string args;
  };

  Task<WidgetId> create(const detail::ClassInfo& cls, std::string args) override {
    const WidgetId id = next_id++;
    created.push_back({id, &cls, args});
    ctor[id] = std::move(args);
    co_return id;
  }
  Task<WidgetId> create_in(WidgetId owner, const detail::MethodInfo& method, const detail::ClassInfo& cls,
                           std::string args, WidgetId child, const detail::MethodInfo* child_into,
                           std::string child_args) override {
    const WidgetId id = next_id++;
    created.push_back({id, &cls, args});
    ctor[id] = std::move(args);
    made_in.push_back({owner, &method, id, child, child_into, std::move(child_args)});
    co_return id;
  }
  Task<std::string> call(WidgetId widget, const detail::MethodInfo& method, std::string args,
                         detail::ChildChange change) override {
    calls.push_back({widget, &method, args, change});
    if (method.kind == detail::MethodKind::setter) state[{widget, method.field}] = args;
    co_return reply;
  }
  void listen(WidgetId widget, const detail::CallbackInfo& callback, detail::RawHandler handler) override {
    handlers[{widget, callback.id}].push_back(std::move(handler));
  }
  const std::string* recorded(WidgetId widget, std::uint32_t field) const override {
    auto it = state.find({widget, field});
    return it == state.end() ? nullptr : &it->second;
  }
  const std::string* constructor_args(WidgetId widget) const override {
    auto it = ctor.find(widget);
    return it == ctor.end() ? nullptr : &it->second;
  }
  std::vector<WidgetId> children(WidgetId) const override { return kids; }
  bool holds_items(WidgetId, std::uint32_t) const override { return items; }
  std::string collection_answer(WidgetId, const detail::MethodInfo&, std::string_view) const override {
    return answer;
  }

  struct MadeIn {
    WidgetId owner;
    const detail::MethodInfo* method;
    WidgetId id;
    WidgetId child;
    const detail::MethodInfo* child_into;
    std::string child_args;
  };

  WidgetId next_id = 1;
  std::vector<Created> created;
  std::vector<MadeIn> made_in;
  std::vector<RecordedCall> calls;
  std::map<std::pair<WidgetId, std::uint32_t>, std::string> state;
  std::map<WidgetId, std::string> ctor;
  std::map<std::pair<WidgetId, std::uint32_t>, std::vector<detail::RawHandler>> handlers;
  std::vector<WidgetId> kids;
  bool items = false;
  std::string answer;  // what a collection getter answers
  std::string reply;  // what every call answers
};

}  // namespace pgw::test
