// Answers to single-record requests: the message header, then fields the
// client skips, then one op per returned bin. Nothing is trusted: every
// count and size is checked against the bytes received before it is used,
// so a truncated or garbled answer is an AEROSPIKE_ERR_CLIENT naming what
// was wrong, never a read past the buffer.
#pragma once

#include "core/status.h"

#include <aerospike/as_record.h>

#include <cstddef>
#include <cstdint>

namespace aeroshim::proto {

struct Reply {
  uint8_t info3 = 0;
  uint8_t result_code = 0;
  uint32_t generation = 0;
  uint32_t record_ttl = 0;       // the server's void time
  uint32_t transaction_ttl = 0;  // in a batch answer: the row's index
  uint16_t n_fields = 0;
  uint16_t n_ops = 0;
  const uint8_t* fields = nullptr;  // first field
  const uint8_t* ops = nullptr;     // first op, after the fields
  const uint8_t* end = nullptr;     // end of the message
};

// Parses the body of a type-3 frame (what follows its 8-byte header).
Result<Reply> parse_reply(const uint8_t* body, size_t size);

// The next message of a multi-message body (batch, scan, query), its ops
// bounds-checked to find where it ends; `p` moves past it.
Result<Reply> next_message(const uint8_t*& p, const uint8_t* end);

// The key fields of a scan or query record (digest, namespace, set, user
// key) into `key`, whose strings end at their size; `bval` gets a query's
// index value when sent. A user key of a type keys cannot have is skipped.
Status read_record_key(const Reply& reply, as_key* key, uint64_t* bval);

// Replaces the bins of *rec with the reply's ops (allocating the record
// when *rec is NULL, as 7.4.0 does) and sets gen and ttl. Lists and maps are
// decoded unless `deserialize` is false (then kept as typed bytes). On
// failure a record this call allocated is freed and *rec is NULL again.
Status fill_record(const Reply& reply, as_record** rec, bool deserialize);

// Just the header part of a record: gen and ttl (exists, allocating as above).
Status fill_record_header(const Reply& reply, as_record** rec);

// Where a record UDF's answer is: its result in bin "SUCCESS", its error
// text in bin "FAILURE".
enum class UdfBin { kNone, kSuccess, kFailure };
struct UdfAnswer {
  UdfBin bin = UdfBin::kNone;
  as_val* value = nullptr;  // on the heap, the caller's; NULL when not decoded
};

// The first SUCCESS or FAILURE bin (only FAILURE when `failure_only`). A
// FAILURE value is always decoded, a SUCCESS one when `decode_success` (a
// caller that passed no result pointer gets nothing allocated).
Result<UdfAnswer> find_udf_answer(const Reply& reply, bool failure_only, bool decode_success);

}  // namespace aeroshim::proto
