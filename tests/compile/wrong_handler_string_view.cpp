// TextEntry's activated callback passes a std::string: a std::string_view
// parameter is a conversion, not the declared type, so it must not compile.
#include <pgwidgets/pgwidgets.hpp>

void f(pgw::TextEntry entry) {
  entry.on_activated([](std::string_view text) { (void)text; });
}
