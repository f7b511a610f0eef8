// How methods and options take lists and structs, safely under g++ 12.
//
// g++ 12 has two bugs with a braced argument written inside a co_await
// expression, e.g. `co_await split.set_sizes({140, 560})`:
//   - a std::initializer_list (what `{140, 560}` makes for a std::vector)
//     fails with "array used as initializer" at the coroutine's closing
//     brace, naming neither the call nor the cause;
//   - a braced aggregate temporary (a generated struct such as
//     pgw::Column{...}) is destroyed twice: a double free.
// So a method never takes std::vector or a struct directly:
//   pgw::List<T>  takes a braced list of values that are not structs
//                 (numbers, strings, pgw::Value, handles) inline: it is a
//                 class whose constructor takes the elements as arguments,
//                 so no initializer_list is made. A braced list of structs
//                 is refused at the calling line; name a std::vector first.
//   pgw::Named<T> takes a named struct (or map), or an rvalue of its type: a
//                 braced one is refused at the calling line.
//   pgw::ListView<T>  in an options struct (trivially destructible, see
//                 DESIGN.md): a view of a named container, copied when the
//                 options are passed; a braced list is refused.
// Each of them also takes an existing std::vector (or struct), moved in
// when given an rvalue, so a large payload is not copied on its way.
#pragma once

#include <concepts>
#include <cstddef>
#include <initializer_list>
#include <ranges>
#include <string>
#include <string_view>
#include <type_traits>
#include <utility>
#include <vector>

namespace pgw {
namespace detail {

// These concepts are always true; they exist for their names, which g++
// prints in the error at the calling line when a deleted constructor below
// is chosen: the message says what to write instead.
template <class T>
concept gxx12_frees_a_braced_list_of_structs_twice__declare_a_named_std_vector_and_pass_it = true;
template <class T>
concept gxx12_frees_a_braced_struct_twice__declare_a_named_variable_and_pass_it = true;
template <class T>
concept options_keep_no_list__declare_a_named_std_vector_and_pass_it = true;

// Takes any one brace element, so that the deleted constructor of Named
// that takes it is the one chosen for `{"root", ...}` (whose elements are
// the constructor's arguments) and its message is printed.
struct AnyBraced {
  AnyBraced() = default;
  template <class... A>
  AnyBraced(A&&...) {}
};

// What a braced list of T is made of: string literals for strings.
template <class T>
struct view_of {
  using type = T;
};
template <>
struct view_of<std::string> {
  using type = std::string_view;
};
template <class T>
using view_of_t = typename view_of<T>::type;

}  // namespace detail

// A list argument. Inline braces work for elements that are not aggregates:
//   co_await split.set_sizes({140, 560});
//   co_await box.set_items({"a", "b"});
// A list of structs is named first (g++ 12 frees a braced one twice):
//   std::vector<pgw::Column> columns{{.title = "a"}, {.title = "b"}};
//   co_await table.set_columns(std::move(columns));
template <class T>
class List {
 public:
  List() = default;
  List(std::vector<T> values) : values_(std::move(values)) {}

  // The elements themselves: {140, 560} calls this with two ints, and
  // makes no initializer_list (which g++ 12 cannot keep in a coroutine).
  template <class... A>
    requires(sizeof...(A) > 0 && !std::is_aggregate_v<T> && (std::constructible_from<T, A &&> && ...) &&
             !(sizeof...(A) == 1 && (std::same_as<std::remove_cvref_t<A>, std::vector<T>> && ...)))
  List(A&&... values) {
    values_.reserve(sizeof...(A));
    (values_.emplace_back(std::forward<A>(values)), ...);
  }

  // A braced list of structs: refused here, at the calling line.
  List(std::initializer_list<T>)
    requires std::is_aggregate_v<T> &&
             detail::gxx12_frees_a_braced_list_of_structs_twice__declare_a_named_std_vector_and_pass_it<T>
  = delete;

  std::size_t size() const { return values_.size(); }
  auto begin() { return values_.begin(); }
  auto end() { return values_.end(); }
  auto begin() const { return values_.begin(); }
  auto end() const { return values_.end(); }
  std::vector<T>& values() { return values_; }

 private:
  std::vector<T> values_;
};

// A struct (or map) argument, given as a named value or an rvalue of its
// type; a braced one is refused at the calling line:
//   pgw::TreeNode root{.text = "root"};
//   co_await tree.set_root(root);        // or std::move(root)
// Braces with designators are refused by g++ itself ("designated
// initializers cannot be used with a non-aggregate type 'pgw::Named<...>'"),
// braces without by the deleted constructor below.
template <class T>
class Named {
 public:
  template <class U>
    requires std::same_as<std::remove_cvref_t<U>, T>
  Named(U&& value) : value_(std::forward<U>(value)) {}

  // Chosen only for braces: {{...}} and {"root"} reach one of these (a T
  // prefers the template above, which needs no conversion).
  Named(const T&&) requires detail::gxx12_frees_a_braced_struct_twice__declare_a_named_variable_and_pass_it<T>
  = delete;
  Named(detail::AnyBraced, detail::AnyBraced = {}, detail::AnyBraced = {}, detail::AnyBraced = {},
        detail::AnyBraced = {}, detail::AnyBraced = {}, detail::AnyBraced = {}, detail::AnyBraced = {})
    requires detail::gxx12_frees_a_braced_struct_twice__declare_a_named_variable_and_pass_it<T>
  = delete;

  T& operator*() { return value_; }
  const T& operator*() const { return value_; }

 private:
  T value_;
};

// A read-only view of a named container in an options struct: two
// pointers, trivially destructible. The factory copies the elements before
// it returns, while the caller's container is alive.
template <class T>
class ListView {
 public:
  ListView() = default;

  template <std::ranges::input_range R>
    requires(!std::same_as<std::remove_cvref_t<R>, ListView> &&
             std::constructible_from<T, std::ranges::range_reference_t<const R&>>)
  ListView(const R& range) : range_(&range), copy_(&copy_range<R>) {}

  // A braced list: refused here, at the calling line.
  ListView(std::initializer_list<detail::view_of_t<T>>)
    requires detail::options_keep_no_list__declare_a_named_std_vector_and_pass_it<T>
  = delete;

  explicit operator bool() const { return range_ != nullptr; }

  std::vector<T> to_vector() const {
    std::vector<T> out;
    if (copy_ != nullptr) copy_(range_, out);
    return out;
  }

 private:
  template <class R>
  static void copy_range(const void* range, std::vector<T>& out) {
    for (auto&& item : *static_cast<const R*>(range)) out.emplace_back(item);
  }

  const void* range_ = nullptr;
  void (*copy_)(const void*, std::vector<T>&) = nullptr;
};

namespace detail {

// The value of a struct parameter or member, to be moved into a message.
template <class T>
T&& take(Named<T>& arg) {
  return std::move(*arg);
}
template <class T>
T&& take(T& value) {
  return std::move(value);
}

}  // namespace detail
}  // namespace pgw
