#include "cluster/node_info.h"

#include "cluster/node_table.h"
#include "info/info_error.h"
#include "net/connection_pool.h"
#include "net/info_connection.h"

namespace aeroshim {
namespace {

Status from_node(as_node* node, const Status& status) {
  return Status(status.code(), status.message() + " from " + as_node_get_address_string(node));
}

}  // namespace

Result<std::string> node_info(as_node* node, const std::string& body, Deadline deadline) {
  ConnectionPool* pool = node_object(node)->pool;
  if (!pool) return from_node(node, Status(AEROSPIKE_ERR_CLIENT, "the node has no connections"));
  auto connection = pool->checkout(deadline);
  if (!connection) return from_node(node, connection.status());
  auto answer = exchange_info(connection->connection(), body, deadline);
  if (!answer) {
    connection->discard();
    return from_node(node, answer.status());
  }
  connection->checkin();
  if (auto failure = find_info_error(*answer))
    return from_node(node, Status(failure->code, failure->message));
  return answer;
}

}  // namespace aeroshim
