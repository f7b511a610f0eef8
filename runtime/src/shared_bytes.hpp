// A large request's bytes, held once and shared: the widget store keeps
// the rows a list assignment takes as slices of them (list_element.hpp),
// and each browser's outflow cuts its chunks from them (outflow.hpp).
// SessionCore::call makes one for a request over the chunking threshold.
#pragma once

#include <memory>
#include <string>

namespace pgw::detail {

using SharedBytes = std::shared_ptr<const std::string>;

}  // namespace pgw::detail
