#include "client/udf_modules.h"

#include "client/info_commands.h"
#include "core/error.h"
#include "ops/base64.h"
#include "record/sha1.h"
#include "value/text.h"

#include <aerospike/as_cluster.h>

#include <chrono>
#include <cstdlib>
#include <cstring>
#include <string>
#include <string_view>
#include <thread>
#include <vector>

namespace aeroshim {
namespace {

constexpr uint32_t kDefaultWaitIntervalMs = 1000;

struct ListedFile {
  std::string_view name, hash;
};

// udf-list's value: "filename=N,hash=H,type=T;" per module. Like 7.4.0, an
// entry counts once its ';' is seen, and a value ends at ',', ';' or '='.
std::vector<ListedFile> parse_udf_list(std::string_view value) {
  std::vector<ListedFile> files;
  ListedFile current;
  size_t token = 0;
  for (size_t i = 0; i < value.size(); ++i) {
    const char c = value[i];
    if (c != '=' && c != ',' && c != ';') continue;
    if (c == '=') {
      const std::string_view key = value.substr(token, i - token);
      const size_t end = value.find_first_of("=,;", i + 1);
      const std::string_view v =
          value.substr(i + 1, end == std::string_view::npos ? end : end - i - 1);
      if (key == "filename") current.name = v;
      if (key == "hash") current.hash = v;
      token = i + 1;
      continue;
    }
    token = i + 1;
    if (c == ';') {
      files.push_back(current);
      current = ListedFile{};
    }
  }
  return files;
}

// What follows the first tab of an answer, the body 7.4.0 parses.
Result<std::string_view> answer_body(const std::string& answer, const char* command) {
  const size_t tab = answer.find('\t');
  if (tab == std::string::npos)
    return Status::error(AEROSPIKE_ERR_PARAM, "Invalid {} response: {}", command, answer);
  return std::string_view(answer).substr(tab + 1);
}

void copy_text(char* target, std::string_view text, size_t size) {
  const size_t n = text.size() < size - 1 ? text.size() : size - 1;
  std::memcpy(target, text.data(), n);
  target[n] = '\0';
}

void fill_listed(as_udf_file& file, const ListedFile& listed) {
  copy_text(file.name, listed.name, AS_UDF_FILE_NAME_SIZE);
  copy_text(reinterpret_cast<char*>(file.hash), listed.hash, AS_UDF_FILE_HASH_SIZE + 1);
  file.type = AS_UDF_TYPE_LUA;
  file.content = {};
  file._free = false;
}

bool node_lists(aerospike* as, const as_policy_info* policy, as_node* node,
                const std::string& filter) {
  auto answer = info_node(as, policy, node, "udf-list");
  return answer && answer->find(filter) != std::string::npos;
}

// Polls every node until `done` holds for all of them. A put needs nodes
// (none is not done); a remove is done on a node that does not answer.
template <typename Done>
void poll_nodes(aerospike* as, uint32_t interval_ms, bool need_nodes, Done&& done) {
  const auto interval =
      std::chrono::milliseconds(interval_ms ? interval_ms : kDefaultWaitIntervalMs);
  for (;;) {
    std::this_thread::sleep_for(interval);
    as_nodes* nodes = as_nodes_reserve(as->cluster);
    bool all = !(need_nodes && nodes->size == 0);
    for (uint32_t i = 0; i < nodes->size && all; ++i) all = done(nodes->array[i]);
    as_nodes_release(nodes);
    if (all) return;
  }
}

Status require_cluster(aerospike* as, const char* function) {
  if (as->cluster) return Status::ok();
  return Status::error(AEROSPIKE_ERR_CLIENT, "{}: not connected", function);
}

}  // namespace

Status udf_list(aerospike* as, const as_policy_info* policy, as_udf_files* files) {
  auto answer = info_any(as, policy, "udf-list");
  if (!answer) return answer.status();
  auto body = answer_body(*answer, "udf-list");
  if (!body) return body.status();
  const std::vector<ListedFile> listed = parse_udf_list(*body);
  if (files->capacity > 0 && files->entries == nullptr)
    return Status::error(AEROSPIKE_ERR_PARAM, "files has capacity {} but no entries",
                         files->capacity);
  if (files->capacity == 0 && files->entries == nullptr) {
    files->entries =
        listed.empty()
            ? nullptr
            : static_cast<as_udf_file*>(std::malloc(sizeof(as_udf_file) * listed.size()));
    if (!listed.empty() && !files->entries)
      return Status::error(AEROSPIKE_ERR_CLIENT, "out of memory for {} udf files", listed.size());
    files->capacity = static_cast<uint32_t>(listed.size());
  }
  const uint32_t limit =
      listed.size() < files->capacity ? static_cast<uint32_t>(listed.size()) : files->capacity;
  for (uint32_t i = 0; i < limit; ++i) fill_listed(files->entries[i], listed[i]);
  files->size = limit;
  return Status::ok();
}

Status udf_get(aerospike* as, const as_policy_info* policy, const char* filename, as_udf_type,
               as_udf_file* file) {
  const std::string command = std::string("udf-get:filename=") + filename + ";";
  auto answer = info_any(as, policy, command.c_str());
  if (!answer) return answer.status();
  auto body = answer_body(*answer, "udf-get");
  if (!body) return body.status();
  const size_t at = body->find("content=");
  if (at == std::string_view::npos)
    return Status::error(AEROSPIKE_ERR_PARAM, "Invalid udf-get response: {}", *answer);
  std::string_view encoded = body->substr(at + 8);
  encoded = encoded.substr(0, encoded.find(';'));
  const auto length = static_cast<uint32_t>(encoded.size());
  if (length && !b64_valid(encoded.data(), length))
    return Status::error(AEROSPIKE_ERR_PARAM,
                         "Invalid udf-get response: content of {} is not base64", filename);
  auto* bytes = static_cast<uint8_t*>(std::malloc(length / 4 * 3 + 1));
  if (!bytes) return Status::error(AEROSPIKE_ERR_CLIENT, "out of memory for {}", filename);
  uint32_t size = 0;
  if (length) b64_decode(reinterpret_cast<const uint8_t*>(encoded.data()), length, bytes, &size);
  uint8_t digest[kSha1Size];
  sha1(bytes, size, digest);
  for (size_t i = 0; i < kSha1Size; ++i)
    std::snprintf(reinterpret_cast<char*>(file->hash) + 2 * i, 3, "%02x", digest[i]);
  copy_truncated(file->name, filename, AS_UDF_FILE_NAME_SIZE);
  file->type = AS_UDF_TYPE_LUA;
  // Whatever the file held is overwritten, not freed, as 7.4.0 does: a file
  // the caller never initialized holds garbage there.
  file->content = {bytes, size, size, true};
  return Status::ok();
}

Status udf_put(aerospike* as, const as_policy_info* policy, const char* filename, as_udf_type type,
               const as_bytes* content) {
  if (type != AS_UDF_TYPE_LUA)
    return Status::error(AEROSPIKE_ERR_PARAM, "Invalid udf type: {}", static_cast<int>(type));
  as_string base;
  const char* name = basename_of(&base, filename);
  const uint32_t encoded_size = (content->size + 2) / 3 * 4;
  std::string command = std::string("udf-put:filename=") + name + ";content=";
  as_string_destroy(&base);
  const size_t content_at = command.size();
  command.resize(content_at + encoded_size);
  b64_encode(content->value, content->size, &command[content_at]);
  command += ";content-len=" + std::to_string(encoded_size) + ";udf-type=LUA;";
  auto answer = info_any(as, policy, command.c_str());
  return answer ? Status::ok() : answer.status();
}

Status udf_remove(aerospike* as, const as_policy_info* policy, const char* filename) {
  const std::string command = std::string("udf-remove:filename=") + filename + ";";
  auto answer = info_any(as, policy, command.c_str());
  return answer ? Status::ok() : answer.status();
}

Status udf_put_wait(aerospike* as, const as_policy_info* policy, const char* filename,
                    uint32_t interval_ms) {
  if (Status st = require_cluster(as, "aerospike_udf_put_wait"); !st) return st;
  // The module is listed under the base name put registered it by; 7.4.0
  // looks for the name as given, and waits forever when that is a path.
  as_string base;
  const std::string filter = std::string("filename=") + basename_of(&base, filename);
  as_string_destroy(&base);
  poll_nodes(as, interval_ms, true,
             [&](as_node* node) { return node_lists(as, policy, node, filter); });
  return Status::ok();
}

Status udf_remove_wait(aerospike* as, const as_policy_info* policy, const char* filename,
                       uint32_t interval_ms) {
  if (Status st = require_cluster(as, "aerospike_udf_remove_wait"); !st) return st;
  const std::string filter = std::string("filename=") + filename;
  poll_nodes(as, interval_ms, false, [&](as_node* node) {
    auto answer = info_node(as, policy, node, "udf-list");
    return !answer || answer->find(filter) == std::string::npos;
  });
  return Status::ok();
}

}  // namespace aeroshim
