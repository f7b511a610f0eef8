#include "pgwidgets/message_parse.hpp"

#include <string>

#include <google/protobuf/message_lite.h>

#include "pgwidgets/errors.hpp"

namespace pgw::detail {

void parse_or_throw(google::protobuf::MessageLite& message, std::string_view bytes, const char* what) {
  if (!message.ParseFromArray(bytes.data(), static_cast<int>(bytes.size()))) {
    throw ProtocolError(std::string("pgwidgets: cannot decode ") + what);
  }
}

}  // namespace pgw::detail
