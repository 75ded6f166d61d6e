#include "proto/request.h"

#include "proto/byte_order.h"
#include "value/value_codec.h"

#include <aerospike/as_boolean.h>
#include <aerospike/as_bytes.h>
#include <aerospike/as_double.h>
#include <aerospike/as_geojson.h>
#include <aerospike/as_integer.h>
#include <aerospike/as_string.h>

#include <cstring>

namespace aeroshim::proto {
namespace {

// GeoJSON goes with a flags byte and a cell count (always 0 from a client).
constexpr uint32_t kGeojsonPrefix = 3;

// msgpack size of a list or map, packed into nothing.
Result<uint32_t> packed_size(const as_val* val) {
  as_packer sizer{};
  if (msgpack::pack_value(&sizer, val) != 0)
    return Status::error(AEROSPIKE_ERR_CLIENT, "map/list serialization failed: {}", -1);
  return sizer.offset;
}

// Bytes a bin value takes on the wire (after the op header and name).
Result<uint32_t> value_size(const as_val* val) {
  if (!val) return 0u;
  switch (val->type) {
    case AS_NIL: return 0u;
    case AS_BOOLEAN: return 1u;
    case AS_INTEGER:
    case AS_DOUBLE: return 8u;
    case AS_STRING:
      return static_cast<uint32_t>(
          as_string_len(reinterpret_cast<as_string*>(const_cast<as_val*>(val))));
    case AS_GEOJSON:
      return kGeojsonPrefix + static_cast<uint32_t>(as_geojson_len(
                                  reinterpret_cast<as_geojson*>(const_cast<as_val*>(val))));
    case AS_BYTES: return reinterpret_cast<const as_bytes*>(val)->size;
    case AS_LIST:
    case AS_MAP: return packed_size(val);
    default:
      return Status::error(AEROSPIKE_ERR_CLIENT, "Invalid value type: {}",
                           static_cast<unsigned>(val->type));
  }
}

// Writes the value (already sized by value_size) and returns its particle type.
uint8_t write_value(uint8_t* p, const as_val* val, uint32_t size) {
  if (!val) return wire(ParticleType::kNil);
  switch (val->type) {
    case AS_BOOLEAN:
      *p = reinterpret_cast<const as_boolean*>(val)->value ? 1 : 0;
      return wire(ParticleType::kBool);
    case AS_INTEGER:
      put_be64(p, static_cast<uint64_t>(reinterpret_cast<const as_integer*>(val)->value));
      return wire(ParticleType::kInteger);
    case AS_DOUBLE:
      put_be_double(p, reinterpret_cast<const as_double*>(val)->value);
      return wire(ParticleType::kDouble);
    case AS_STRING:
      std::memcpy(p, reinterpret_cast<const as_string*>(val)->value, size);
      return wire(ParticleType::kString);
    case AS_GEOJSON:
      p[0] = 0;
      put_be16(p + 1, 0);
      std::memcpy(p + kGeojsonPrefix, reinterpret_cast<const as_geojson*>(val)->value,
                  size - kGeojsonPrefix);
      return wire(ParticleType::kGeoJson);
    case AS_BYTES: {
      const auto* bytes = reinterpret_cast<const as_bytes*>(val);
      if (size) std::memcpy(p, bytes->value, size);
      return static_cast<uint8_t>(bytes->type);
    }
    case AS_LIST:
    case AS_MAP: {
      as_packer packer{};
      packer.buffer = p;
      packer.capacity = size;
      msgpack::pack_value(&packer, val);
      return val->type == AS_LIST ? wire(ParticleType::kList) : wire(ParticleType::kMap);
    }
    default: return wire(ParticleType::kNil);
  }
}

uint8_t* write_field_header(uint8_t* p, FieldType type, size_t data_size) {
  p = put_be32(p, static_cast<uint32_t>(data_size + 1));
  *p = static_cast<uint8_t>(type);
  return p + 1;
}

uint8_t* write_field(uint8_t* p, FieldType type, const void* data, size_t size) {
  p = write_field_header(p, type, size);
  if (size) std::memcpy(p, data, size);
  return p + size;
}

uint8_t* write_op_header(uint8_t* p, uint8_t op, uint8_t particle, const char* name,
                         size_t name_size, uint32_t value_size) {
  p = put_be32(p, static_cast<uint32_t>(name_size + value_size + 4));
  p[0] = op;
  p[1] = particle;
  p[2] = 0;
  p[3] = static_cast<uint8_t>(name_size);
  std::memcpy(p + 4, name, name_size);
  return p + 4 + name_size;
}

// The user key's particle and value size; 7.4.0 sends other types as nil.
uint32_t user_key_size(const as_val* val) {
  switch (val->type) {
    case AS_INTEGER:
    case AS_DOUBLE: return 8;
    case AS_STRING:
      return static_cast<uint32_t>(
          as_string_len(reinterpret_cast<as_string*>(const_cast<as_val*>(val))));
    case AS_BYTES: return reinterpret_cast<const as_bytes*>(val)->size;
    default: return 0;
  }
}

uint8_t* write_user_key(uint8_t* p, const as_val* val) {
  const uint32_t size = user_key_size(val);
  p = write_field_header(p, FieldType::kKey, size + 1);
  switch (val->type) {
    case AS_INTEGER:
      *p = wire(ParticleType::kInteger);
      return put_be64(p + 1,
                      static_cast<uint64_t>(reinterpret_cast<const as_integer*>(val)->value));
    case AS_DOUBLE:
      *p = wire(ParticleType::kDouble);
      return put_be_double(p + 1, reinterpret_cast<const as_double*>(val)->value);
    case AS_STRING:
      *p = wire(ParticleType::kString);
      std::memcpy(p + 1, reinterpret_cast<const as_string*>(val)->value, size);
      return p + 1 + size;
    case AS_BYTES: {
      const auto* bytes = reinterpret_cast<const as_bytes*>(val);
      *p = static_cast<uint8_t>(bytes->type);
      if (size) std::memcpy(p + 1, bytes->value, size);
      return p + 1 + size;
    }
    default: *p = wire(ParticleType::kNil); return p + 1;
  }
}

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

uint8_t* write_bin(uint8_t* p, uint8_t op, const as_bin& bin) {
  const auto* val = reinterpret_cast<const as_val*>(bin.valuep);
  // Sized successfully in the first pass, so this cannot fail now.
  const uint32_t size = *value_size(val);
  const size_t name_size = std::strlen(bin.name);
  uint8_t* value = p + kOpHeaderSize + name_size;
  const uint8_t particle = write_value(value, val, size);
  write_op_header(p, op, particle, bin.name, name_size, size);
  return value + size;
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

uint8_t wire_operator(as_operator op) {
  static constexpr uint8_t kCodes[] = {1, 2, 3, 4, 3, 4, 5, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16};
  const auto index = static_cast<unsigned>(op);
  return index < sizeof kCodes ? kCodes[index] : 0;
}

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
