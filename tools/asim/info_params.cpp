#include "info_params.h"

#include <fmt/format.h>

namespace asim::info {

Param get(const std::string& params, std::string_view key, size_t buffer) {
  // A key matches only as the whole text since the last ';'; its value runs
  // to the next ';'.
  size_t token = 0;
  for (size_t i = 0; i < params.size(); ++i) {
    if (params[i] == ';') {
      token = i + 1;
      continue;
    }
    if (params[i] != '=' || std::string_view(params).substr(token, i - token) != key) continue;
    const size_t end = std::min(params.find(';', i + 1), params.size());
    Param p;
    p.value = params.substr(i + 1, end - i - 1);
    p.state = p.value.size() >= buffer ? ParamState::kTooLong
              : p.value.empty()        ? ParamState::kEmpty
                                       : ParamState::kOk;
    return p;
  }
  return {};
}

Param get_namespace_or_ns(const std::string& params, size_t buffer) {
  Param p = get(params, "namespace", buffer);
  return p.state == ParamState::kMissing ? get(params, "ns", buffer) : p;
}

std::string error(int code, std::string_view message) {
  if (code == 1) return fmt::format("ERROR::{}", message);
  return fmt::format("ERROR:{}:{}", code, message);
}

namespace {
int code_for(std::string_view key) { return key == "namespace" ? kErrNamespace : kErrParameter; }
}  // namespace

std::optional<std::string> optional_error(std::string_view key, const Param& p) {
  switch (p.state) {
    case ParamState::kMissing:
    case ParamState::kOk: return std::nullopt;
    case ParamState::kEmpty: return error(code_for(key), fmt::format("missing '{}' value", key));
    case ParamState::kTooLong: return error(code_for(key), fmt::format("'{}' value too long", key));
  }
  return std::nullopt;
}

std::optional<std::string> required_error(std::string_view key, const Param& p) {
  if (p.state == ParamState::kMissing)
    return error(code_for(key), fmt::format("missing '{}'", key));
  return optional_error(key, p);
}

}  // namespace asim::info
