// The string/bytes unpack conveniences of as_cdt_internal.h, and the
// printed-form comparison 7.4.0 uses in its tests (as_val_compare).
#pragma once

#include <aerospike/as_msgpack.h>

#include <cstdint>

namespace aeroshim {

// A msgpack string of fewer than max bytes, copied and NUL-terminated.
bool unpack_text_into(as_unpacker* pk, char* str, uint32_t max);
bool unpack_text_new(as_unpacker* pk, char** str, uint32_t max);

// A msgpack string of at most max bytes, copied raw.
bool unpack_bytes_into(as_unpacker* pk, uint8_t* bytes, uint32_t max);
bool unpack_bytes_new(as_unpacker* pk, uint8_t** bytes, uint32_t* size, uint32_t max);

// True when both values print the same (as_val_tostring).
bool values_print_equal(const as_val* v1, const as_val* v2);

}  // namespace aeroshim
