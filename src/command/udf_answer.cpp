#include "command/udf_answer.h"

#include "core/status_names.h"

#include <aerospike/as_string.h>

namespace aeroshim {
namespace {

// A FAILURE bin in an answer that says OK: the client's own error, with the
// text when there is one.
Status failure_in_success(const as_val* value) {
  if (!value) return Status(AEROSPIKE_ERR_CLIENT, "Received null FAILURE bin.");
  if (value->type == AS_STRING)
    return Status(AEROSPIKE_ERR_CLIENT, reinterpret_cast<const as_string*>(value)->value);
  return Status::error(AEROSPIKE_ERR_CLIENT, "Expected string for FAILURE bin. Received {}",
                       static_cast<int>(value->type));
}

}  // namespace

Status udf_failure(const proto::Reply& reply) {
  auto answer = proto::find_udf_answer(reply, true, false);
  if (!answer) return answer.status();
  const as_val* value = answer->value;
  Status failure = value && value->type == AS_STRING
                       ? Status(AEROSPIKE_ERR_UDF, reinterpret_cast<const as_string*>(value)->value)
                       : Status(AEROSPIKE_ERR_UDF, status_name(AEROSPIKE_ERR_UDF));
  as_val_destroy(const_cast<as_val*>(value));
  return failure;
}

Status success_or_failure(const proto::Reply& reply, as_val** result) {
  auto answer = proto::find_udf_answer(reply, false, result != nullptr);
  if (!answer) return answer.status();
  if (answer->bin == proto::UdfBin::kSuccess) {
    if (result) *result = answer->value;
    return Status::ok();
  }
  if (answer->bin == proto::UdfBin::kNone)
    return Status(AEROSPIKE_ERR_CLIENT, "Failed to find SUCCESS or FAILURE bin.");
  Status failure = failure_in_success(answer->value);
  as_val_destroy(answer->value);
  return failure;
}

}  // namespace aeroshim
