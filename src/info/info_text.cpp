#include "info/info_text.h"

#include <cstring>

namespace aeroshim {

std::string build_info_request(const std::vector<std::string>& names) {
  std::string body;
  for (const std::string& name : names) {
    body += name;
    body += '\n';
  }
  return body;
}

const std::string* InfoResponse::find(std::string_view name) const {
  for (const auto& [entry_name, value] : entries) {
    if (entry_name == name) return &value;
  }
  return nullptr;
}

InfoResponse parse_info_response(std::string_view body) {
  InfoResponse response;
  while (!body.empty()) {
    size_t end = body.find('\n');
    std::string_view line = body.substr(0, end);
    body = end == std::string_view::npos ? std::string_view() : body.substr(end + 1);
    size_t tab = line.find('\t');
    if (tab == std::string_view::npos) {
      response.entries.emplace_back(std::string(line), std::string());
    } else {
      response.entries.emplace_back(std::string(line.substr(0, tab)),
                                    std::string(line.substr(tab + 1)));
    }
  }
  return response;
}

bool is_info_error(std::string_view value) {
  return value.rfind("ERROR", 0) == 0 || value.rfind("FAIL", 0) == 0;
}

as_status split_single_response(char* values, char** value) {
  char* tab = std::strchr(values, '\t');
  if (!tab) return AEROSPIKE_ERR_CLIENT;
  *value = tab + 1;
  char* end = std::strchr(tab + 1, '\n');
  if (!end) return AEROSPIKE_ERR_CLIENT;
  *end = '\0';
  return AEROSPIKE_OK;
}

}  // namespace aeroshim
