#include "every_widget/report.hpp"

#include <cstdio>
#include <string>

#include <boost/json/serialize.hpp>

namespace every_widget {

void emit(std::string_view event, boost::json::object fields) {
  boost::json::object line;
  line["event"] = event;
  for (auto& [key, value] : fields) line[key] = std::move(value);
  const std::string text = boost::json::serialize(line);
  std::fwrite(text.data(), 1, text.size(), stdout);
  std::fputc('\n', stdout);
  std::fflush(stdout);
}

}  // namespace every_widget
