// libFuzzer target for the single-record answer: the bytes after a type-3
// frame header, as a node (or anything posing as one) sends them, go
// through every reader the key commands use: the header and fields, the
// record built from the ops (into a new record and into a reused one, with
// lists and maps decoded and kept as bytes), the key fields of a scan
// record, the UDF answer bins and the header alone. Nothing may read past
// the input or leak, and what parses must agree with the header: one bin
// per op, the generation and no bin without a value. The input is also
// read as a compressed answer (8-byte size, then zlib), inflated first.
#include "proto/byte_order.h"
#include "proto/compression.h"
#include "proto/frame.h"
#include "proto/reply.h"
#include "proto/wire_buffer.h"

#include <aerospike/as_key.h>
#include <aerospike/as_record.h>
#include <aerospike/as_val.h>

#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <cstring>

namespace proto = aeroshim::proto;

namespace {

void check(bool ok) {
  if (!ok) abort();
}

void check_bins(const as_record* rec, const proto::Reply& reply) {
  check(rec->bins.size == reply.n_ops && rec->bins.size <= rec->bins.capacity);
  check(rec->gen == static_cast<uint16_t>(reply.generation));
  for (uint16_t i = 0; i < rec->bins.size; ++i) {
    const as_bin& bin = rec->bins.entries[i];
    check(bin.valuep != nullptr);
    check(std::memchr(bin.name, 0, sizeof bin.name) != nullptr);
  }
}

// A new record from the answer: one bin per op, or nothing at all.
bool fill_new(const proto::Reply& reply, bool deserialize) {
  as_record* rec = nullptr;
  const bool ok = proto::fill_record(reply, &rec, deserialize).is_ok();
  check(ok == (rec != nullptr));
  if (rec) {
    check_bins(rec, reply);
    as_record_destroy(rec);
  }
  return ok;
}

// The caller's record, holding a bin already: replaced, or emptied.
void fill_reused(const proto::Reply& reply) {
  as_record rec;
  as_record_inita(&rec, 1);
  as_record_set_str(&rec, "old", "value");
  as_record* target = &rec;
  if (proto::fill_record(reply, &target, true).is_ok()) {
    check(target == &rec);
    check_bins(&rec, reply);
  } else {
    check(rec.bins.size == 0);
  }
  as_record_destroy(&rec);
}

void read_key(const proto::Reply& reply) {
  as_key key;
  std::memset(&key, 0, sizeof key);
  uint64_t bval = 0;
  (void)proto::read_record_key(reply, &key, &bval);
  check(std::memchr(key.ns, 0, sizeof key.ns) != nullptr);
  check(std::memchr(key.set, 0, sizeof key.set) != nullptr);
  check(key.valuep == nullptr || key.valuep == &key.value);
  as_key_destroy(&key);
}

void udf_answer(const proto::Reply& reply, bool failure_only) {
  auto answer = proto::find_udf_answer(reply, failure_only, true);
  if (!answer) return;
  check(answer->bin != proto::UdfBin::kNone || answer->value == nullptr);
  check(!failure_only || answer->bin != proto::UdfBin::kSuccess);
  if (answer->value) as_val_destroy(answer->value);
}

// Every reader over one answer body.
void read_answer(const uint8_t* data, size_t size) {
  auto reply = proto::parse_reply(data, size);
  if (!reply) return;
  check(reply->fields >= data + 22 && reply->fields <= reply->ops);
  check(reply->ops <= data + size && reply->end == data + size);
  // Decoding lists and maps can only add failures to keeping them as bytes.
  const bool decoded = fill_new(*reply, true);
  const bool kept = fill_new(*reply, false);
  check(!decoded || kept);
  fill_reused(*reply);
  read_key(*reply);
  udf_answer(*reply, false);
  udf_answer(*reply, true);
  as_record* header = nullptr;
  check(proto::fill_record_header(*reply, &header).is_ok() && header != nullptr);
  check(header->gen == static_cast<uint16_t>(reply->generation) && header->bins.size == 0);
  as_record_destroy(header);
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  read_answer(data, size);
  // The same bytes as the body of a compressed (type-4) answer, which the
  // client inflates and then reads as above.
  proto::WireBuffer inflated;
  auto inner = proto::inflate_frame(data, size, inflated);
  if (inner) {
    check(*inner + proto::kFrameHeaderSize == proto::load_be64(data));
    read_answer(inflated.data() + proto::kFrameHeaderSize, *inner);
  }
  return 0;
}
