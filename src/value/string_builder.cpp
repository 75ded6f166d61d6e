#include "value/string_builder.h"

#include "value/bytes.h"

#include <cstdlib>
#include <cstring>

namespace aeroshim {

namespace {

// At least min_capacity bytes (double the old size when that is more); a
// caller-provided buffer is copied into a heap one the builder then owns.
bool grow(as_string_builder* sb, uint64_t min_capacity) noexcept {
  uint64_t capacity = static_cast<uint64_t>(sb->capacity) * 2;
  if (capacity < min_capacity) capacity = min_capacity;
  if (capacity > UINT32_MAX) return false;
  char* data = nullptr;
  if (sb->free) {
    data = static_cast<char*>(std::realloc(sb->data, capacity));
  } else {
    data = static_cast<char*>(std::malloc(capacity));
    if (data != nullptr) {
      std::memcpy(data, sb->data, sb->length);
      data[sb->length] = '\0';
    }
  }
  if (data == nullptr) return false;
  sb->data = data;
  sb->capacity = static_cast<uint32_t>(capacity);
  sb->free = true;
  return true;
}

// Appends a character when it fits with its terminator; no growth.
bool put_char(as_string_builder* sb, char value) noexcept {
  if (sb->length + 1 >= sb->capacity) return false;
  sb->data[sb->length++] = value;
  sb->data[sb->length] = '\0';
  return true;
}

// "XX " for one byte, when it fits with a terminator; no growth.
bool put_byte(as_string_builder* sb, uint8_t b) noexcept {
  if (sb->length + 3 >= sb->capacity) return false;
  sb->data[sb->length++] = as_hex_chars[b >> 4];
  sb->data[sb->length++] = as_hex_chars[b & 0xF];
  sb->data[sb->length++] = ' ';
  sb->data[sb->length] = '\0';
  return true;
}

}  // namespace

// The buffer is never smaller than one byte: the builder always holds a
// terminated (possibly empty) text.
void string_builder_init(as_string_builder* sb, uint32_t capacity, bool resize) noexcept {
  if (sb == nullptr) return;
  sb->data = static_cast<char*>(std::malloc(capacity > 0 ? capacity : 1));
  if (sb->data != nullptr) sb->data[0] = '\0';
  sb->capacity = sb->data != nullptr ? capacity : 0;
  sb->length = 0;
  sb->resize = resize;
  sb->free = sb->data != nullptr;
}

void string_builder_destroy(as_string_builder* sb) noexcept {
  if (sb == nullptr || !sb->free) return;
  std::free(sb->data);
  sb->data = nullptr;
}

bool string_builder_append(as_string_builder* sb, const char* value) noexcept {
  if (sb == nullptr || sb->data == nullptr || value == nullptr) return false;
  size_t len = std::strlen(value);
  uint64_t room = sb->capacity > sb->length ? sb->capacity - sb->length - 1 : 0;
  if (len > room) {
    if (!sb->resize || !grow(sb, static_cast<uint64_t>(sb->length) + len + 1)) {
      // What fits goes in; the text stays terminated.
      std::memcpy(sb->data + sb->length, value, room);
      sb->length += static_cast<uint32_t>(room);
      if (sb->capacity > 0) sb->data[sb->length] = '\0';
      return false;
    }
  }
  std::memcpy(sb->data + sb->length, value, len);
  sb->length += static_cast<uint32_t>(len);
  sb->data[sb->length] = '\0';
  return true;
}

bool string_builder_append_char(as_string_builder* sb, char value) noexcept {
  if (sb == nullptr || sb->data == nullptr) return false;
  if (put_char(sb, value)) return true;
  const char text[2] = {value, '\0'};
  return sb->resize && string_builder_append(sb, text);
}

bool string_builder_append_bytes(as_string_builder* sb, const uint8_t* src,
                                 uint32_t size) noexcept {
  if (sb == nullptr || sb->data == nullptr || (src == nullptr && size > 0)) return false;
  if (sb->resize) {
    uint64_t needed = static_cast<uint64_t>(sb->length) + static_cast<uint64_t>(size) * 3 + 2;
    if (needed > sb->capacity && !grow(sb, needed)) return false;
  }
  if (!put_char(sb, '[')) return false;
  for (uint32_t i = 0; i < size; ++i) {
    if (!put_byte(sb, src[i])) return false;
  }
  // The last separator (or, with no bytes, the bracket itself) gives way
  // to the closing bracket.
  sb->length--;
  return put_char(sb, ']');
}

}  // namespace aeroshim
