#include "value/bytes.h"

#include "value/memory.h"

#include <cstring>

extern "C" const char as_hex_chars[17] = "0123456789ABCDEF";

namespace aeroshim {

namespace {

// A range [index, index + size) inside limit, without 32-bit wrap-around.
bool fits(uint32_t index, uint32_t size, uint32_t limit) noexcept {
  return static_cast<uint64_t>(index) + size <= limit;
}

uint8_t hex_value(char c) noexcept {
  if (c >= '0' && c <= '9') return static_cast<uint8_t>(c - '0');
  if (c >= 'A' && c <= 'F') return static_cast<uint8_t>(c - 'A' + 10);
  if (c >= 'a' && c <= 'f') return static_cast<uint8_t>(c - 'a' + 10);
  return 0xFF;
}

}  // namespace

// The particle type is always BLOB at construction, as in 7.4.0.
as_bytes* bytes_make(as_bytes* bytes, bool free, uint32_t capacity, uint32_t size, uint8_t* value,
                     bool value_free) noexcept {
  if (bytes == nullptr) return nullptr;
  as_val_init(&bytes->_, AS_BYTES, free);
  bytes->capacity = capacity;
  bytes->size = size;
  bytes->value = value;
  bytes->free = value_free;
  bytes->type = AS_BYTES_BLOB;
  if (value == nullptr && size == 0 && capacity > 0) {
    bytes->value = static_cast<uint8_t*>(std::calloc(capacity, 1));
  }
  return bytes;
}

as_bytes* bytes_new(uint32_t capacity, uint32_t size, uint8_t* value, bool value_free) noexcept {
  return bytes_make(allocate_struct<as_bytes>(), true, capacity, size, value, value_free);
}

uint32_t bytes_copy(const as_bytes* bytes, uint32_t index, uint8_t* value, uint32_t size) noexcept {
  if (bytes == nullptr || value == nullptr || size == 0 || !fits(index, size, bytes->size))
    return 0;
  std::memcpy(value, bytes->value + index, size);
  return size;
}

bool bytes_set(as_bytes* bytes, uint32_t index, const uint8_t* value, uint32_t size) noexcept {
  if (bytes == nullptr || !fits(index, size, bytes->capacity)) return false;
  if (size > 0) {
    if (value == nullptr || bytes->value == nullptr) return false;
    std::memcpy(bytes->value + index, value, size);
  }
  if (index + size > bytes->size) bytes->size = index + size;
  return true;
}

bool bytes_append(as_bytes* bytes, const uint8_t* value, uint32_t size) noexcept {
  return bytes != nullptr && bytes_set(bytes, bytes->size, value, size);
}

// Drops the last n bytes.
bool bytes_truncate(as_bytes* bytes, uint32_t n) noexcept {
  if (bytes == nullptr || n > bytes->size) return false;
  bytes->size -= n;
  return true;
}

// A buffer the value does not own is copied into one it does.
bool bytes_ensure(as_bytes* bytes, uint32_t capacity, bool resize) noexcept {
  if (bytes == nullptr) return false;
  if (capacity <= bytes->capacity) return true;
  if (!resize) return false;
  uint8_t* buffer = nullptr;
  if (bytes->free) {
    buffer = static_cast<uint8_t*>(std::realloc(bytes->value, capacity));
  } else {
    buffer = static_cast<uint8_t*>(std::malloc(capacity));
    if (buffer != nullptr && bytes->size > 0) std::memcpy(buffer, bytes->value, bytes->size);
  }
  if (buffer == nullptr) return false;
  bytes->free = true;
  bytes->value = buffer;
  bytes->capacity = capacity;
  return true;
}

// Reads stop at the end of the used bytes: a varint that runs past it, or
// past the five groups a uint32_t needs, is malformed and reads as 0 bytes.
uint32_t bytes_get_var_int(const as_bytes* bytes, uint32_t index, uint32_t* value) noexcept {
  if (bytes == nullptr || value == nullptr || bytes->value == nullptr) return 0;
  uint32_t result = 0;
  for (uint32_t taken = 0; taken < 5 && index + taken < bytes->size; ++taken) {
    uint8_t b = bytes->value[index + taken];
    result |= static_cast<uint32_t>(b & 0x7F) << (7 * taken);
    if ((b & 0x80) == 0) {
      *value = result;
      return taken + 1;
    }
  }
  return 0;
}

// Writes within capacity (size is left alone, as in 7.4.0); 0 when it does
// not fit.
uint32_t bytes_set_var_int(const as_bytes* bytes, uint32_t index, uint32_t value) noexcept {
  if (bytes == nullptr || bytes->value == nullptr || index >= bytes->capacity) return 0;
  uint8_t* out = bytes->value + index;
  uint8_t* end = bytes->value + bytes->capacity;
  uint8_t* p = out;
  for (; p < end && value >= 0x80; value >>= 7) *p++ = static_cast<uint8_t>(value | 0x80);
  if (p == end) return 0;
  *p++ = static_cast<uint8_t>(value);
  return static_cast<uint32_t>(p - out);
}

void bytes_clear(as_val* v) noexcept {
  as_bytes* bytes = as_bytes_fromval(v);
  if (bytes != nullptr && bytes->free && bytes->value != nullptr) std::free(bytes->value);
}

// 7.4.0's text hash (65599) over the used bytes, taken unsigned.
uint32_t bytes_hash(const as_val* v) noexcept {
  const as_bytes* bytes = as_bytes_fromval(v);
  if (bytes == nullptr || bytes->value == nullptr) return 0;
  uint32_t hash = 0;
  for (uint32_t i = 0; i < bytes->size; ++i) {
    hash = bytes->value[i] + (hash << 6) + (hash << 16) - hash;
  }
  return hash;
}

// "0A 1B 2C": two digits a byte, single spaces between; nothing for none.
char* bytes_text(const as_val* v) noexcept {
  const as_bytes* bytes = as_bytes_fromval(v);
  if (bytes == nullptr || bytes->value == nullptr || bytes->size == 0) return nullptr;
  auto* text = static_cast<char*>(std::malloc(static_cast<size_t>(bytes->size) * 3));
  if (text == nullptr) return nullptr;
  char* out = text;
  for (uint32_t i = 0; i < bytes->size; ++i) {
    if (i > 0) *out++ = ' ';
    *out++ = as_hex_chars[bytes->value[i] >> 4];
    *out++ = as_hex_chars[bytes->value[i] & 0xF];
  }
  *out = '\0';
  return text;
}

// Needs two characters a byte plus the terminator; too small a buffer gets
// an empty string.
bool bytes_to_hex(const uint8_t* bytes, uint32_t bytes_size, char* str,
                  uint32_t str_size) noexcept {
  if (str == nullptr) return false;
  if (static_cast<uint64_t>(bytes_size) * 2 + 1 > str_size ||
      (bytes == nullptr && bytes_size > 0)) {
    if (str_size > 0) *str = '\0';
    return false;
  }
  for (uint32_t i = 0; i < bytes_size; ++i) {
    *str++ = as_hex_chars[bytes[i] >> 4];
    *str++ = as_hex_chars[bytes[i] & 0xF];
  }
  *str = '\0';
  return true;
}

bool bytes_to_hex_prefixed(const uint8_t* bytes, uint32_t bytes_size, char* str,
                           uint32_t str_size) noexcept {
  if (str == nullptr) return false;
  if (str_size >= 2 && bytes_to_hex(bytes, bytes_size, str + 2, str_size - 2)) {
    str[0] = '0';
    str[1] = 'x';
    return true;
  }
  if (str_size > 0) *str = '\0';
  return false;
}

// An optional "0x", then an even number of hex digits; the bytes written,
// or -1 (odd length, a non-hex character, more bytes than room).
int bytes_from_hex(uint8_t* bytes, uint32_t bytes_size, const char* str) noexcept {
  if (str == nullptr) return -1;
  if (str[0] == '0' && str[1] == 'x') str += 2;
  size_t len = std::strlen(str);
  if (len % 2 != 0 || len / 2 > bytes_size || len / 2 > INT32_MAX) return -1;
  if (len > 0 && bytes == nullptr) return -1;
  for (size_t i = 0; i < len; i += 2) {
    uint8_t high = hex_value(str[i]);
    uint8_t low = hex_value(str[i + 1]);
    if (high == 0xFF || low == 0xFF) return -1;
    bytes[i / 2] = static_cast<uint8_t>((high << 4) + low);
  }
  return static_cast<int>(len / 2);
}

}  // namespace aeroshim
