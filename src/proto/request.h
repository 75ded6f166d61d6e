// Single-record requests as 7.4.0 lays them out: the 8-byte proto header,
// the 22-byte message header, the key fields (namespace, set, digest, then
// the user key when the policy sends it), an optional filter expression,
// the UDF call of an apply, and the operations. encode() sizes the request exactly first, so it
// writes into a reused buffer with no allocation of its own; only list and
// map values are packed twice (once to size them, once in place).
#pragma once

#include "core/status.h"
#include "proto/frame.h"
#include "proto/message.h"
#include "proto/wire_buffer.h"
#include "proto/wire_writer.h"

#include <aerospike/as_bin.h>
#include <aerospike/as_exp.h>
#include <aerospike/as_key.h>
#include <aerospike/as_list.h>
#include <aerospike/as_operations.h>

#include <cstddef>
#include <cstdint>

namespace aeroshim::proto {

struct RequestHeader {
  uint8_t info1 = 0;
  uint8_t info2 = 0;
  uint8_t info3 = 0;
  uint8_t info4 = 0;
  uint32_t generation = 0;
  uint32_t record_ttl = 0;  // a TTL for writes, read_touch_ttl_percent for reads
  uint32_t server_timeout = 0;
};

// What to send. At most one of bins, names and ops is set.
struct Request {
  RequestHeader header;
  const as_key* key = nullptr;  // its digest already computed
  bool send_key = false;        // AS_POLICY_KEY_SEND: the user key goes along
  const as_exp* filter = nullptr;
  const as_bins* bins = nullptr;       // each written with a WRITE op (put)
  const char* const* names = nullptr;  // each read with a READ op (select)
  uint32_t name_count = 0;
  const as_binops* ops = nullptr;  // operate
  // A record UDF (apply): its fields follow the key's, and it has no ops.
  const char* udf_module = nullptr;
  const char* udf_function = nullptr;
  const as_list* udf_args = nullptr;  // NULL is sent as an empty argument field, as 7.4.0 does
};

// Encodes the whole frame into `out` and returns its size. Fails (with the
// message 7.4.0 gives) for a bin name over 15 bytes or a value type the
// wire cannot carry; `out` is then unspecified.
Result<size_t> encode(const Request& request, WireBuffer& out);

}  // namespace aeroshim::proto
