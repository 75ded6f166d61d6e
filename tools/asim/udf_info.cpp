#include "udf_info.h"

#include "info_service.h"
#include "ops/base64.h"
#include "record/sha1.h"
#include "udf_lua.h"

#include <fmt/format.h>

#include <algorithm>

namespace asim::udf {
namespace {

// The server's parameter buffers: a value that does not fit is an error.
constexpr size_t kMaxFileName = 128;
constexpr size_t kMaxContentLen = 11;
constexpr size_t kMaxUdfType = 16;
constexpr size_t kMaxContent = size_t{1024} * 1024;

// A parameter as the server's as_info_parameter_get reads it into a buffer
// of `room` bytes: nullopt when missing or too long.
std::optional<std::string> bounded(const std::string& params, const char* key, size_t room) {
  auto v = param(params, key);
  if (!v || v->size() >= room) return std::nullopt;
  return v;
}

std::string b64(const std::string& raw) {
  std::string out(((raw.size() + 2) / 3) * 4, '\0');
  aeroshim::b64_encode(reinterpret_cast<const uint8_t*>(raw.data()),
                       static_cast<uint32_t>(raw.size()), out.data());
  return out;
}

// A JSON string as jansson writes it by default.
std::string json_string(const std::string& s) {
  std::string out = "\"";
  for (const char ch : s) {
    const auto c = static_cast<unsigned char>(ch);
    switch (c) {
      case '"': out += "\\\""; break;
      case '\\': out += "\\\\"; break;
      case '\b': out += "\\b"; break;
      case '\f': out += "\\f"; break;
      case '\n': out += "\\n"; break;
      case '\r': out += "\\r"; break;
      case '\t': out += "\\t"; break;
      default:
        if (c < 0x20) {
          out += fmt::format("\\u{:04x}", c);
        } else {
          out += ch;
        }
    }
  }
  return out + "\"";
}

// udf-list's hash: SHA-1 of the system-metadata value the server keeps for
// the module, the JSON object {"content64", "type", "name"} jansson writes.
std::string smd_hash(const std::string& name, const std::string& source) {
  const std::string value = fmt::format("{{\"content64\": {}, \"type\": \"LUA\", \"name\": {}}}",
                                        json_string(b64(source)), json_string(name));
  uint8_t digest[aeroshim::kSha1Size];
  aeroshim::sha1(reinterpret_cast<const uint8_t*>(value.data()), value.size(), digest);
  std::string hex;
  for (const uint8_t b : digest) hex += fmt::format("{:02x}", b);
  return hex;
}

bool digits(const std::string& s) {
  if (s.empty()) return false;
  for (const char c : s)
    if (c < '0' || c > '9') return false;
  return true;
}

std::string put(Modules& modules, const std::string& params) {
  const auto filename = bounded(params, "filename", kMaxFileName);
  if (!filename) return "error=invalid_filename";
  const size_t dot = filename->find('.');
  if (dot == std::string::npos || dot == 0 || dot + 1 == filename->size())
    return "error=invalid_filename";
  const auto content_len = bounded(params, "content-len", kMaxContentLen);
  if (!content_len) return "error=invalid_content_len";
  if (auto type = param(params, "udf-type");
      type && (type->size() >= kMaxUdfType || *type != "LUA"))
    return "error=invalid_udf_type";
  if (!digits(*content_len) || std::stoull(*content_len) > 0xFFFFFFFFull ||
      std::stoull(*content_len) % 4 != 0)
    return "error=invalid_content_len";
  const size_t len = std::stoull(*content_len);
  const auto content = param(params, "content");
  if (!content || content->size() != len) return "error=invalid_content";
  if (len / 4 * 3 > kMaxContent) return "error=invalid_udf_content_len,>1M";
  std::string source(len / 4 * 3, '\0');
  uint32_t size = 0;
  if (len != 0) {
    if (!aeroshim::b64_valid(content->data(), static_cast<uint32_t>(len)))
      return "error=invalid_base64_content";
    aeroshim::b64_decode(reinterpret_cast<const uint8_t*>(content->data()),
                         static_cast<uint32_t>(len), reinterpret_cast<uint8_t*>(source.data()),
                         &size);
  }
  source.resize(size);
  if (auto e = validate(*filename, source, modules)) {
    return fmt::format("error=compile_error;file={};line={};message={}", e->file, e->line,
                       b64(e->message));
  }
  if (modules.files.count(*filename) == 0 &&
      std::find(modules.order.begin(), modules.order.end(), *filename) == modules.order.end())
    modules.order.push_back(*filename);
  modules.files[*filename] = std::move(source);
  return "ok";
}

std::string list(const Modules& modules) {
  std::string out;
  for (const auto& name : modules.order) {
    auto it = modules.files.find(name);
    if (it != modules.files.end())
      out += fmt::format("filename={},hash={},type=LUA;", name, smd_hash(name, it->second));
  }
  return out;
}

std::string get(const Modules& modules, const std::string& params) {
  const auto filename = bounded(params, "filename", kMaxFileName);
  if (!filename) return "error=invalid_filename";
  auto it = modules.files.find(*filename);
  if (it == modules.files.end()) return "error=not_found";
  if (it->second.empty()) return "error=empty";
  return fmt::format("type=LUA;content={};", b64(it->second));
}

}  // namespace

std::optional<std::string> info_command(Modules& modules, const std::string& name,
                                        const std::string& params) {
  if (name == "udf-put") return put(modules, params);
  if (name == "udf-list") return list(modules);
  if (name == "udf-get") return get(modules, params);
  if (name == "udf-remove") {
    const auto filename = bounded(params, "filename", kMaxFileName);
    if (!filename) return "error=invalid_filename";
    // Removing a module that is not there is not an error (server 4.5.1 on).
    modules.files.erase(*filename);
    return "ok";
  }
  if (name == "udf-clear-cache") return "ok";
  return std::nullopt;
}

}  // namespace asim::udf
