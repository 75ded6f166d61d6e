// The answer of one node's scan or query command, read frame by frame:
// records go to the callback and leave their digest (and a query's index
// value) as the resume point of their partition, partition-done markers
// with a code make their partition next-round work, and the LAST message
// ends the stream. Kept apart from the sending so that any bytes can be
// checked against it with no socket.
#pragma once

#include "core/status.h"

#include <aerospike/as_partition_tracker.h>
#include <aerospike/as_val.h>

#include <atomic>
#include <cstddef>
#include <cstdint>

namespace aeroshim {

using RecordCallback = bool (*)(const as_val* value, void* udata);

struct ScanStream {
  as_partition_tracker& pt;
  as_node_partitions& np;  // the partitions this node was asked for
  bool deserialize;
  bool query;  // resume points carry the index value too
  RecordCallback callback;
  void* udata;
  const std::atomic<bool>& round_failed;  // another node's command failed: stop
};

// Every message of one frame body; `last` is set when the stream ended.
Status parse_scan_frame(ScanStream& s, const uint8_t* body, size_t size, bool& last);

}  // namespace aeroshim
