// What a UDF's answer means, read as 7.4.0 reads it
// (as_command_parse_success_failure): the result in bin SUCCESS, the
// error text in bin FAILURE. Shared by record UDFs and aggregations.
#pragma once

#include "core/status.h"
#include "proto/reply.h"

#include <aerospike/as_val.h>

namespace aeroshim {

// An answer that says OK: the SUCCESS value into *result (the caller's, on
// the heap; NULL result: not decoded); a FAILURE bin is AEROSPIKE_ERR_CLIENT
// with its text; neither is "Failed to find SUCCESS or FAILURE bin.".
Status success_or_failure(const proto::Reply& reply, as_val** result);

// An answer of AEROSPIKE_ERR_UDF: the FAILURE text is the message
// ("file:line: what").
Status udf_failure(const proto::Reply& reply);

}  // namespace aeroshim
