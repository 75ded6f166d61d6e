// Batch-index commands: one request carrying many single-record rows, each
// run through the record store and answered as its own message, the stream
// closed by a LAST message, as an Aerospike 8 server answers them.
#pragma once

#include "cluster.h"
#include "record_store.h"

#include <cstdint>
#include <string>
#include <string_view>

namespace asim::batch {

// Whether a message body (after its frame header) is a batch-index request.
bool is_batch(std::string_view body);

// The answer frames to the batch-index message `body` received by `node`.
// Compressed frames when the request asks for them (and they save bytes).
std::string serve(Cluster& cluster, RecordStore& store, size_t node, std::string_view body,
                  uint32_t now);

}  // namespace asim::batch
