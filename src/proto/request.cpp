#include "proto/request.h"

#include "proto/byte_order.h"
#include "proto/wire_writer.h"
#include "value/value_codec.h"

#include <cstring>

namespace aeroshim::proto {
namespace {

struct Sizes {
  size_t total = kFrameHeaderSize + kMessageHeaderSize;
  uint16_t fields = 0;
  uint32_t ops = 0;
  uint32_t udf_args = 0;
};

Status size_key(const Request& r, Sizes& s) {
  const as_key& key = *r.key;
  s.total +=
      std::strlen(key.ns) + std::strlen(key.set) + AS_DIGEST_VALUE_SIZE + 3 * kFieldHeaderSize;
  s.fields = 3;
  if (r.send_key && key.valuep) {
    s.total += kFieldHeaderSize + 1 + user_key_size(reinterpret_cast<const as_val*>(key.valuep));
    ++s.fields;
  }
  if (r.filter) {
    s.total += kFieldHeaderSize + r.filter->packed_sz;
    ++s.fields;
  }
  return Status::ok();
}

Status size_udf(const Request& r, Sizes& s) {
  if (!r.udf_module) return Status::ok();
  s.udf_args = 0;
  if (r.udf_args) {
    auto args = packed_size(reinterpret_cast<const as_val*>(r.udf_args));
    if (!args) return args.status();
    s.udf_args = *args;
  }
  s.total +=
      3 * kFieldHeaderSize + std::strlen(r.udf_module) + std::strlen(r.udf_function) + s.udf_args;
  s.fields += 3;
  return Status::ok();
}

Status size_bin(const as_bin& bin, Sizes& s) {
  auto size = value_size(reinterpret_cast<const as_val*>(bin.valuep));
  if (!size) return size.status();
  s.total += kOpHeaderSize + std::strlen(bin.name) + *size;
  ++s.ops;
  return Status::ok();
}

Status size_ops(const Request& r, Sizes& s) {
  if (r.bins) {
    for (uint16_t i = 0; i < r.bins->size; ++i)
      if (Status st = size_bin(r.bins->entries[i], s); !st) return st;
  } else if (r.names) {
    for (uint32_t i = 0; i < r.name_count; ++i) {
      const size_t length = std::strlen(r.names[i]);
      if (length > AS_BIN_NAME_MAX_LEN)
        return Status::error(AEROSPIKE_ERR_PARAM, "Bin name too long: {}", r.names[i]);
      s.total += kOpHeaderSize + length;
      ++s.ops;
    }
  } else if (r.ops) {
    for (uint16_t i = 0; i < r.ops->size; ++i)
      if (Status st = size_bin(r.ops->entries[i].bin, s); !st) return st;
  }
  if (s.ops > UINT16_MAX)
    return Status::error(AEROSPIKE_ERR_PARAM, "{} operations do not fit one request (at most {})",
                         s.ops, UINT16_MAX);
  return Status::ok();
}

uint8_t* write_header(uint8_t* p, const RequestHeader& h, size_t total, const Sizes& s) {
  encode_frame_header(FrameType::kMessage, total - kFrameHeaderSize, p);
  p += kFrameHeaderSize;
  p[0] = kMessageHeaderSize;
  p[1] = h.info1;
  p[2] = h.info2;
  p[3] = h.info3;
  p[4] = h.info4;
  p[5] = 0;
  put_be32(p + 6, h.generation);
  put_be32(p + 10, h.record_ttl);
  put_be32(p + 14, h.server_timeout);
  put_be16(p + 18, s.fields);
  put_be16(p + 20, static_cast<uint16_t>(s.ops));
  return p + kMessageHeaderSize;
}

uint8_t* write_key_fields(uint8_t* p, const Request& r) {
  const as_key& key = *r.key;
  p = write_field(p, FieldType::kNamespace, key.ns, std::strlen(key.ns));
  p = write_field(p, FieldType::kSet, key.set, std::strlen(key.set));
  p = write_field(p, FieldType::kDigest, key.digest.value, AS_DIGEST_VALUE_SIZE);
  if (r.send_key && key.valuep) p = write_user_key(p, reinterpret_cast<const as_val*>(key.valuep));
  if (r.filter)
    p = write_field(p, FieldType::kFilterExpression, r.filter->packed, r.filter->packed_sz);
  return p;
}

uint8_t* write_udf_fields(uint8_t* p, const Request& r, const Sizes& s) {
  if (!r.udf_module) return p;
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

uint8_t* write_ops(uint8_t* p, const Request& r) {
  if (r.bins) {
    for (uint16_t i = 0; i < r.bins->size; ++i)
      p = write_bin(p, wire_operator(AS_OPERATOR_WRITE), r.bins->entries[i]);
  } else if (r.names) {
    for (uint32_t i = 0; i < r.name_count; ++i)
      p = write_op_header(p, wire_operator(AS_OPERATOR_READ), wire(ParticleType::kNil), r.names[i],
                          std::strlen(r.names[i]), 0);
  } else if (r.ops) {
    for (uint16_t i = 0; i < r.ops->size; ++i)
      p = write_bin(p, wire_operator(r.ops->entries[i].op), r.ops->entries[i].bin);
  }
  return p;
}

}  // namespace

Result<size_t> encode(const Request& request, WireBuffer& out) {
  Sizes sizes;
  if (Status st = size_key(request, sizes); !st) return st;
  if (Status st = size_udf(request, sizes); !st) return st;
  if (Status st = size_ops(request, sizes); !st) return st;
  uint8_t* begin = out.reserve(sizes.total);
  if (!begin)
    return Status::error(AEROSPIKE_ERR_CLIENT, "out of memory for a {}-byte request", sizes.total);
  uint8_t* p = write_header(begin, request.header, sizes.total, sizes);
  p = write_key_fields(p, request);
  p = write_udf_fields(p, request, sizes);
  p = write_ops(p, request);
  return static_cast<size_t>(p - begin);
}

}  // namespace aeroshim::proto
