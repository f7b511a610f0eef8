#include "wire_fields.hpp"

#include <google/protobuf/io/coded_stream.h>
#include <google/protobuf/io/zero_copy_stream_impl_lite.h>
#include <google/protobuf/wire_format_lite.h>

namespace pgw::detail {

std::optional<std::uint64_t> varint_field(std::string_view bytes, std::uint32_t number) {
  using google::protobuf::internal::WireFormatLite;
  google::protobuf::io::CodedInputStream in(reinterpret_cast<const std::uint8_t*>(bytes.data()),
                                            static_cast<int>(bytes.size()));
  std::optional<std::uint64_t> found;
  while (const std::uint32_t tag = in.ReadTag()) {
    if (static_cast<std::uint32_t>(WireFormatLite::GetTagFieldNumber(tag)) == number &&
        WireFormatLite::GetTagWireType(tag) == WireFormatLite::WIRETYPE_VARINT) {
      std::uint64_t v = 0;
      if (!in.ReadVarint64(&v)) return std::nullopt;
      found = v;  // the last one wins, as protobuf's parsers do
    } else if (!WireFormatLite::SkipField(&in, tag)) {
      return std::nullopt;
    }
  }
  return in.ConsumedEntireMessage() ? found : std::nullopt;
}

std::optional<std::string> string_field(std::string_view bytes, std::uint32_t number) {
  using google::protobuf::internal::WireFormatLite;
  google::protobuf::io::CodedInputStream in(reinterpret_cast<const std::uint8_t*>(bytes.data()),
                                            static_cast<int>(bytes.size()));
  std::string found;
  while (const std::uint32_t tag = in.ReadTag()) {
    if (static_cast<std::uint32_t>(WireFormatLite::GetTagFieldNumber(tag)) == number &&
        WireFormatLite::GetTagWireType(tag) == WireFormatLite::WIRETYPE_LENGTH_DELIMITED) {
      std::string v;
      if (!WireFormatLite::ReadString(&in, &v)) return std::nullopt;
      found = std::move(v);  // the last one wins
    } else if (!WireFormatLite::SkipField(&in, tag)) {
      return std::nullopt;
    }
  }
  if (!in.ConsumedEntireMessage()) return std::nullopt;
  return found;
}

std::string encode_string_field(std::uint32_t number, std::string_view value) {
  using google::protobuf::internal::WireFormatLite;
  std::string out;
  {
    google::protobuf::io::StringOutputStream stream(&out);
    google::protobuf::io::CodedOutputStream coded(&stream);
    coded.WriteTag(WireFormatLite::MakeTag(static_cast<int>(number), WireFormatLite::WIRETYPE_LENGTH_DELIMITED));
    coded.WriteVarint32(static_cast<std::uint32_t>(value.size()));
    coded.WriteRaw(value.data(), static_cast<int>(value.size()));
  }
  return out;
}

}  // namespace pgw::detail
