#include "proto/scan_request.h"

#include "proto/byte_order.h"
#include "proto/frame.h"
#include "proto/wire_writer.h"
#include "value/value_codec.h"

#include <aerospike/as_key.h>

#include <cstring>

namespace aeroshim::proto {
namespace {

// What the first pass found: the frame's size and its field and op counts.
struct Sizes {
  size_t total = kFrameHeaderSize + kMessageHeaderSize;
  uint16_t fields = 0;
  uint16_t ops = 0;
  uint32_t udf_args = 0;
  void field(size_t data) {
    total += kFieldHeaderSize + data;
    ++fields;
  }
};

Status size_ops(const ScanRequest& r, Sizes& s) {
  if (r.ops) {
    for (uint16_t i = 0; i < r.ops->binops.size; ++i) {
      const as_binop& op = r.ops->binops.entries[i];
      auto value = value_size(reinterpret_cast<const as_val*>(op.bin.valuep));
      if (!value) return value.status();
      s.total += kOpHeaderSize + std::strlen(op.bin.name) + *value;
    }
    s.ops = r.ops->binops.size;
    return Status::ok();
  }
  for (uint16_t i = 0; i < r.n_bin_names; ++i)
    s.total += kOpHeaderSize + strnlen(r.bin_names[i], AS_BIN_NAME_MAX_SIZE);
  s.ops = r.n_bin_names;
  return Status::ok();
}

Result<Sizes> size_request(const ScanRequest& r) {
  Sizes s;
  if (r.ns[0]) s.field(std::strlen(r.ns));
  if (r.set[0]) s.field(std::strlen(r.set));
  if (r.records_per_second > 0) s.field(4);
  s.field(4);  // socket timeout
  s.field(8);  // task id
  for (const Field& f : r.query_fields) s.field(f.data.size());
  if (r.udf_module) {
    if (r.udf_args) {
      auto args = packed_size(reinterpret_cast<const as_val*>(r.udf_args));
      if (!args) return args.status();
      s.udf_args = *args;
    }
    s.field(1);
    s.field(std::strlen(r.udf_module));
    s.field(std::strlen(r.udf_function));
    s.field(s.udf_args);
  }
  if (r.filter) s.field(r.filter->packed_sz);
  if (!r.partitions.empty()) s.field(r.partitions.size() * 2);
  if (!r.resume_after.empty()) s.field(r.resume_after.size() * AS_DIGEST_VALUE_SIZE);
  if (!r.resume_bvals.empty()) s.field(r.resume_bvals.size() * 8);
  if (r.max_records > 0) s.field(8);
  if (Status ops = size_ops(r, s); !ops) return ops;
  return s;
}

uint8_t* write_u32_field(uint8_t* p, FieldType type, uint32_t v) {
  p = write_field_header(p, type, 4);
  return put_be32(p, v);
}

uint8_t* write_u64_field(uint8_t* p, FieldType type, uint64_t v) {
  p = write_field_header(p, type, 8);
  return put_be64(p, v);
}

uint8_t* write_header(uint8_t* p, const ScanRequest& r, const Sizes& s) {
  encode_frame_header(FrameType::kMessage, s.total - kFrameHeaderSize, p);
  p += kFrameHeaderSize;
  p[0] = kMessageHeaderSize;
  p[1] = r.info1;
  p[2] = r.info2;
  p[3] = r.info3;
  p[4] = 0;
  p[5] = 0;
  put_be32(p + 6, 0);
  put_be32(p + 10, r.record_ttl);
  put_be32(p + 14, r.total_timeout);
  put_be16(p + 18, s.fields);
  put_be16(p + 20, s.ops);
  return p + kMessageHeaderSize;
}

uint8_t* write_udf(uint8_t* p, const ScanRequest& r, const Sizes& s) {
  p = write_field_header(p, FieldType::kUdfOp, 1);
  *p++ = r.udf_op;
  p = write_field(p, FieldType::kUdfPackageName, r.udf_module, std::strlen(r.udf_module));
  p = write_field(p, FieldType::kUdfFunction, r.udf_function, std::strlen(r.udf_function));
  p = write_field_header(p, FieldType::kUdfArglist, s.udf_args);
  if (r.udf_args) {
    as_packer packer{};
    packer.buffer = p;
    packer.capacity = s.udf_args;
    msgpack::pack_value(&packer, reinterpret_cast<const as_val*>(r.udf_args));
  }
  return p + s.udf_args;
}

uint8_t* write_partitions(uint8_t* p, const ScanRequest& r) {
  if (!r.partitions.empty()) {
    p = write_field_header(p, FieldType::kPartitionIdArray, r.partitions.size() * 2);
    for (uint16_t id : r.partitions) {
      *p++ = static_cast<uint8_t>(id);
      *p++ = static_cast<uint8_t>(id >> 8);
    }
  }
  if (!r.resume_after.empty()) {
    p = write_field_header(p, FieldType::kDigestArray,
                           r.resume_after.size() * AS_DIGEST_VALUE_SIZE);
    for (const uint8_t* digest : r.resume_after) {
      std::memcpy(p, digest, AS_DIGEST_VALUE_SIZE);
      p += AS_DIGEST_VALUE_SIZE;
    }
  }
  if (!r.resume_bvals.empty()) {
    p = write_field_header(p, FieldType::kBvalArray, r.resume_bvals.size() * 8);
    for (uint64_t v : r.resume_bvals)
      for (int i = 0; i < 8; ++i) *p++ = static_cast<uint8_t>(v >> (8 * i));
  }
  return p;
}

uint8_t* write_ops(uint8_t* p, const ScanRequest& r) {
  if (r.ops) {
    for (uint16_t i = 0; i < r.ops->binops.size; ++i) {
      const as_binop& op = r.ops->binops.entries[i];
      p = write_bin(p, wire_operator(op.op), op.bin);
    }
    return p;
  }
  for (uint16_t i = 0; i < r.n_bin_names; ++i)
    p = write_op_header(p, wire_operator(AS_OPERATOR_READ), wire(ParticleType::kNil),
                        r.bin_names[i], strnlen(r.bin_names[i], AS_BIN_NAME_MAX_SIZE), 0);
  return p;
}

}  // namespace

Result<size_t> encode_scan(const ScanRequest& r, WireBuffer& out) {
  auto sizes = size_request(r);
  if (!sizes) return sizes.status();
  uint8_t* begin = out.reserve(sizes->total);
  if (!begin)
    return Status::error(AEROSPIKE_ERR_CLIENT, "out of memory for a {}-byte scan", sizes->total);
  uint8_t* p = write_header(begin, r, *sizes);
  if (r.ns[0]) p = write_field(p, FieldType::kNamespace, r.ns, std::strlen(r.ns));
  if (r.set[0]) p = write_field(p, FieldType::kSet, r.set, std::strlen(r.set));
  if (r.records_per_second > 0)
    p = write_u32_field(p, FieldType::kRecordsPerSecond, r.records_per_second);
  p = write_u32_field(p, FieldType::kSocketTimeout, r.socket_timeout);
  p = write_u64_field(p, FieldType::kTaskId, r.task_id);
  for (const Field& f : r.query_fields)
    p = write_field(p, static_cast<FieldType>(f.type), f.data.data(), f.data.size());
  if (r.udf_module) p = write_udf(p, r, *sizes);
  if (r.filter)
    p = write_field(p, FieldType::kFilterExpression, r.filter->packed, r.filter->packed_sz);
  p = write_partitions(p, r);
  if (r.max_records > 0) p = write_u64_field(p, FieldType::kMaxRecords, r.max_records);
  p = write_ops(p, r);
  return static_cast<size_t>(p - begin);
}

}  // namespace aeroshim::proto
