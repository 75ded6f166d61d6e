#include "client/info_commands.h"

#include "cluster/node_view.h"
#include "info/info_error.h"
#include "net/address.h"
#include "net/info_connection.h"

#include <aerospike/as_cluster.h>

#include <cstdlib>
#include <cstring>

namespace aeroshim {
namespace {

std::chrono::milliseconds timeout_of(aerospike* as, const as_policy_info* policy) {
  const uint32_t ms = policy ? policy->timeout : as->config.policies.info.timeout;
  return std::chrono::milliseconds(ms ? ms : 1000);
}

// The request as 7.4.0 sends it: without send_as_is every ';', ':' and ','
// separates names (stock rewrites the caller's string; this a copy), and a
// missing final newline is added either way.
std::string request_body(aerospike* as, const as_policy_info* policy, const char* request) {
  std::string body = request;
  const bool as_is = policy ? policy->send_as_is : as->config.policies.info.send_as_is;
  if (!as_is)
    for (char& c : body)
      if (c == ';' || c == ':' || c == ',') c = '\n';
  if (!body.empty() && body.back() != '\n') body += '\n';
  return body;
}

// Every failure names the server the way 7.4.0 does: " from host:port" for
// a node, ", host:port" for a host.
Result<std::string> ask(const sockaddr_storage& address, const std::string& suffix,
                        std::chrono::milliseconds timeout, const std::string& body) {
  auto connection = InfoConnection::open(address, timeout);
  if (!connection)
    return Status(connection.status().code(), connection.status().message() + suffix);
  auto answer = connection->request(body, timeout);
  if (!answer) return Status(answer.status().code(), answer.status().message() + suffix);
  if (auto failure = find_info_error(*answer))
    return Status(failure->code, failure->message + suffix);
  return answer;
}

// 7.4.0 tries the next address or node after any failure but these.
bool ends_the_search(const Status& status) {
  switch (status.code()) {
    case AEROSPIKE_OK:
    case AEROSPIKE_ERR_TIMEOUT:
    case AEROSPIKE_ERR_INDEX_FOUND:
    case AEROSPIKE_ERR_INDEX_NOT_FOUND: return true;
    default: return false;
  }
}

}  // namespace

char* to_c_string(const std::string& text) {
  auto* out = static_cast<char*>(std::malloc(text.size() + 1));
  if (!out) return nullptr;
  std::memcpy(out, text.data(), text.size());
  out[text.size()] = '\0';
  return out;
}

Result<std::string> info_host(aerospike* as, const as_policy_info* policy, const char* host,
                              uint16_t port, const char* request) {
  auto addresses = resolve_host(host, port);
  if (!addresses) return addresses.status();
  Status last = Status::ok();
  for (const auto& address : *addresses) {
    auto answer = ask(address, ", " + address_to_string(address), timeout_of(as, policy),
                      request_body(as, policy, request));
    if (ends_the_search(answer.status())) return answer;
    last = answer.status();
  }
  return last;
}

Result<std::string> info_node(aerospike* as, const as_policy_info* policy, const as_node* node,
                              const char* request) {
  const as_address& address = node->addresses[node->address_index];
  return ask(address.addr, std::string(" from ") + address.name, timeout_of(as, policy),
             request_body(as, policy, request));
}

Result<std::string> info_any(aerospike* as, const as_policy_info* policy, const char* request) {
  if (!as->cluster) return Status::error(AEROSPIKE_ERR_CLIENT, "aerospike_info_any: not connected");
  as_nodes* nodes = as_nodes_reserve(as->cluster);
  std::vector<as_node*> active;
  for (uint32_t i = 0; i < nodes->size; ++i)
    if (node_is_active(nodes->array[i])) {
      as_node_reserve(nodes->array[i]);
      active.push_back(nodes->array[i]);
    }
  as_nodes_release(nodes);
  if (active.empty())
    return Status::error(AEROSPIKE_ERR_CLUSTER,
                         "aerospike_info_any: the cluster has no active node");
  // In the cluster's node order, as 7.4.0: the same request fails the same
  // way from run to run, and one dead node does not fail it.
  Result<std::string> answer = Status::error(AEROSPIKE_ERR_CLUSTER, "no node answered");
  for (as_node* node : active) {
    answer = info_node(as, policy, node, request);
    if (ends_the_search(answer.status())) break;
  }
  for (as_node* n : active) as_node_release(n);
  return answer;
}

Status info_foreach(aerospike* as, const as_policy_info* policy, const char* request,
                    aerospike_info_foreach_callback callback, void* udata) {
  if (!as->cluster)
    return Status::error(AEROSPIKE_ERR_CLIENT, "aerospike_info_foreach: not connected");
  as_nodes* nodes = as_nodes_reserve(as->cluster);
  Status status = Status::ok();
  for (uint32_t i = 0; i < nodes->size && status; ++i) {
    as_node* node = nodes->array[i];
    if (!node_is_active(node)) continue;
    auto answer = info_node(as, policy, node, request);
    if (!answer) {
      status = answer.status();
      break;
    }
    char* text = to_c_string(*answer);
    as_error err;
    as_error_reset(&err);
    const bool more = callback(&err, node, request, text, udata);
    std::free(text);
    if (!more)
      status = Status::error(AEROSPIKE_ERR_QUERY_ABORTED,
                             "aerospike_info_foreach: the callback stopped at node {}", node->name);
  }
  as_nodes_release(nodes);
  return status;
}

}  // namespace aeroshim
