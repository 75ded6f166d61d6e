// as_bytes: a byte buffer value, and the hex renderings 7.4.0 exposes
// (uppercase digits; with spaces for as_val_tostring, packed for the
// to_string helpers).
#pragma once

#include <aerospike/as_bytes.h>

#include <cstdint>

// The uppercase hex digits; 7.4.0 exports the table as data, and the
// string builder renders bytes with it too.
extern "C" {
AS_EXTERN extern const char as_hex_chars[17];
}

namespace aeroshim {

// A blob over value (size bytes used of capacity); with no value and no
// size, a zeroed buffer of capacity bytes that the value owns.
as_bytes* bytes_make(as_bytes* bytes, bool free, uint32_t capacity, uint32_t size, uint8_t* value,
                     bool value_free) noexcept;
as_bytes* bytes_new(uint32_t capacity, uint32_t size, uint8_t* value, bool value_free) noexcept;

uint32_t bytes_copy(const as_bytes* bytes, uint32_t index, uint8_t* value, uint32_t size) noexcept;
bool bytes_set(as_bytes* bytes, uint32_t index, const uint8_t* value, uint32_t size) noexcept;
bool bytes_append(as_bytes* bytes, const uint8_t* value, uint32_t size) noexcept;
bool bytes_truncate(as_bytes* bytes, uint32_t n) noexcept;
bool bytes_ensure(as_bytes* bytes, uint32_t capacity, bool resize) noexcept;

// Unsigned LEB128-style varints (7 bits a byte, low group first).
uint32_t bytes_get_var_int(const as_bytes* bytes, uint32_t index, uint32_t* value) noexcept;
uint32_t bytes_set_var_int(const as_bytes* bytes, uint32_t index, uint32_t value) noexcept;

void bytes_clear(as_val* v) noexcept;
uint32_t bytes_hash(const as_val* v) noexcept;
char* bytes_text(const as_val* v) noexcept;

bool bytes_to_hex(const uint8_t* bytes, uint32_t bytes_size, char* str, uint32_t str_size) noexcept;
bool bytes_to_hex_prefixed(const uint8_t* bytes, uint32_t bytes_size, char* str,
                           uint32_t str_size) noexcept;
int bytes_from_hex(uint8_t* bytes, uint32_t bytes_size, const char* str) noexcept;

}  // namespace aeroshim
