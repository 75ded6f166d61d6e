#include "proto/wire_writer.h"

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

}  // namespace

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

uint8_t wire_operator(as_operator op) {
  static constexpr uint8_t kCodes[] = {1, 2, 3, 4, 3, 4, 5, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16};
  const auto index = static_cast<unsigned>(op);
  return index < sizeof kCodes ? kCodes[index] : 0;
}

}  // namespace aeroshim::proto
