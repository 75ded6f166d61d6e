#include "cluster/query_validate.h"

#include "cluster/node_info.h"

#include <cerrno>
#include <chrono>
#include <climits>
#include <cstdlib>
#include <string>

namespace aeroshim {
namespace {

Deadline deadline_after(uint32_t timeout_ms) {
  if (timeout_ms == 0) return Deadline::max();
  return std::chrono::steady_clock::now() + std::chrono::milliseconds(timeout_ms);
}

// The key is the value of the answer's first "name\tvalue\n" line, read as
// strtoull reads base 16 (leading blanks, a sign or "0x" accepted, stopping
// at the first other character). The failure quotes the answer as 7.4.0
// does: cut at the newline ending that value when there is one.
Result<uint64_t> parse_cluster_key(const std::string& answer) {
  const size_t tab = answer.find('\t');
  const size_t end = tab == std::string::npos ? std::string::npos : answer.find('\n', tab + 1);
  if (end != std::string::npos) {
    const std::string value = answer.substr(tab + 1, end - tab - 1);
    errno = 0;
    const unsigned long long key = std::strtoull(value.c_str(), nullptr, 16);
    if (key != 0 && !(key == ULLONG_MAX && errno != 0)) return static_cast<uint64_t>(key);
  }
  return Status::error(AEROSPIKE_ERR_CLIENT, "Failed to parse cluster-stable results: {}",
                       answer.substr(0, end));
}

}  // namespace

Result<uint64_t> query_validate_begin(as_node* node, std::string_view ns, uint32_t timeout_ms) {
  std::string request = "cluster-stable:namespace=";
  request.append(ns);
  request += '\n';
  auto answer = node_info(node, request, deadline_after(timeout_ms));
  if (!answer) return answer.status();
  return parse_cluster_key(*answer);
}

Status query_validate(as_node* node, std::string_view ns, uint32_t timeout_ms,
                      uint64_t expected_key) {
  if (expected_key == 0) return Status::ok();
  auto key = query_validate_begin(node, ns, timeout_ms);
  if (!key) return key.status();
  if (*key != expected_key)
    return Status::error(AEROSPIKE_ERR_CLUSTER_CHANGE, "Cluster is in migration: {}, {}",
                         expected_key, *key);
  return Status::ok();
}

}  // namespace aeroshim
