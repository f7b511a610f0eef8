#include "every_widget/samples.hpp"

#include <cctype>
#include <charconv>
#include <cstdlib>
#include <regex>
#include <stdexcept>
#include <string>

#include <boost/json/parse.hpp>
#include <google/protobuf/util/json_util.h>

#include "pgwidgets/options.pb.h"

namespace every_widget {

namespace pb = google::protobuf;

namespace {

constexpr std::string_view kSampleString =
    "data:image/gif;base64,R0lGODlhAQABAIAAAAAAAP///yH5BAEAAAAALAAAAAABAAEAAAIBRAA7";
// A 1x1 PNG: bytes that are also a picture (Image.set_binary_image, whose
// format sample is the enum's first non-zero word, png).
constexpr std::string_view kSampleBytes{
    "\x89\x50\x4e\x47\x0d\x0a\x1a\x0a\x00\x00\x00\x0d\x49\x48\x44\x52\x00\x00\x00\x01\x00\x00\x00\x01\x08\x06"
    "\x00\x00\x00\x1f\x15\xc4\x89\x00\x00\x00\x0d\x49\x44\x41\x54\x78\xda\x63\x64\x60\xf8\x5f\x0f\x00\x02\x87"
    "\x01\x80\xeb\x47\xba\x92\x00\x00\x00\x00\x49\x45\x4e\x44\xae\x42\x60\x82",
    70};

[[noreturn]] void bad_default(const pb::FieldDescriptor* f, const std::string& text) {
  throw std::runtime_error("every_widget: " + f->full_name() + ": default \"" + text + "\" is not a " +
                           f->type_name());
}

template <class T>
T parse_integer(const pb::FieldDescriptor* f, const std::string& text) {
  T value{};
  auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), value);
  if (ec != std::errc() || end != text.data() + text.size()) bad_default(f, text);
  return value;
}

double parse_floating(const pb::FieldDescriptor* f, const std::string& text) {
  char* end = nullptr;
  const double value = std::strtod(text.c_str(), &end);
  if (text.empty() || end != text.c_str() + text.size()) bad_default(f, text);
  return value;
}

std::string upper(std::string_view s) {
  std::string out(s);
  for (char& c : out) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
  return out;
}

// The schema's enum convention (codegen checks it): every value of enum
// `WindowState` is named WINDOW_STATE_<WORD>, and C++ and TypeScript spell
// it as the word in lower case. This is that prefix: the name in snake case
// (as codegen's naming.snake_case), upper case, and "_".
std::string enum_prefix(const pb::EnumDescriptor* e) {
  std::string snake = std::regex_replace(e->name(), std::regex("([A-Z]+)([A-Z][a-z])"), "$1_$2");
  snake = std::regex_replace(snake, std::regex("([a-z0-9])([A-Z])"), "$1_$2");
  return upper(snake) + "_";
}

// A schema default names an enum value by its word ("normal") or, failing
// that, by its proto name.
const pb::EnumValueDescriptor* enum_default(const pb::FieldDescriptor* f, const std::string& text) {
  const pb::EnumDescriptor* e = f->enum_type();
  if (const pb::EnumValueDescriptor* v = e->FindValueByName(enum_prefix(e) + upper(text))) return v;
  if (const pb::EnumValueDescriptor* v = e->FindValueByName(text)) return v;
  bad_default(f, text);
}

const pb::EnumValueDescriptor* enum_sample(const pb::FieldDescriptor* f) {
  const pb::EnumDescriptor* e = f->enum_type();
  for (int i = 0; i < e->value_count(); ++i) {
    if (e->value(i)->number() != 0) return e->value(i);
  }
  return e->value(0);
}

// Sets (or, for a repeated field, appends) the sample value of scalar field `f`.
void set_scalar(pb::Message& m, const pb::FieldDescriptor* f, const std::string& def) {
  const pb::Reflection* r = m.GetReflection();
  const bool rep = f->is_repeated();
  const bool given = !def.empty();
  switch (f->cpp_type()) {
    case pb::FieldDescriptor::CPPTYPE_INT32: {
      const auto v = given ? parse_integer<std::int32_t>(f, def) : 1;
      rep ? r->AddInt32(&m, f, v) : r->SetInt32(&m, f, v);
      break;
    }
    case pb::FieldDescriptor::CPPTYPE_INT64: {
      const auto v = given ? parse_integer<std::int64_t>(f, def) : 1;
      rep ? r->AddInt64(&m, f, v) : r->SetInt64(&m, f, v);
      break;
    }
    case pb::FieldDescriptor::CPPTYPE_UINT32: {
      const auto v = given ? parse_integer<std::uint32_t>(f, def) : 1u;
      rep ? r->AddUInt32(&m, f, v) : r->SetUInt32(&m, f, v);
      break;
    }
    case pb::FieldDescriptor::CPPTYPE_UINT64: {
      const auto v = given ? parse_integer<std::uint64_t>(f, def) : 1u;
      rep ? r->AddUInt64(&m, f, v) : r->SetUInt64(&m, f, v);
      break;
    }
    case pb::FieldDescriptor::CPPTYPE_DOUBLE: {
      const double v = given ? parse_floating(f, def) : 1.5;
      rep ? r->AddDouble(&m, f, v) : r->SetDouble(&m, f, v);
      break;
    }
    case pb::FieldDescriptor::CPPTYPE_FLOAT: {
      const auto v = static_cast<float>(given ? parse_floating(f, def) : 1.5);
      rep ? r->AddFloat(&m, f, v) : r->SetFloat(&m, f, v);
      break;
    }
    case pb::FieldDescriptor::CPPTYPE_BOOL: {
      if (given && def != "true" && def != "false") bad_default(f, def);
      const bool v = given ? def == "true" : true;
      rep ? r->AddBool(&m, f, v) : r->SetBool(&m, f, v);
      break;
    }
    case pb::FieldDescriptor::CPPTYPE_STRING: {
      std::string v = given ? def
                            : std::string(f->type() == pb::FieldDescriptor::TYPE_BYTES ? kSampleBytes : kSampleString);
      rep ? r->AddString(&m, f, std::move(v)) : r->SetString(&m, f, std::move(v));
      break;
    }
    case pb::FieldDescriptor::CPPTYPE_ENUM: {
      const int v = (given ? enum_default(f, def) : enum_sample(f))->number();
      rep ? r->AddEnumValue(&m, f, v) : r->SetEnumValue(&m, f, v);
      break;
    }
    case pb::FieldDescriptor::CPPTYPE_MESSAGE:
      throw std::logic_error("set_scalar on a message field");
  }
}

void set_ref(pb::Message& m, const pb::FieldDescriptor* f, pgw::WidgetId id) {
  const pb::Reflection* r = m.GetReflection();
  if (f->cpp_type() == pb::FieldDescriptor::CPPTYPE_UINT32) {
    f->is_repeated() ? r->AddUInt32(&m, f, id) : r->SetUInt32(&m, f, id);
  } else if (f->cpp_type() == pb::FieldDescriptor::CPPTYPE_UINT64) {
    f->is_repeated() ? r->AddUInt64(&m, f, id) : r->SetUInt64(&m, f, id);
  } else {
    throw std::runtime_error("every_widget: " + f->full_name() + ": a widget reference must be an unsigned integer");
  }
}

boost::json::value scalar_json(const pb::Message& m, const pb::FieldDescriptor* f, int i) {
  const pb::Reflection* r = m.GetReflection();
  const bool rep = f->is_repeated();
  switch (f->cpp_type()) {
    case pb::FieldDescriptor::CPPTYPE_INT32:
      return rep ? r->GetRepeatedInt32(m, f, i) : r->GetInt32(m, f);
    case pb::FieldDescriptor::CPPTYPE_UINT32:
      return rep ? r->GetRepeatedUInt32(m, f, i) : r->GetUInt32(m, f);
    case pb::FieldDescriptor::CPPTYPE_INT64:
      return boost::json::string(std::to_string(rep ? r->GetRepeatedInt64(m, f, i) : r->GetInt64(m, f)));
    case pb::FieldDescriptor::CPPTYPE_UINT64:
      return boost::json::string(std::to_string(rep ? r->GetRepeatedUInt64(m, f, i) : r->GetUInt64(m, f)));
    case pb::FieldDescriptor::CPPTYPE_DOUBLE:
      return rep ? r->GetRepeatedDouble(m, f, i) : r->GetDouble(m, f);
    case pb::FieldDescriptor::CPPTYPE_FLOAT:
      return rep ? r->GetRepeatedFloat(m, f, i) : r->GetFloat(m, f);
    case pb::FieldDescriptor::CPPTYPE_BOOL:
      return rep ? r->GetRepeatedBool(m, f, i) : r->GetBool(m, f);
    case pb::FieldDescriptor::CPPTYPE_STRING: {
      const std::string s = rep ? r->GetRepeatedString(m, f, i) : r->GetString(m, f);
      if (f->type() != pb::FieldDescriptor::TYPE_BYTES) return boost::json::string(s);
      boost::json::array bytes;
      for (unsigned char c : s) bytes.emplace_back(static_cast<int>(c));
      return bytes;
    }
    case pb::FieldDescriptor::CPPTYPE_ENUM: {
      const pb::EnumValueDescriptor* v = rep ? r->GetRepeatedEnum(m, f, i) : r->GetEnum(m, f);
      return boost::json::string(v->name());
    }
    case pb::FieldDescriptor::CPPTYPE_MESSAGE:
      return to_json(rep ? r->GetRepeatedMessage(m, f, i) : r->GetMessage(m, f));
  }
  return nullptr;
}

}  // namespace

std::unique_ptr<pb::Message> new_message(const pb::Descriptor* type) {
  const pb::Message* prototype = pb::MessageFactory::generated_factory()->GetPrototype(type);
  if (prototype == nullptr) throw std::runtime_error("every_widget: no generated class for " + type->full_name());
  return std::unique_ptr<pb::Message>(prototype->New());
}

namespace {

// Message fields are filled this deep: a tree node holds tree nodes
// (TreeNode.children), so a sample stops after two levels of children.
constexpr int kMaxDepth = 3;

pgw::Task<> fill(pb::Message& message, const RefSource& refs, bool defaults, int depth);

}  // namespace

pgw::Task<> fill_sample(pb::Message& message, const RefSource& refs, bool defaults) {
  co_await fill(message, refs, defaults, 0);
}

namespace {

pgw::Task<> fill(pb::Message& message, const RefSource& refs, bool defaults, int depth) {
  const pb::Descriptor* d = message.GetDescriptor();
  // A Canvas display list's values must fit its opcodes (the page refuses
  // one that does not): the empty list, which clears the canvas, is the
  // sample. browser: canvas draws real ones.
  if (d->full_name() == "pgwidgets.widgets.Drawing") co_return;
  const pb::Reflection* r = message.GetReflection();
  for (int i = 0; i < d->field_count(); ++i) {
    const pb::FieldDescriptor* f = d->field(i);
    const pb::OneofDescriptor* oneof = f->real_containing_oneof();
    if (oneof != nullptr && oneof->field(0) != f) continue;
    const pgwidgets::Field& arg = f->options().GetExtension(pgwidgets::arg);
    // A group reference (radio buttons) is left out: the widget starts its
    // own group. A sample would create another widget of the class, which
    // would want a group of its own, and so on without end.
    if (!arg.exclusive().empty()) continue;
    const int count = f->is_repeated() ? 2 : 1;
    for (int k = 0; k < count; ++k) {
      if (!arg.ref().empty()) {
        const pgw::WidgetId id = co_await refs(*f, arg.ref());
        set_ref(message, f, id);
      } else if (f->cpp_type() == pb::FieldDescriptor::CPPTYPE_MESSAGE) {
        // Only a list or a map can hold its own message (the generator
        // refuses a single field that does), so single ones are always
        // filled: the page sends a message it was given, present.
        if (f->is_repeated() && depth + 1 >= kMaxDepth) break;
        // A map's entries (key, value) are messages too; two entries need
        // two keys, so the second key gets a suffix.
        pb::Message* sub = f->is_repeated() ? r->AddMessage(&message, f) : r->MutableMessage(&message, f);
        co_await fill(*sub, refs, defaults, depth + 1);
        if (f->is_map() && k > 0) {
          const pb::FieldDescriptor* key = f->message_type()->map_key();
          sub->GetReflection()->SetString(sub, key, sub->GetReflection()->GetString(*sub, key) + "#2");
        }
      } else {
        set_scalar(message, f, defaults ? arg.default_() : std::string());
      }
    }
  }
}

}  // namespace

boost::json::value to_json(const pb::Message& message) {
  pb::util::JsonPrintOptions options;
  options.always_print_primitive_fields = true;
  options.preserve_proto_field_names = true;
  std::string text;
  const auto status = pb::util::MessageToJsonString(message, &text, options);
  if (!status.ok()) {
    throw std::runtime_error("every_widget: " + message.GetTypeName() + " as JSON: " + status.ToString());
  }
  return boost::json::parse(text);
}

namespace {

// The fields of message type `d` as the page needs them to rebuild a
// TypeScript value from its JSON: names, types, lists, enum prefixes, and
// the fields of nested messages (a few levels: a tree node holds itself).
boost::json::array describe_type(const pb::Descriptor* d, int depth);

// A field's type: its enum prefix, or its message and that message's
// fields; a map's, its value's (`map_value`: a map's keys are strings).
// pgwidgets.Value is named, not described: the page turns its JSON
// ({"int_value": "5"}, {} for null) into a TypeScript Value.
void describe_value(boost::json::object& field, const pb::FieldDescriptor* f, int depth) {
  if (f->cpp_type() == pb::FieldDescriptor::CPPTYPE_ENUM) field["enum_prefix"] = enum_prefix(f->enum_type());
  if (f->is_map()) {
    const pb::FieldDescriptor* v = f->message_type()->map_value();
    boost::json::object value;
    value["name"] = f->name() + " value";
    value["type"] = v->type_name();
    value["repeated"] = false;
    value["map"] = false;
    describe_value(value, v, depth);
    field["map_value"] = std::move(value);
  } else if (f->cpp_type() == pb::FieldDescriptor::CPPTYPE_MESSAGE) {
    field["message"] = f->message_type()->full_name();
    if (f->message_type()->full_name() != "pgwidgets.Value") field["fields"] = describe_type(f->message_type(), depth + 1);
  }
}

boost::json::array describe_type(const pb::Descriptor* d, int depth) {
  boost::json::array out;
  for (int i = 0; i < d->field_count() && depth < kMaxDepth + 2; ++i) {
    const pb::FieldDescriptor* f = d->field(i);
    boost::json::object field;
    field["name"] = f->name();
    field["type"] = f->type_name();
    field["repeated"] = f->is_repeated() && !f->is_map();
    field["map"] = f->is_map();
    describe_value(field, f, depth);
    out.push_back(std::move(field));
  }
  return out;
}

}  // namespace

boost::json::array describe_fields(const pb::Message& message) {
  const pb::Descriptor* d = message.GetDescriptor();
  const pb::Reflection* r = message.GetReflection();
  boost::json::array out;
  for (int i = 0; i < d->field_count(); ++i) {
    const pb::FieldDescriptor* f = d->field(i);
    boost::json::object field;
    field["name"] = f->name();
    field["type"] = f->type_name();
    field["repeated"] = f->is_repeated() && !f->is_map();
    field["map"] = f->is_map();
    field["optional"] = f->has_optional_keyword();
    field["ref"] = f->options().GetExtension(pgwidgets::arg).ref();
    if (f->is_repeated()) {
      // A map: its entries, each {"key": ..., "value": ...}.
      boost::json::array values;
      for (int k = 0; k < r->FieldSize(message, f); ++k) values.push_back(scalar_json(message, f, k));
      field["value"] = std::move(values);
    } else {
      field["value"] = scalar_json(message, f, 0);
    }
    describe_value(field, f, -1);
    out.push_back(std::move(field));
  }
  return out;
}

}  // namespace every_widget
