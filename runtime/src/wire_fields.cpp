#include "wire_fields.hpp"

#include <google/protobuf/io/coded_stream.h>
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

}  // namespace pgw::detail
