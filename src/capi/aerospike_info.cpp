// extern "C" entry points of aerospike_info.h.
#include "client/info_commands.h"
#include "core/error.h"

#include <aerospike/aerospike_info.h>

using namespace aeroshim;

namespace {

// The checks every entry point shares: the error to fill, the object, the
// request and the result pointer.
as_status missing(as_error* err, const char* func, const char* what) {
  return write_error(err, Status::error(AEROSPIKE_ERR_PARAM, "{}: {} is NULL", func, what), func, __FILE__, __LINE__);
}

template <typename Body>
as_status answer_into(as_error* err, const char* func, char** res, Body&& body) {
  *res = nullptr;
  return guarded(err, func, [&]() -> Status {
    Result<std::string> answer = body();
    if (!answer) return answer.status();
    *res = to_c_string(*answer);
    if (!*res) return Status::error(AEROSPIKE_ERR_CLIENT, "{}: out of memory for the answer", func);
    return Status::ok();
  });
}

}  // namespace

extern "C" {

as_status aerospike_info_host(aerospike* as, as_error* err, const as_policy_info* policy, const char* hostname,
                              uint16_t port, const char* req, char** res) {
  as_error local;
  as_error* e = err ? err : &local;
  as_error_reset(e);
  if (!as) return missing(e, __func__, "as");
  if (!hostname) return missing(e, __func__, "hostname");
  if (!req) return missing(e, __func__, "req");
  if (!res) return missing(e, __func__, "res");
  return answer_into(e, __func__, res, [&] { return info_host(as, policy, hostname, port, req); });
}

as_status aerospike_info_node(aerospike* as, as_error* err, const as_policy_info* policy, as_node* node,
                              const char* req, char** res) {
  as_error local;
  as_error* e = err ? err : &local;
  as_error_reset(e);
  if (!as) return missing(e, __func__, "as");
  if (!node) return missing(e, __func__, "node");
  if (!req) return missing(e, __func__, "req");
  if (!res) return missing(e, __func__, "res");
  return answer_into(e, __func__, res, [&] { return info_node(as, policy, node, req); });
}

as_status aerospike_info_any(aerospike* as, as_error* err, const as_policy_info* policy, const char* req,
                             char** res) {
  as_error local;
  as_error* e = err ? err : &local;
  as_error_reset(e);
  if (!as) return missing(e, __func__, "as");
  if (!req) return missing(e, __func__, "req");
  if (!res) return missing(e, __func__, "res");
  return answer_into(e, __func__, res, [&] { return info_any(as, policy, req); });
}

as_status aerospike_info_foreach(aerospike* as, as_error* err, const as_policy_info* policy, const char* req,
                                 aerospike_info_foreach_callback callback, void* udata) {
  as_error local;
  as_error* e = err ? err : &local;
  as_error_reset(e);
  if (!as) return missing(e, __func__, "as");
  if (!req) return missing(e, __func__, "req");
  if (!callback) return missing(e, __func__, "callback");
  return guarded(e, __func__, [&] { return info_foreach(as, policy, req, callback, udata); });
}

}  // extern "C"
