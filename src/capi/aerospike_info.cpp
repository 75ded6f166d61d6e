// extern "C" entry points of aerospike_info.h.
#include "client/info_commands.h"
#include "core/error.h"

#include <aerospike/aerospike_info.h>

using namespace aeroshim;

namespace {

// Hands an answer to the C caller as malloc'd text in *res.
Status deliver(Result<std::string> answer, char** res) {
  if (!answer) return answer.status();
  *res = to_c_string(*answer);
  if (*res == nullptr)
    return Status::error(AEROSPIKE_ERR_CLIENT, "out of memory for the info answer");
  return Status::ok();
}

}  // namespace

extern "C" {

as_status aerospike_info_host(aerospike* as, as_error* err, const as_policy_info* policy,
                              const char* hostname, uint16_t port, const char* req, char** res) {
  return guard(err, {{as, "as"}, {hostname, "hostname"}, {req, "req"}, {res, "res"}}, [&] {
    *res = nullptr;
    return deliver(info_host(as, policy, hostname, port, req), res);
  });
}

as_status aerospike_info_node(aerospike* as, as_error* err, const as_policy_info* policy,
                              as_node* node, const char* req, char** res) {
  return guard(err, {{as, "as"}, {node, "node"}, {req, "req"}, {res, "res"}}, [&] {
    *res = nullptr;
    return deliver(info_node(as, policy, node, req), res);
  });
}

as_status aerospike_info_any(aerospike* as, as_error* err, const as_policy_info* policy,
                             const char* req, char** res) {
  return guard(err, {{as, "as"}, {req, "req"}, {res, "res"}}, [&] {
    *res = nullptr;
    return deliver(info_any(as, policy, req), res);
  });
}

as_status aerospike_info_foreach(aerospike* as, as_error* err, const as_policy_info* policy,
                                 const char* req, aerospike_info_foreach_callback callback,
                                 void* udata) {
  return guard(err, {{as, "as"}, {req, "req"}, {callback, "callback"}},
               [&] { return info_foreach(as, policy, req, callback, udata); });
}

}  // extern "C"
