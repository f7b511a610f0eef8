// on_connect handlers take the Session: one taking nothing must not compile.
#include <pgwidgets/pgwidgets.hpp>

void f(pgw::Application& app) {
  app.on_connect([]() -> pgw::Task<> { co_return; });
}
