// Batch-index requests as 7.4.0 lays them out for servers with batch-any
// (6.0 and later): one message with info1 BATCH_INDEX, the parent filter
// expression, then the BATCH_INDEX field: the row count, the flags byte and
// per row its index, its digest and either "repeat the previous row" or the
// row in full (attribute bytes, its namespace and set, its own filter
// expression and user key, then bin names, operations or a UDF call).
#pragma once

#include "core/status.h"
#include "proto/wire_buffer.h"

#include <aerospike/as_exp.h>
#include <aerospike/as_key.h>
#include <aerospike/as_list.h>
#include <aerospike/as_operations.h>

#include <cstddef>
#include <cstdint>

namespace aeroshim::proto {

// The batch flags byte.
inline constexpr uint8_t kBatchAllowInline = 1;
inline constexpr uint8_t kBatchAllowInlineSsd = 2;
inline constexpr uint8_t kBatchRespondAllKeys = 4;
inline constexpr uint8_t kBatchAlways = 8;  // always set by 7.4.0

enum class BatchRowKind : uint8_t { kRead = 0, kWrite = 1, kApply = 2, kRemove = 3 };

// The per-row header bits of 7.4.0's as_batch_attr.
struct BatchRowAttr {
  uint8_t read_attr = 0;
  uint8_t write_attr = 0;
  uint8_t info_attr = 0;
  uint8_t txn_attr = 0;
  uint16_t generation = 0;
  uint32_t ttl = 0;  // a write's TTL, a read's read_touch_ttl_percent
  const as_exp* filter = nullptr;
  bool has_write = false;
  bool send_key = false;
};

struct BatchRow {
  const as_key* key = nullptr;  // digest computed
  BatchRowKind kind = BatchRowKind::kRead;
  BatchRowAttr attr;
  const char* const* bin_names = nullptr;  // a read of these bins
  uint32_t n_bin_names = 0;
  const as_operations* ops = nullptr;  // a read or write of these operations
  const char* module = nullptr;        // an apply
  const char* function = nullptr;
  const as_list* arglist = nullptr;
  // What decides whether a row may be sent as "repeat the previous": rows
  // of the same kind, namespace and set whose `shape` pointers are equal
  // (the stock client compares its policy, bins, ops and UDF pointers),
  // unless the row may not repeat (its user key goes along).
  const void* shape[4] = {nullptr, nullptr, nullptr, nullptr};
  bool read_all_bins = false;
  bool may_repeat = true;
};

struct BatchHeader {
  uint32_t total_timeout = 0;
  const as_exp* filter = nullptr;  // the parent's
  uint8_t flags = kBatchAlways;
  bool compress_answer = false;
};

// Encodes the rows rows[offsets[0..count)] into one frame in `out` and
// returns its size. Each row goes with its offset as its index. Fails with
// 7.4.0's message for a bin name over 15 bytes, a value the wire cannot
// carry or a read row with a write operation.
Result<size_t> encode_batch(const BatchHeader& header, const BatchRow* rows,
                            const uint32_t* offsets, size_t count, WireBuffer& out);

}  // namespace aeroshim::proto
