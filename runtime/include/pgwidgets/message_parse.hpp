// Reading a protobuf message the generated proxies receive (a callback's
// arguments, a method's result, a recorded state): bytes that do not parse
// are a ProtocolError naming what they were for.
#pragma once

#include <string_view>

namespace google::protobuf {
class MessageLite;
}

namespace pgw::detail {

// Throws pgw::ProtocolError("pgwidgets: cannot decode <what>") when `bytes`
// is not a `message`.
void parse_or_throw(google::protobuf::MessageLite& message, std::string_view bytes, const char* what);

}  // namespace pgw::detail
