// The protobuf wire format as the collection-state code reads it: fields
// of an encoded message by number, without its generated class (the state
// rules know field numbers only). Internal to state_*.cpp.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

namespace pgw::detail {

// One field of an encoded message, as the wire has it.
struct WireField {
  std::uint32_t number = 0;
  std::uint32_t type = 0;        // 0 varint, 1 fixed64, 2 length-delimited, 5 fixed32
  std::uint64_t varint = 0;      // type 0
  std::string_view bytes;        // type 2: the payload
  std::string_view raw;          // the whole field, tag included
};

// Reads the next field of `in`; false at the end. Throws
// std::invalid_argument on bytes that are not a message.
bool next_field(std::string_view& in, WireField& f);

void write_varint(std::string& out, std::uint64_t v);

// An int32 position field (absent: 0, as protobuf reads it); throws when
// the value is no int32.
int position(std::string_view args, std::uint16_t field);

// Throws std::invalid_argument unless `index` is a position of a list of
// `size` elements (0..size-1), or, to insert, 0..size.
void check_index(int index, std::size_t size, bool insert);

}  // namespace pgw::detail
