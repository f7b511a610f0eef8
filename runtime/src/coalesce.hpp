// Reports of a latest value (callbacks marked `coalesce` in the schema:
// sizes, positions, drags) collapse within one received frame: of several
// for the same widget and callback, only the last runs, since it holds all
// that the earlier ones said.
#pragma once

#include <vector>

namespace pgwidgets {
class ClientFrame;
}

namespace pgw::detail {

// Per message of `frame`: true when a later message of the frame (from
// `first` on) supersedes it. Empty when nothing is superseded.
std::vector<bool> superseded_reports(const pgwidgets::ClientFrame& frame, int first);

}  // namespace pgw::detail
