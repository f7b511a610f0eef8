// Compares the widget packages a page was built with (its hello) with this
// program's, so a page built without a user's package, or with another
// version of it, is refused with a message naming the package.
#pragma once

#include <string>

#include "pgwidgets/protocol.pb.h"

namespace pgw::detail {

// "" when the page's user packages are exactly the program's (same names,
// same fingerprints); otherwise one sentence naming the first package that
// differs. The SDK's own package is checked with the protocol version.
std::string package_mismatch(const pgwidgets::ClientHello& hello);

}  // namespace pgw::detail
