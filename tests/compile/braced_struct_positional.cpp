// A braced struct without designators inside co_await is refused at the
// calling line too, by an error that says what to write.
#include <pgwidgets/pgwidgets.hpp>

pgw::Task<> set_root(pgw::Named<pgw::TreeNode> root);

pgw::Task<> f() {
  co_await set_root({"root"});  // <- the error
}
