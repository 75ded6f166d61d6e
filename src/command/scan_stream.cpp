#include "command/scan_stream.h"

#include "command/partition_tracker.h"
#include "core/status_names.h"
#include "proto/message.h"
#include "proto/reply.h"

#include <aerospike/as_partition.h>
#include <aerospike/as_record.h>

namespace aeroshim {
namespace {

// The tracker keeps a resume point only for the partitions the command
// asked for (a partition filter's range): a record of any other partition
// is an answer the client cannot place, refused before it is delivered.
Status check_requested(const as_partition_tracker& pt, const as_digest& digest) {
  const uint32_t part_id = as_partition_getid(digest.value, kPartitionCount);
  const as_partitions_status* all = pt.parts_all;
  if (part_id >= all->part_begin && part_id < uint32_t{all->part_begin} + all->part_count)
    return Status::ok();
  return Status::error(AEROSPIKE_ERR_CLIENT,
                       "Record of partition {} is outside the requested partitions {}-{}", part_id,
                       all->part_begin, all->part_begin + all->part_count - 1);
}

// One record: keyed, bins decoded, handed to the callback, its digest kept.
Status deliver(ScanStream& s, const proto::Reply& reply) {
  as_record rec;
  as_record_init(&rec, 0);
  uint64_t bval = 0;
  Status st = proto::read_record_key(reply, &rec.key, &bval);
  as_record* target = &rec;
  if (st) st = proto::fill_record(reply, &target, s.deserialize);
  if (st && rec.key.digest.init) st = check_requested(s.pt, rec.key.digest);
  if (!st) {
    as_record_destroy(&rec);
    return st;
  }
  if (as_partition_tracker_reached_max_records_sync(&s.pt, &s.np)) {
    as_record_destroy(&rec);
    return Status::ok();
  }
  if (s.callback && !s.callback(reinterpret_cast<as_val*>(&rec), s.udata)) {
    as_record_destroy(&rec);
    return Status(AEROSPIKE_ERR_CLIENT_ABORT);
  }
  if (rec.key.digest.init) {
    if (s.query) {
      as_partition_tracker_set_last(&s.pt, &s.np, &rec.key.digest, bval, kPartitionCount);
    } else {
      as_partition_tracker_set_digest(&s.pt, &s.np, &rec.key.digest, kPartitionCount);
    }
  }
  as_record_destroy(&rec);
  return Status::ok();
}

}  // namespace

Status parse_scan_frame(ScanStream& s, const uint8_t* body, size_t size, bool& last) {
  const uint8_t* p = body;
  const uint8_t* end = body + size;
  while (p < end) {
    auto reply = proto::next_message(p, end);
    if (!reply) return reply.status();
    const auto code = static_cast<as_status>(reply->result_code);
    if (reply->info3 & proto::kInfo3Last) {
      last = true;
      if (code != AEROSPIKE_OK) return Status(code, status_name(code));
      return Status::ok();
    }
    if (reply->info3 & proto::kInfo3PartitionDone) {
      // The generation names the partition; a code says it was not read.
      if (code != AEROSPIKE_OK) tracker_part_unavailable(s.pt, s.np, reply->generation);
      continue;
    }
    if (code != AEROSPIKE_OK) {
      // A set the node does not have: nothing to read there.
      if (code == AEROSPIKE_ERR_RECORD_NOT_FOUND) {
        last = true;
        return Status::ok();
      }
      return Status(code, status_name(code));
    }
    if (Status delivered = deliver(s, *reply); !delivered) return delivered;
    if (s.round_failed.load(std::memory_order_relaxed)) return Status(AEROSPIKE_ERR_SCAN_ABORTED);
  }
  return Status::ok();
}

}  // namespace aeroshim
