// The rebuild: the messages that recreate a session's whole page, from the
// server's copy alone, in a browser that joins the session (a reload, a
// dropped link, a second browser). What each class needs is declared in the
// schema (setters, `deferred`, attach calls, `updates` callbacks); nothing
// here knows a widget class.
#pragma once

#include <cstdint>
#include <functional>
#include <utility>
#include <vector>

#include "widget_store.hpp"

namespace pgwidgets {
class ServerFrame;
}

namespace pgw::detail {

// (widget, callback) pairs the server listens to.
using ListenList = std::vector<std::pair<WidgetId, std::uint32_t>>;

// Appends to `out`, between Rebuild BEGIN and END, in this order:
//   1. every live widget, created with its constructor arguments (a list
//      state's `init` field left out), in creation order;
//   2. each widget's recorded setters (user changes reported by `updates`
//      callbacks included), in the order their fields were first set,
//      `deferred` fields excepted, then its collection states as they are
//      now, each element through the state's snapshot method;
//   3. the child lists: each child attached by the call that attached it,
//      in list order (an insert position is rewritten to the final one),
//      then the per-child collection states;
//   4. the listens;
//   5. the `deferred` collection states and fields (visibility, window
//      state, ...), per widget.
// What it sends grows with the state, never with the calls that made it.
// Destroyed widgets are gone from the store, so they never come back.
// `next_seq` numbers the creations and calls (a browser-side failure names
// its number).
void append_rebuild(const WidgetStore& store, const ListenList& listens, const std::function<std::uint32_t()>& next_seq,
                    pgwidgets::ServerFrame& out);

// `args` with its insert-position field (number `field`, an int32) set to
// `index`: protobuf keeps the last occurrence of a singular field, so the
// new value is appended.
std::string with_index(std::string args, std::uint16_t field, int index);

}  // namespace pgw::detail
