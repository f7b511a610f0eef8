// Direct writing of records (wire_writer.hpp) with protobuf's wire-format
// primitives: the sizes protobuf's serializer computes, the bytes it writes.
#include "pgwidgets/wire_writer.hpp"

#include <bit>
#include <cstring>
#include <type_traits>
#include <variant>

#include <google/protobuf/io/coded_stream.h>
#include <google/protobuf/wire_format_lite.h>

namespace pgw::detail::wire {

namespace {

using google::protobuf::io::CodedOutputStream;
using Lite = google::protobuf::internal::WireFormatLite;

// pgwidgets.Value's members (schema/pgwidgets/value.proto).
constexpr int kBool = 1;
constexpr int kInt = 2;
constexpr int kDouble = 3;
constexpr int kString = 4;
// A map entry's key and value.
constexpr int kKey = 1;
constexpr int kValue = 2;

std::size_t tag(int field, Lite::FieldType type) { return Lite::TagSize(field, type); }

std::size_t length_body(std::size_t n) { return CodedOutputStream::VarintSize64(n) + n; }

std::size_t value_body(const Value& v) {
  return std::visit(
      [](const auto& x) -> std::size_t {
        using T = std::decay_t<decltype(x)>;
        if constexpr (std::is_same_v<T, bool>) {
          return size::bool_field(kBool, x);
        } else if constexpr (std::is_same_v<T, std::int64_t>) {
          return size::int64_field(kInt, x);
        } else if constexpr (std::is_same_v<T, double>) {
          return size::double_field(kDouble, x);
        } else if constexpr (std::is_same_v<T, std::string>) {
          return size::string_field(kString, x);
        } else {
          return 0;  // null: no member set
        }
      },
      v.variant());
}

std::size_t entry_body(std::string_view key, const Value& v) {
  return size::string_field(kKey, key) + size::length(kValue, value_body(v));
}

}  // namespace

namespace size {

std::size_t length(int field, std::size_t body) { return tag(field, Lite::TYPE_BYTES) + length_body(body); }
std::size_t string_field(int field, std::string_view v) { return length(field, v.size()); }
std::size_t bytes_field(int field, std::string_view v) { return length(field, v.size()); }
std::size_t int32_field(int field, std::int32_t v) { return tag(field, Lite::TYPE_INT32) + Lite::Int32Size(v); }
std::size_t int64_field(int field, std::int64_t v) { return tag(field, Lite::TYPE_INT64) + Lite::Int64Size(v); }
std::size_t uint32_field(int field, std::uint32_t v) { return tag(field, Lite::TYPE_UINT32) + Lite::UInt32Size(v); }
std::size_t uint64_field(int field, std::uint64_t v) { return tag(field, Lite::TYPE_UINT64) + Lite::UInt64Size(v); }
std::size_t sint32_field(int field, std::int32_t v) { return tag(field, Lite::TYPE_SINT32) + Lite::SInt32Size(v); }
std::size_t sint64_field(int field, std::int64_t v) { return tag(field, Lite::TYPE_SINT64) + Lite::SInt64Size(v); }
std::size_t bool_field(int field, bool) { return tag(field, Lite::TYPE_BOOL) + Lite::kBoolSize; }
std::size_t double_field(int field, double) { return tag(field, Lite::TYPE_DOUBLE) + Lite::kDoubleSize; }
std::size_t float_field(int field, float) { return tag(field, Lite::TYPE_FLOAT) + Lite::kFloatSize; }
std::size_t fixed32_field(int field, std::uint32_t) { return tag(field, Lite::TYPE_FIXED32) + Lite::kFixed32Size; }
std::size_t fixed64_field(int field, std::uint64_t) { return tag(field, Lite::TYPE_FIXED64) + Lite::kFixed64Size; }
std::size_t sfixed32_field(int field, std::int32_t) { return tag(field, Lite::TYPE_SFIXED32) + Lite::kSFixed32Size; }
std::size_t sfixed64_field(int field, std::int64_t) { return tag(field, Lite::TYPE_SFIXED64) + Lite::kSFixed64Size; }
std::size_t value_field(int field, const Value& v) { return length(field, value_body(v)); }
std::size_t value_entry(int field, std::string_view key, const Value& v) { return length(field, entry_body(key, v)); }

}  // namespace size

bool is_zero(std::string_view v) { return v.empty(); }
bool is_zero(double v) { return std::bit_cast<std::uint64_t>(v) == 0; }
bool is_zero(float v) { return std::bit_cast<std::uint32_t>(v) == 0; }

std::uint8_t* Writer::room(std::size_t n) {
  if (static_cast<std::size_t>(end_ - p_) < n) {
    throw std::logic_error("pgwidgets: a directly written message is longer than its size");
  }
  return p_;
}

void Writer::length(int field, std::size_t body) {
  std::uint8_t* p = room(size::length(field, body) - body);
  p = Lite::WriteTagToArray(field, Lite::WIRETYPE_LENGTH_DELIMITED, p);
  p_ = CodedOutputStream::WriteVarint64ToArray(body, p);
}

void Writer::string_field(int field, std::string_view v) {
  length(field, v.size());
  std::memcpy(room(v.size()), v.data(), v.size());
  p_ += v.size();
}

void Writer::bytes_field(int field, std::string_view v) { string_field(field, v); }

// Each scalar: room for the record as size:: counts it, then protobuf's writer.
#define PGW_SCALAR_WRITER(name, type, lite)                          \
  void Writer::name##_field(int field, type v) {                     \
    p_ = Lite::lite##ToArray(field, v, room(size::name##_field(field, v))); \
  }
PGW_SCALAR_WRITER(int32, std::int32_t, WriteInt32)
PGW_SCALAR_WRITER(int64, std::int64_t, WriteInt64)
PGW_SCALAR_WRITER(uint32, std::uint32_t, WriteUInt32)
PGW_SCALAR_WRITER(uint64, std::uint64_t, WriteUInt64)
PGW_SCALAR_WRITER(sint32, std::int32_t, WriteSInt32)
PGW_SCALAR_WRITER(sint64, std::int64_t, WriteSInt64)
PGW_SCALAR_WRITER(bool, bool, WriteBool)
PGW_SCALAR_WRITER(double, double, WriteDouble)
PGW_SCALAR_WRITER(float, float, WriteFloat)
PGW_SCALAR_WRITER(fixed32, std::uint32_t, WriteFixed32)
PGW_SCALAR_WRITER(fixed64, std::uint64_t, WriteFixed64)
PGW_SCALAR_WRITER(sfixed32, std::int32_t, WriteSFixed32)
PGW_SCALAR_WRITER(sfixed64, std::int64_t, WriteSFixed64)
#undef PGW_SCALAR_WRITER

void Writer::value_body(const Value& v) {
  std::visit(
      [this](const auto& x) {
        using T = std::decay_t<decltype(x)>;
        if constexpr (std::is_same_v<T, bool>) {
          bool_field(kBool, x);
        } else if constexpr (std::is_same_v<T, std::int64_t>) {
          int64_field(kInt, x);
        } else if constexpr (std::is_same_v<T, double>) {
          double_field(kDouble, x);
        } else if constexpr (std::is_same_v<T, std::string>) {
          string_field(kString, x);
        }
      },
      v.variant());
}

void Writer::value_field(int field, const Value& v) {
  length(field, wire::value_body(v));
  value_body(v);
}

void Writer::value_entry(int field, std::string_view key, const Value& v) {
  length(field, entry_body(key, v));
  string_field(kKey, key);
  length(kValue, wire::value_body(v));
  value_body(v);
}

}  // namespace pgw::detail::wire
