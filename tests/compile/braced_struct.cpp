// A braced struct inside co_await (g++ 12 would free it twice) is refused
// at the calling line, by an error that says what to write.
#include <pgwidgets/pgwidgets.hpp>

// Any method taking one struct has this parameter type.
pgw::Task<> set_root(pgw::Named<pgw::TreeNode> root);

pgw::Task<> f() {
  co_await set_root({.text = "root"});  // <- the error
}
