// extern "C" entry points of as_bytes.h.
#include "core/error.h"
#include "value/bytes.h"

#include <aerospike/as_bytes.h>

using namespace aeroshim;

extern "C" {

as_bytes* as_bytes_init(as_bytes* bytes, uint32_t capacity) {
  return guard_value<as_bytes*>(
      nullptr, {}, [&] { return bytes_make(bytes, false, capacity, 0, nullptr, true); });
}

as_bytes* as_bytes_init_wrap(as_bytes* bytes, uint8_t* value, uint32_t size, bool free) {
  return guard_value<as_bytes*>(nullptr, {},
                                [&] { return bytes_make(bytes, false, size, size, value, free); });
}

as_bytes* as_bytes_new(uint32_t capacity) {
  return guard_value<as_bytes*>(nullptr, {}, [&] { return bytes_new(capacity, 0, nullptr, true); });
}

as_bytes* as_bytes_new_wrap(uint8_t* value, uint32_t size, bool free) {
  return guard_value<as_bytes*>(nullptr, {}, [&] { return bytes_new(size, size, value, free); });
}

uint32_t as_bytes_copy(const as_bytes* bytes, uint32_t index, uint8_t* value, uint32_t size) {
  return guard_value<uint32_t>(0, {}, [&] { return bytes_copy(bytes, index, value, size); });
}

uint32_t as_bytes_get_var_int(const as_bytes* bytes, uint32_t index, uint32_t* value) {
  return guard_value<uint32_t>(0, {}, [&] { return bytes_get_var_int(bytes, index, value); });
}

bool as_bytes_set(as_bytes* bytes, uint32_t index, const uint8_t* value, uint32_t size) {
  return guard_value(false, {}, [&] { return bytes_set(bytes, index, value, size); });
}

uint32_t as_bytes_set_var_int(const as_bytes* bytes, uint32_t index, uint32_t value) {
  return guard_value<uint32_t>(0, {}, [&] { return bytes_set_var_int(bytes, index, value); });
}

bool as_bytes_append(as_bytes* bytes, const uint8_t* value, uint32_t size) {
  return guard_value(false, {}, [&] { return bytes_append(bytes, value, size); });
}

bool as_bytes_truncate(as_bytes* bytes, uint32_t n) {
  return guard_value(false, {}, [&] { return bytes_truncate(bytes, n); });
}

bool as_bytes_ensure(as_bytes* bytes, uint32_t capacity, bool resize) {
  return guard_value(false, {}, [&] { return bytes_ensure(bytes, capacity, resize); });
}

void as_bytes_val_destroy(as_val* v) {
  guard_void({}, [&] { bytes_clear(v); });
}

uint32_t as_bytes_val_hashcode(const as_val* v) {
  return guard_value<uint32_t>(0, {}, [&] { return bytes_hash(v); });
}

char* as_bytes_val_tostring(const as_val* v) {
  return guard_value<char*>(nullptr, {}, [&] { return bytes_text(v); });
}

bool as_bytes_to_string(const uint8_t* bytes, uint32_t bytes_size, char* str, uint32_t str_size) {
  return guard_value(false, {}, [&] { return bytes_to_hex(bytes, bytes_size, str, str_size); });
}

bool as_bytes_to_string_with_prefix(const uint8_t* bytes, uint32_t bytes_size, char* str,
                                    uint32_t str_size) {
  return guard_value(false, {},
                     [&] { return bytes_to_hex_prefixed(bytes, bytes_size, str, str_size); });
}

int as_bytes_from_string(uint8_t* bytes, uint32_t bytes_size, const char* str) {
  return guard_value(-1, {}, [&] { return bytes_from_hex(bytes, bytes_size, str); });
}

}  // extern "C"
