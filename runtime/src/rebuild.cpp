#include "rebuild.hpp"

#include <google/protobuf/io/coded_stream.h>
#include <google/protobuf/io/zero_copy_stream_impl_lite.h>

#include "pgwidgets/protocol.pb.h"
#include "pgwidgets/schema_registry.hpp"
#include "state_ops.hpp"
#include "wire_fields.hpp"

namespace pgw::detail {

std::string with_index(std::string args, std::uint16_t field, int index) {
  {
    google::protobuf::io::StringOutputStream stream(&args);
    google::protobuf::io::CodedOutputStream out(&stream);
    out.WriteTag(static_cast<std::uint32_t>(field) << 3);  // wire type 0: varint
    out.WriteVarint64(static_cast<std::uint64_t>(static_cast<std::int64_t>(index)));
  }
  return args;
}

namespace {

bool is_deferred(std::uint32_t method_id) {
  const MethodInfo* m = find_method(method_id);
  return m != nullptr && m->deferred;
}

// A setter record naming a widget destroyed since (a Label's menu): the
// rebuilt page has no such widget, so the record is left out, as if the
// reference had gone with the widget. Ids are never reused, so a live id
// is always the widget that was named.
bool names_destroyed_widget(const WidgetStore& store, const RecordedCall& c) {
  const MethodInfo* m = find_method(c.method_id);
  if (m == nullptr || m->ref_field == 0) return false;
  const auto ref = varint_field(c.args, m->ref_field).value_or(0);
  return ref != 0 && (ref > UINT32_MAX || store.find(static_cast<WidgetId>(ref)) == nullptr);
}

void add_call(pgwidgets::ServerFrame& out, std::uint32_t seq, WidgetId widget, std::uint32_t method,
              std::string args) {
  auto* call = out.add_messages()->mutable_call();
  call->set_seq(seq);
  call->set_widget_id(widget);
  call->set_method_id(method);
  call->set_args(std::move(args));
}

// The calls that send a widget's collection states of one phase: each
// element through its state's snapshot method. `late`: the states a rebuild
// sends after the child lists (per-child entries, `deferred`).
void add_collections(pgwidgets::ServerFrame& out, const std::function<std::uint32_t()>& next_seq, WidgetId id,
                     const WidgetRecord& r, bool per_child, bool deferred) {
  for (const StateValue& v : r.collections) {
    if (v.info->per_child != per_child || v.info->deferred != deferred) continue;
    if (v.info->snapshot_all_method != 0) {
      // The whole value in one call of its ASSIGN setter (nothing to send
      // when it is empty: a new widget starts so).
      if (v.size() == 0) continue;
      std::string all;
      if (v.info->kind == StateKind::list) {
        // Placed once: a 100,000-row table is 9 MB, not grown by doubling.
        std::size_t bytes = 0;
        for (const ListElement& e : v.list) bytes += e.size() + 15;  // a tag and a length at most
        all.reserve(bytes);
      }
      for_each_element(v, [&](std::string_view element) {
        std::uint64_t tag = (static_cast<std::uint64_t>(v.info->snapshot_all_field) << 3) | 2;
        for (std::uint64_t n : {tag, static_cast<std::uint64_t>(element.size())}) {
          while (n >= 0x80) {
            all.push_back(static_cast<char>((n & 0x7f) | 0x80));
            n >>= 7;
          }
          all.push_back(static_cast<char>(n));
        }
        all.append(element);
      });
      add_call(out, next_seq(), id, v.info->snapshot_all_method, std::move(all));
      continue;
    }
    for_each_element(v, [&](std::string_view element) {
      add_call(out, next_seq(), id, v.info->snapshot_method, std::string(element));
    });
  }
}

// The constructor arguments a rebuild creates the widget with: a list's
// `init` items are left out, since the list is sent as it is now.
std::string creation_args(const WidgetRecord& r) {
  std::string args = r.ctor_args;
  for (const StateValue& v : r.collections) {
    if (v.info->init_field != 0) args = without_field(args, v.info->init_field);
  }
  return args;
}

void add_phase(pgwidgets::ServerFrame& out, pgwidgets::Rebuild::Phase phase) {
  out.add_messages()->mutable_rebuild()->set_phase(phase);
}

}  // namespace

void append_rebuild(const WidgetStore& store, const ListenList& listens, const std::function<std::uint32_t()>& next_seq,
                    pgwidgets::ServerFrame& out) {
  const std::vector<WidgetId> ids = store.ids();
  add_phase(out, pgwidgets::Rebuild::PHASE_BEGIN);
  for (WidgetId id : ids) {
    const WidgetRecord& r = *store.find(id);
    auto* create = out.add_messages()->mutable_create();
    create->set_seq(next_seq());
    create->set_widget_id(id);
    create->set_class_id(r.cls->id);
    create->set_args(creation_args(r));
  }
  for (WidgetId id : ids) {
    const WidgetRecord& r = *store.find(id);
    for (const RecordedCall& c : r.state) {
      if (!is_deferred(c.method_id) && !names_destroyed_widget(store, c)) add_call(out, next_seq(), id, c.method_id, c.args);
    }
    add_collections(out, next_seq, id, r, false, false);
  }
  for (WidgetId id : ids) {
    const WidgetRecord& r = *store.find(id);
    for (std::size_t i = 0; i < r.children.size(); ++i) {
      const WidgetRecord* child = store.find(r.children[i]);
      if (child == nullptr || child->attach_method == 0) continue;
      const MethodInfo& m = *find_method(child->attach_method);
      add_call(out, next_seq(), id, m.id,
               m.index_field != 0 ? with_index(child->attach_args, m.index_field, static_cast<int>(i))
                                  : child->attach_args);
    }
  }
  for (WidgetId id : ids) add_collections(out, next_seq, id, *store.find(id), true, false);
  for (const auto& [widget, callback] : listens) {
    auto* listen = out.add_messages()->mutable_listen();
    listen->set_widget_id(widget);
    listen->set_callback_id(callback);
  }
  for (WidgetId id : ids) {
    const WidgetRecord& r = *store.find(id);
    add_collections(out, next_seq, id, r, true, true);
    add_collections(out, next_seq, id, r, false, true);
    for (const RecordedCall& c : r.state) {
      if (is_deferred(c.method_id) && !names_destroyed_widget(store, c)) add_call(out, next_seq(), id, c.method_id, c.args);
    }
  }
  add_phase(out, pgwidgets::Rebuild::PHASE_END);
}

}  // namespace pgw::detail
