// The work of the msgpack serializer's hooks (as_msgpack_serializer.h):
// encoding a value into a fresh buffer, into a caller's presized buffer or
// only for its size, and decoding one.
#pragma once

#include <aerospike/as_buffer.h>
#include <aerospike/as_msgpack.h>

#include <cstdint>

namespace aeroshim::msgpack {

// 0 with buffer holding the encoding in malloc memory, or the encoder's
// nonzero code with nothing allocated (1 when out of memory).
int serialize(const as_val* val, as_buffer* buffer);

// Bytes written into buf (which the caller sized), or -1.
int32_t serialize_presized(const as_val* val, uint8_t* buf);

// The encoded size, or 0 when val cannot be encoded.
uint32_t serialized_size(const as_val* val);

int deserialize(const as_buffer* buffer, as_val** val);

}  // namespace aeroshim::msgpack
