// Sample arguments derived from a message's descriptor: a value for every
// field that a widget accepts whatever the field means.
//
// - the field's schema default (`(pgwidgets.arg) = { default: ... }`) when
//   it has one: words from a fixed set ("left", "normal") carry one;
// - a string: a data: URL of a 1x1 image. It reads as text, loads as an
//   image or cursor without a request (a relative word would 404 and log a
//   console error), and is an ignored value for CSS colors and fonts;
// - numbers 1 (1.5 for floating point), bools true, enums their first
//   non-zero value: not the proto3 zero, so they travel on the wire;
// - repeated fields two elements, optional fields set, a oneof its first
//   member (pgwidgets.Value: a bool), message fields filled the same way
//   down to a fixed depth (a tree node holds tree nodes), a map two entries
//   with distinct keys;
// - widget references (`ref`) from the caller's RefSource.
#pragma once

#include <cstdint>
#include <functional>
#include <string>
#include <string_view>

#include <boost/json/value.hpp>
#include <google/protobuf/message.h>

#include <pgwidgets/session_link.hpp>
#include <pgwidgets/task.hpp>

namespace every_widget {

// Returns the widget id for reference field `field`, which expects class `ref_class`.
using RefSource = std::function<pgw::Task<pgw::WidgetId>(const google::protobuf::FieldDescriptor& field,
                                                         std::string_view ref_class)>;

// A new, empty message of the descriptor's type (generated classes).
std::unique_ptr<google::protobuf::Message> new_message(const google::protobuf::Descriptor* type);

// Fills every field of `message` as described above. Without `defaults`
// the schema defaults are passed over: a callback's arguments need not be
// valid input to a widget, and a default is often the proto3 zero, which
// never travels, so a broken encoder would go unnoticed.
pgw::Task<> fill_sample(google::protobuf::Message& message, const RefSource& refs, bool defaults = true);

// The message as JSON (proto field names, zero values printed), for reports
// and for comparing what was sent with what arrived.
boost::json::value to_json(const google::protobuf::Message& message);

// The message's fields in declaration order, each with its type and value,
// for the page to rebuild the TypeScript arguments of an events function:
// [{"name", "type", "repeated", "optional", "ref", "value", "enum_prefix"?}].
// Integers of 64 bits travel as strings (JSON numbers lose them); an enum
// value as its proto name, which is enum_prefix + the word TypeScript uses
// in upper case (WINDOW_STATE_ + NORMAL: "normal").
boost::json::array describe_fields(const google::protobuf::Message& message);

}  // namespace every_widget
