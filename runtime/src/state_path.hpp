// StatePath: a tree node's path, a set member's key (state_ops.hpp), held
// as one string.
//
// A 100,000-node tree keeps one path per node as its std::map key. As a
// std::vector<std::string> each cost a vector and a string per part (about
// 90 bytes for a two-part path, and an allocation per part past 15 bytes);
// here the parts are encoded into one string, which a short path keeps in
// place (std::string's small buffer). The encoding keeps the order and the
// prefixes of the parts:
//   - each part is followed by the two bytes 00 01;
//   - a zero byte within a part is written 00 FF.
// So comparing two encodings byte by byte (std::string compares as
// unsigned char) orders paths as std::vector<std::string> did (part by
// part, a path before its descendants), and a node's descendants are the
// encodings that start with its own: they follow it in a std::map.
#pragma once

#include <cstddef>
#include <compare>
#include <initializer_list>
#include <iterator>
#include <string>
#include <string_view>

namespace pgw::detail {

class StatePath {
 public:
  StatePath() = default;
  StatePath(std::initializer_list<std::string_view> parts) {  // NOLINT(google-explicit-constructor)
    for (std::string_view p : parts) push_back(p);
  }
  template <std::input_iterator It>
  StatePath(It first, It last) {
    for (; first != last; ++first) push_back(*first);
  }

  // The parts in order, each decoded (a new string).
  class const_iterator {
   public:
    using iterator_category = std::forward_iterator_tag;
    using value_type = std::string;
    using difference_type = std::ptrdiff_t;
    using pointer = void;
    using reference = std::string;

    const_iterator() = default;
    std::string operator*() const { return decode(rest_.substr(0, part_end(rest_))); }
    const_iterator& operator++() {
      rest_.remove_prefix(part_end(rest_) + 2);
      return *this;
    }
    const_iterator operator++(int) {
      auto was = *this;
      ++*this;
      return was;
    }
    friend bool operator==(const const_iterator& a, const const_iterator& b) {
      return a.rest_.data() == b.rest_.data() && a.rest_.size() == b.rest_.size();
    }

   private:
    friend class StatePath;
    explicit const_iterator(std::string_view rest) : rest_(rest) {}
    std::string_view rest_;
  };

  const_iterator begin() const { return const_iterator(encoded_); }
  const_iterator end() const { return const_iterator(std::string_view(encoded_).substr(encoded_.size())); }

  bool empty() const { return encoded_.empty(); }
  // The number of parts (a scan: paths are short).
  std::size_t size() const {
    std::size_t n = 0;
    for (std::size_t i = 0; i + 1 < encoded_.size(); ++i) {
      if (encoded_[i] == '\0' && encoded_[i + 1] == '\1') ++n, ++i;
    }
    return n;
  }
  // The first part (the path must not be empty). A copy, const so that
  // `p.front() = x` does not compile: use with_front.
  const std::string front() const { return *begin(); }
  // The path with its first part replaced by `part` (the path must not be empty).
  StatePath with_front(std::string_view part) const {
    StatePath p;
    p.push_back(part);
    p.encoded_.append(encoded_, part_end(encoded_) + 2);
    return p;
  }
  // The last part (the path must not be empty). A copy, const so that
  // `p.back() = x` does not compile: use pop_back and push_back.
  const std::string back() const { return decode(std::string_view(encoded_).substr(last_start(), encoded_.size() - 2 - last_start())); }

  void push_back(std::string_view part) {
    if (part.find('\0') == std::string_view::npos) {
      encoded_.append(part);
    } else {
      for (char c : part) {
        encoded_ += c;
        if (c == '\0') encoded_ += '\xff';
      }
    }
    encoded_.append("\0\1", 2);
  }
  void emplace_back(std::string_view part) { push_back(part); }
  // Drops the last part (the path must not be empty).
  void pop_back() { encoded_.resize(last_start()); }
  // The path without its last part (the path must not be empty).
  StatePath parent() const {
    StatePath p;
    p.encoded_ = encoded_.substr(0, last_start());
    return p;
  }
  // Whether this path is `p` or under it.
  bool starts_with(const StatePath& p) const { return std::string_view(encoded_).starts_with(p.encoded_); }
  // Whether this path is strictly under `p` (a descendant's).
  bool is_under(const StatePath& p) const {
    return encoded_.size() > p.encoded_.size() && std::string_view(encoded_).starts_with(p.encoded_);
  }

  friend bool operator==(const StatePath&, const StatePath&) = default;
  friend std::strong_ordering operator<=>(const StatePath& a, const StatePath& b) {
    const int c = a.encoded_.compare(b.encoded_);
    return c < 0 ? std::strong_ordering::less : c > 0 ? std::strong_ordering::greater : std::strong_ordering::equal;
  }

 private:
  // Where the part that ends at `s`'s first terminator ends.
  static std::size_t part_end(std::string_view s) {
    std::size_t i = 0;
    while (!(s[i] == '\0' && s[i + 1] == '\1')) i += s[i] == '\0' ? 2 : 1;
    return i;
  }
  static std::string decode(std::string_view part) {
    std::string out;
    out.reserve(part.size());
    for (std::size_t i = 0; i < part.size(); ++i) {
      out += part[i];
      if (part[i] == '\0') ++i;  // its FF
    }
    return out;
  }
  // Where the last part starts: after the terminator before the last one.
  // A zero byte is always the first of a pair (00 01 or 00 FF), so a
  // 00 01 found from the end is a terminator.
  std::size_t last_start() const {
    for (std::size_t i = encoded_.size() - 2; i >= 2; --i) {
      if (encoded_[i - 2] == '\0' && encoded_[i - 1] == '\1') return i;
    }
    return 0;
  }

  std::string encoded_;
};

}  // namespace pgw::detail
