// Scan and query requests as 7.4.0 lays them out (as_scan_command_init,
// as_query_command_init): the message header, then namespace, set,
// records-per-second, socket timeout and task id, a background UDF call, the
// filter expression, the partitions to read (ids little-endian, digests to
// resume after), the per-node record limit, and the bins to read or the
// operations to apply. Query-only fields (the index and its range) come as
// ready-made fields at their place.
#pragma once

#include "core/status.h"
#include "proto/message.h"
#include "proto/wire_buffer.h"

#include <aerospike/as_bin.h>
#include <aerospike/as_exp.h>
#include <aerospike/as_list.h>
#include <aerospike/as_operations.h>

#include <cstddef>
#include <cstdint>
#include <string>
#include <vector>

namespace aeroshim::proto {

struct ScanRequest {
  uint8_t info1 = 0;
  uint8_t info2 = 0;
  uint8_t info3 = 0;
  uint32_t record_ttl = 0;
  uint32_t total_timeout = 0;
  const char* ns = "";
  const char* set = "";
  uint32_t records_per_second = 0;
  uint32_t socket_timeout = 0;
  uint64_t task_id = 0;
  // Query fields, sent after the task id (index name, range, type, context).
  std::vector<Field> query_fields;
  // A background UDF: module and function set.
  const char* udf_module = nullptr;
  const char* udf_function = nullptr;
  const as_list* udf_args = nullptr;
  uint8_t udf_op = 2;  // 2: a background record UDF; 1: an aggregation
  const as_exp* filter = nullptr;
  std::vector<uint16_t> partitions;          // whole partitions
  std::vector<const uint8_t*> resume_after;  // 20-byte digests of partial partitions
  std::vector<uint64_t> resume_bvals;        // queries: the index value beside each digest
  uint64_t max_records = 0;
  const as_operations* ops = nullptr;  // ops, or else these bin names
  const char (*bin_names)[AS_BIN_NAME_MAX_SIZE] = nullptr;
  uint16_t n_bin_names = 0;
};

// Encodes the frame into `out` and returns its size.
Result<size_t> encode_scan(const ScanRequest& request, WireBuffer& out);

}  // namespace aeroshim::proto
