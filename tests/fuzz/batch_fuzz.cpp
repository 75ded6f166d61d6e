// libFuzzer target for the batch-index answer: a request of N rows (N, which
// rows write, deserialization and the send count come from the first two
// bytes) answered by any stream of frames (8-byte header, then the body
// its size names, cut at the input's end). Indexes out of range, repeated
// indexes, rows never answered, a LAST message missing or followed by more:
// every row's result must be the code of the last message that named it
// (or NO_RESPONSE), with no read past the input, no leak, and a failed row
// always reported.
#include "command/batch_stream.h"

#include "proto/byte_order.h"
#include "proto/message.h"
#include "proto/reply.h"

#include <aerospike/as_policy.h>
#include <aerospike/as_record.h>

#include <atomic>
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <memory>
#include <vector>

using namespace aeroshim;

namespace {

void check(bool ok) {
  if (!ok) abort();
}

struct Rows {
  std::vector<as_status> results;
  std::vector<as_record> records;
  std::unique_ptr<bool[]> in_doubt;  // vector<bool> has no addressable elements
  as_policy_batch policy{};
  BatchJob job;

  Rows(uint32_t n, uint8_t writes, bool deserialize)
      : results(n, AEROSPIKE_NO_RESPONSE), records(n), in_doubt(new bool[n]()) {
    policy.deserialize = deserialize;
    job.policy = &policy;
    job.rows.resize(n);
    for (uint32_t i = 0; i < n; ++i) {
      as_record_init(&records[i], 0);
      job.rows[i].attr.has_write = i < 8 && ((writes >> i) & 1);
      job.slots.push_back(BatchSlot{&results[i], &records[i], &in_doubt[i]});
    }
  }
  ~Rows() {
    for (auto& r : records) as_record_destroy(&r);
  }
};

// A row answered OK (or with a UDF error and its FAILURE bin) whose bins
// cannot be decoded ends the stream after setting its code.
bool bins_decode(const proto::Reply& reply, bool deserialize) {
  const auto code = static_cast<as_status>(reply.result_code);
  if (code != AEROSPIKE_OK && code != AEROSPIKE_ERR_UDF) return true;
  as_record* rec = nullptr;
  if (!proto::fill_record(reply, &rec, deserialize).is_ok()) return false;
  as_record_destroy(rec);
  return true;
}

// What the rows' results must be after one frame: each message before
// LAST sets its row's code, and reading stops at an index past the rows,
// at a message that does not parse or at bins that do not decode. False
// once the stream has ended.
bool expect_frame(const uint8_t* p, const uint8_t* end, bool deserialize,
                  std::vector<as_status>& expected) {
  while (p < end) {
    auto reply = proto::next_message(p, end);
    if (!reply || (reply->info3 & proto::kInfo3Last)) return false;
    if (reply->transaction_ttl >= expected.size()) return false;
    expected[reply->transaction_ttl] = static_cast<as_status>(reply->result_code);
    if (!bins_decode(*reply, deserialize)) return false;
  }
  return true;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  if (size < 2) return 0;
  const uint32_t n = 1 + (data[0] & 15);
  const uint32_t sent = 1 + ((data[0] >> 5) & 1);
  Rows rows(n, data[1], (data[0] & 16) != 0);
  std::atomic<bool> error_row{false};
  const uint8_t* p = data + 2;
  const uint8_t* end = data + size;
  std::vector<as_status> expected(n, AEROSPIKE_NO_RESPONSE);
  bool last = false;
  bool failed = false;
  while (!last && !failed && end - p >= 8) {
    const uint64_t declared = proto::load_be64(p) & 0xFFFFFFFFFFFFull;
    p += 8;
    const size_t body = declared < static_cast<uint64_t>(end - p) ? declared : end - p;
    failed = !parse_batch_frame(rows.job, p, body, sent, error_row, last).is_ok();
    // A frame the expectation reads to its end must not have ended the stream.
    check(!expect_frame(p, p + body, rows.policy.deserialize, expected) || (!last && !failed));
    p += body;
  }
  for (uint32_t i = 0; i < n; ++i) {
    const as_status code = rows.results[i];
    check(code == expected[i]);
    // In doubt only for a write answered after a resend.
    check(!rows.in_doubt[i] || (rows.job.rows[i].attr.has_write && sent > 1));
    if (code != AEROSPIKE_NO_RESPONSE && code != AEROSPIKE_OK &&
        code != AEROSPIKE_ERR_RECORD_NOT_FOUND && code != AEROSPIKE_FILTERED_OUT)
      check(error_row.load());
    const as_record& r = rows.records[i];
    check(r.bins.size <= r.bins.capacity);
    for (uint16_t b = 0; b < r.bins.size; ++b) check(r.bins.entries[b].valuep != nullptr);
  }
  return 0;
}
