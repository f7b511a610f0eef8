// Protobuf payloads for test schemas that have no generated message class
// (the tables' Op, Book and Node): fields written with protobuf's own
// varint coder, proto3-style (a zero or an empty string is left out unless
// the test asks to keep it).
#pragma once

#include <google/protobuf/io/coded_stream.h>

#include <cstdint>
#include <string>
#include <string_view>

namespace pgw::test {

inline void varint(std::string& out, std::uint64_t v) {
  std::uint8_t buf[16];
  const std::uint8_t* end = google::protobuf::io::CodedOutputStream::WriteVarint64ToArray(v, buf);
  out.append(reinterpret_cast<const char*>(buf), static_cast<std::size_t>(end - buf));
}

inline void int_field(std::string& out, int number, std::int64_t v) {
  if (v == 0) return;
  varint(out, static_cast<std::uint64_t>(number) << 3);
  varint(out, static_cast<std::uint64_t>(v));
}

inline void string_field(std::string& out, int number, std::string_view s, bool keep_empty = false) {
  if (s.empty() && !keep_empty) return;
  varint(out, (static_cast<std::uint64_t>(number) << 3) | 2);
  varint(out, s.size());
  out.append(s);
}

}  // namespace pgw::test
