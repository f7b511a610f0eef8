// The test program's report: one JSON object per line on standard output,
// after the URL line, for every_widget.test.mjs to read as it arrives.
#pragma once

#include <string_view>

#include <boost/json/object.hpp>

namespace every_widget {

// Writes {"event": event, ...fields} as one line and flushes it.
void emit(std::string_view event, boost::json::object fields = {});

}  // namespace every_widget
