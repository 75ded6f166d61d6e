#include "proto/batch_request.h"

#include "ops/binops.h"
#include "proto/byte_order.h"
#include "proto/frame.h"
#include "proto/message.h"
#include "proto/wire_writer.h"
#include "value/value_codec.h"

#include <aerospike/as_bin.h>

#include <cstring>

namespace aeroshim::proto {
namespace {

// The row header's first byte: which attribute groups follow.
constexpr uint8_t kRowRepeat = 0x1;
constexpr uint8_t kRowInfo = 0x2;
constexpr uint8_t kRowGeneration = 0x4;
constexpr uint8_t kRowTtl = 0x8;
constexpr uint8_t kRowInfo4 = 0x10;

// index (4) + digest (20)
constexpr size_t kRowPrefix = 4 + AS_DIGEST_VALUE_SIZE;

bool repeats(const BatchRow* prev, const BatchRow& row) {
  if (!prev || !row.may_repeat || prev->kind != row.kind ||
      prev->read_all_bins != row.read_all_bins)
    return false;
  for (int i = 0; i < 4; ++i)
    if (prev->shape[i] != row.shape[i]) return false;
  return std::strcmp(prev->key->ns, row.key->ns) == 0 &&
         std::strcmp(prev->key->set, row.key->set) == 0;
}

// The sizes of one full row, found in the first pass.
struct RowSize {
  size_t bytes = 0;
  uint16_t fields = 0;
  uint16_t ops = 0;
  uint32_t arglist = 0;
};

Status size_ops(const BatchRow& row, RowSize& s) {
  if (row.bin_names) {
    for (uint32_t i = 0; i < row.n_bin_names; ++i) {
      const size_t length = std::strlen(row.bin_names[i]);
      if (length > AS_BIN_NAME_MAX_LEN)
        return Status::error(AEROSPIKE_ERR_PARAM, "Bin name too long: {}", row.bin_names[i]);
      s.bytes += kOpHeaderSize + length;
    }
    s.ops = static_cast<uint16_t>(row.n_bin_names);
    return Status::ok();
  }
  if (!row.ops) return Status::ok();
  const as_binops& ops = row.ops->binops;
  if (ops.size == 0) return Status(AEROSPIKE_ERR_PARAM, "No operations defined");
  bool writes = false;
  for (uint16_t i = 0; i < ops.size; ++i) {
    const as_binop& op = ops.entries[i];
    const bool write = operator_writes(op.op);
    if (write && !row.attr.has_write)
      return Status(AEROSPIKE_ERR_PARAM, "Write operations not allowed in batch read");
    writes = writes || write;
    auto value = value_size(reinterpret_cast<const as_val*>(op.bin.valuep));
    if (!value) return value.status();
    s.bytes += kOpHeaderSize + std::strlen(op.bin.name) + *value;
  }
  if (row.kind == BatchRowKind::kWrite && !writes)
    return Status(AEROSPIKE_ERR_PARAM, "Batch write operations do not contain a write");
  s.ops = ops.size;
  return Status::ok();
}

Result<RowSize> size_row(const BatchRow& row) {
  RowSize s;
  const bool write_header = row.kind != BatchRowKind::kRead || row.attr.has_write;
  s.bytes = 1 + 3 + (row.attr.txn_attr && write_header ? 1 : 0) + (write_header ? 2 : 0) + 4 + 4;
  s.bytes += 2 * kFieldHeaderSize + std::strlen(row.key->ns) + std::strlen(row.key->set);
  s.fields = 2;
  if (row.attr.filter) {
    s.bytes += kFieldHeaderSize + row.attr.filter->packed_sz;
    ++s.fields;
  }
  if (row.attr.send_key && row.key->valuep) {
    s.bytes +=
        kFieldHeaderSize + 1 + user_key_size(reinterpret_cast<const as_val*>(row.key->valuep));
    ++s.fields;
  }
  if (row.kind == BatchRowKind::kApply) {
    // No arglist goes as an empty field (7.4.0 frees garbage there).
    if (row.arglist) {
      auto args = packed_size(reinterpret_cast<const as_val*>(row.arglist));
      if (!args) return args.status();
      s.arglist = *args;
    }
    s.bytes +=
        3 * kFieldHeaderSize + std::strlen(row.module) + std::strlen(row.function) + s.arglist;
    s.fields += 3;
  }
  if (Status ops = size_ops(row, s); !ops) return ops;
  return s;
}

uint8_t* write_row_header(uint8_t* p, const BatchRow& row, const RowSize& s) {
  const BatchRowAttr& a = row.attr;
  const bool write_header = row.kind != BatchRowKind::kRead || a.has_write;
  if (!write_header) {
    *p++ = kRowInfo | kRowTtl;
    *p++ = a.read_attr;
    *p++ = a.write_attr;
    *p++ = a.info_attr;
  } else {
    *p++ = kRowInfo | kRowGeneration | kRowTtl | (a.txn_attr ? kRowInfo4 : 0);
    *p++ = a.read_attr;
    *p++ = a.write_attr;
    *p++ = a.info_attr;
    if (a.txn_attr) *p++ = a.txn_attr;
    p = put_be16(p, a.generation);
  }
  p = put_be32(p, a.ttl);
  p = put_be16(p, s.fields);
  return put_be16(p, s.ops);
}

uint8_t* write_row(uint8_t* p, const BatchRow& row, const RowSize& s) {
  p = write_row_header(p, row, s);
  p = write_field(p, FieldType::kNamespace, row.key->ns, std::strlen(row.key->ns));
  p = write_field(p, FieldType::kSet, row.key->set, std::strlen(row.key->set));
  if (row.attr.filter)
    p = write_field(p, FieldType::kFilterExpression, row.attr.filter->packed,
                    row.attr.filter->packed_sz);
  if (row.attr.send_key && row.key->valuep)
    p = write_user_key(p, reinterpret_cast<const as_val*>(row.key->valuep));
  if (row.kind == BatchRowKind::kApply) {
    p = write_field(p, FieldType::kUdfPackageName, row.module, std::strlen(row.module));
    p = write_field(p, FieldType::kUdfFunction, row.function, std::strlen(row.function));
    p = write_field_header(p, FieldType::kUdfArglist, s.arglist);
    if (row.arglist) {
      as_packer packer{};
      packer.buffer = p;
      packer.capacity = s.arglist;
      msgpack::pack_value(&packer, reinterpret_cast<const as_val*>(row.arglist));
    }
    p += s.arglist;
  }
  if (row.bin_names) {
    for (uint32_t i = 0; i < row.n_bin_names; ++i)
      p = write_op_header(p, wire_operator(AS_OPERATOR_READ), wire(ParticleType::kNil),
                          row.bin_names[i], std::strlen(row.bin_names[i]), 0);
  } else if (row.ops) {
    for (uint16_t i = 0; i < row.ops->binops.size; ++i) {
      const as_binop& op = row.ops->binops.entries[i];
      p = write_bin(p, wire_operator(op.op), op.bin);
    }
  }
  return p;
}

size_t header_size(const BatchHeader& h) {
  size_t size = kFrameHeaderSize + kMessageHeaderSize + kFieldHeaderSize + 4 + 1;
  if (h.filter) size += kFieldHeaderSize + h.filter->packed_sz;
  return size;
}

uint8_t* write_header(uint8_t* p, const BatchHeader& h, size_t total) {
  encode_frame_header(FrameType::kMessage, total - kFrameHeaderSize, p);
  p += kFrameHeaderSize;
  std::memset(p, 0, kMessageHeaderSize);
  p[0] = kMessageHeaderSize;
  p[1] = kInfo1BatchIndex | (h.compress_answer ? kInfo1CompressResponse : 0);
  put_be32(p + 14, h.total_timeout);
  put_be16(p + 18, h.filter ? 2 : 1);
  p += kMessageHeaderSize;
  if (h.filter)
    p = write_field(p, FieldType::kFilterExpression, h.filter->packed, h.filter->packed_sz);
  return p;
}

}  // namespace

Result<size_t> encode_batch(const BatchHeader& header, const BatchRow* rows,
                            const uint32_t* offsets, size_t count, WireBuffer& out) {
  size_t total = header_size(header);
  const BatchRow* prev = nullptr;
  for (size_t i = 0; i < count; ++i) {
    const BatchRow& row = rows[offsets[i]];
    total += kRowPrefix;
    if (repeats(prev, row)) {
      total += 1;
      continue;
    }
    auto size = size_row(row);
    if (!size) return size.status();
    total += size->bytes;
    prev = &row;
  }
  uint8_t* begin = out.reserve(total);
  if (!begin)
    return Status::error(AEROSPIKE_ERR_CLIENT, "out of memory for a {}-byte batch", total);
  uint8_t* p = write_header(begin, header, total);
  uint8_t* field = p;
  p = write_field_header(p, FieldType::kBatchIndex, 0);
  p = put_be32(p, static_cast<uint32_t>(count));
  *p++ = header.flags;
  prev = nullptr;
  for (size_t i = 0; i < count; ++i) {
    const BatchRow& row = rows[offsets[i]];
    p = put_be32(p, offsets[i]);
    std::memcpy(p, row.key->digest.value, AS_DIGEST_VALUE_SIZE);
    p += AS_DIGEST_VALUE_SIZE;
    if (repeats(prev, row)) {
      *p++ = kRowRepeat;
      continue;
    }
    // Sized in the first pass, so this cannot fail now.
    p = write_row(p, row, *size_row(row));
    prev = &row;
  }
  put_be32(field, static_cast<uint32_t>(p - field - 4));
  return static_cast<size_t>(p - begin);
}

}  // namespace aeroshim::proto
