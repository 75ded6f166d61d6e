#include "command/batch_stream.h"

#include "command/batch_single.h"
#include "core/status_names.h"
#include "proto/message.h"

namespace aeroshim {

Status store_batch_row(const BatchJob& job, const proto::Reply& reply, uint32_t sent,
                       std::atomic<bool>& error_row) {
  const uint32_t offset = reply.transaction_ttl;  // the row's index
  if (offset >= job.rows.size())
    return Status::error(AEROSPIKE_ERR_CLIENT, "Batch index {} >= batch size: {}", offset,
                         job.rows.size());
  const BatchSlot& slot = job.slots[offset];
  const auto code = static_cast<as_status>(reply.result_code);
  *slot.result = code;
  const bool has_write = job.rows[offset].attr.has_write;
  if (code == AEROSPIKE_OK || code == AEROSPIKE_ERR_UDF) {
    if (code == AEROSPIKE_ERR_UDF) {
      *slot.in_doubt = has_write && sent > 1;
      error_row.store(true, std::memory_order_relaxed);
    }
    // A UDF failure comes with its FAILURE bin.
    as_record* record = slot.record;
    return proto::fill_record(reply, &record, job.policy->deserialize);
  }
  if (is_error_row(code)) {
    *slot.in_doubt = has_write && sent > 1;
    error_row.store(true, std::memory_order_relaxed);
  }
  return Status::ok();
}

Status parse_batch_frame(const BatchJob& job, const uint8_t* body, size_t size, uint32_t sent,
                         std::atomic<bool>& error_row, bool& last) {
  const uint8_t* p = body;
  const uint8_t* end = body + size;
  while (p < end) {
    auto reply = proto::next_message(p, end);
    if (!reply) return reply.status();
    if (reply->info3 & proto::kInfo3Last) {
      last = true;
      if (reply->result_code != AEROSPIKE_OK)
        return Status(static_cast<as_status>(reply->result_code), status_name(reply->result_code));
      return Status::ok();
    }
    if (Status stored = store_batch_row(job, *reply, sent, error_row); !stored) return stored;
  }
  return Status::ok();
}

}  // namespace aeroshim
