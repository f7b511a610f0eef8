// One element of a LIST state (state_ops.hpp): its message's bytes.
//
// An element has bytes of its own, or is a slice of the request that
// assigned the list. A set_data of 100,000 rows is then one copy of its
// request, not 100,000 strings: the store's copy had been 40 ms of
// allocations and first-touch page faults on the way to the page (bench
// "TreeView and TableView at 100,000 rows"). StateValue::settle_list gives
// the slices left their own bytes once fewer than half of the request's
// elements use it, so the list's memory follows what it holds now, not
// the requests it once held.
#pragma once

#include <string>
#include <string_view>

#include "shared_bytes.hpp"

namespace pgw::detail {

class ListElement {
 public:
  ListElement() = default;
  // Bytes of its own. Implicit, so that `list[i] = some_string` reads as
  // what it is.
  ListElement(std::string own)  // NOLINT(google-explicit-constructor)
      : holder_(std::make_shared<const std::string>(std::move(own))), bytes_(*holder_) {}
  explicit ListElement(std::string_view copied) : ListElement(std::string(copied)) {}
  // `slice` lies within `*whole`, which it keeps alive.
  ListElement(SharedBytes whole, std::string_view slice)
      : holder_(std::move(whole)), bytes_(slice) {}

  std::string_view bytes() const { return bytes_; }
  operator std::string_view() const { return bytes_; }  // NOLINT(google-explicit-constructor)
  std::size_t size() const { return bytes_.size(); }
  // Whether it is a slice of `whole`.
  bool slices(const SharedBytes& whole) const { return whole && holder_ == whole; }

  friend bool operator==(const ListElement& a, std::string_view b) { return a.bytes_ == b; }

 private:
  SharedBytes holder_;
  std::string_view bytes_;
};

}  // namespace pgw::detail
