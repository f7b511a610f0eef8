// Writing a message's records straight from C++ values, for the generated
// proxies (codegen/: cpp.DirectWriter): the rows of a table's set_data, the
// items of a tree's set_tree. Building protobuf message objects first costs
// an allocation per record and per string, and as much again to free them:
// for 100,000 rows of 10 cells, most of the server's time in set_data. Two
// passes with the same shape instead: `size::` adds up the encoding's
// length, then a Writer fills a buffer of exactly that length, with
// protobuf's own wire-format primitives (runtime/src/wire_writer.cpp).
// The bytes are what protobuf's serializer gives, map entries in the map's
// order.
#pragma once

#include <cstddef>
#include <cstdint>
#include <stdexcept>
#include <string>
#include <string_view>

#include "pgwidgets/value.hpp"

namespace pgw::detail::wire {

// The length of one record (its tag included).
namespace size {
std::size_t length(int field, std::size_t body);  // a length-delimited record of `body` bytes
std::size_t string_field(int field, std::string_view v);
std::size_t bytes_field(int field, std::string_view v);
std::size_t int32_field(int field, std::int32_t v);
std::size_t int64_field(int field, std::int64_t v);
std::size_t uint32_field(int field, std::uint32_t v);
std::size_t uint64_field(int field, std::uint64_t v);
std::size_t sint32_field(int field, std::int32_t v);
std::size_t sint64_field(int field, std::int64_t v);
std::size_t bool_field(int field, bool v);
std::size_t double_field(int field, double v);
std::size_t float_field(int field, float v);
std::size_t fixed32_field(int field, std::uint32_t v);
std::size_t fixed64_field(int field, std::uint64_t v);
std::size_t sfixed32_field(int field, std::int32_t v);
std::size_t sfixed64_field(int field, std::int64_t v);
std::size_t value_field(int field, const Value& v);  // a pgwidgets.Value record
std::size_t value_entry(int field, std::string_view key, const Value& v);  // a map<string, Value> entry
}  // namespace size

// proto3 writes a plain scalar field only when it is not its zero (a
// double's zero is +0.0 alone: -0.0 is written).
bool is_zero(std::string_view v);
bool is_zero(double v);
bool is_zero(float v);
template <class I>
  requires std::is_integral_v<I>
bool is_zero(I v) {
  return v == 0;
}

// Fills a buffer sized beforehand; writing past its end is a logic error.
class Writer {
 public:
  Writer(char* begin, char* end) : p_(reinterpret_cast<std::uint8_t*>(begin)), end_(reinterpret_cast<std::uint8_t*>(end)) {}

  // The tag and length of a length-delimited record; its body follows.
  void length(int field, std::size_t body);
  void string_field(int field, std::string_view v);
  void bytes_field(int field, std::string_view v);
  void int32_field(int field, std::int32_t v);
  void int64_field(int field, std::int64_t v);
  void uint32_field(int field, std::uint32_t v);
  void uint64_field(int field, std::uint64_t v);
  void sint32_field(int field, std::int32_t v);
  void sint64_field(int field, std::int64_t v);
  void bool_field(int field, bool v);
  void double_field(int field, double v);
  void float_field(int field, float v);
  void fixed32_field(int field, std::uint32_t v);
  void fixed64_field(int field, std::uint64_t v);
  void sfixed32_field(int field, std::int32_t v);
  void sfixed64_field(int field, std::int64_t v);
  void value_field(int field, const Value& v);
  void value_entry(int field, std::string_view key, const Value& v);

  bool at_end() const { return p_ == end_; }

 private:
  // Room for `n` more bytes, or a logic_error (the sizes and the writes disagree).
  std::uint8_t* room(std::size_t n);
  void value_body(const Value& v);

  std::uint8_t* p_;
  std::uint8_t* end_;
};

// The message `fill(writer)` writes, in a buffer of the `size` bytes the
// size:: functions added up for it.
template <class Fill>
std::string write_message(std::size_t size, Fill&& fill) {
  std::string out(size, '\0');
  Writer w(out.data(), out.data() + out.size());
  fill(w);
  if (!w.at_end()) throw std::logic_error("pgwidgets: a directly written message is shorter than its size");
  return out;
}

}  // namespace pgw::detail::wire
