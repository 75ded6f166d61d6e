#include "ops/unpack_text.h"

#include <citrusleaf/alloc.h>

#include <cstring>

namespace aeroshim {

bool unpack_text_into(as_unpacker* pk, char* str, uint32_t max) {
  uint32_t size = 0;
  const uint8_t* text = as_unpack_str(pk, &size);
  if (text == nullptr || size >= max) return false;
  memcpy(str, text, size);
  str[size] = '\0';
  return true;
}

bool unpack_text_new(as_unpacker* pk, char** str, uint32_t max) {
  uint32_t size = 0;
  const uint8_t* text = as_unpack_str(pk, &size);
  if (text == nullptr || size >= max) return false;
  auto* copy = static_cast<char*>(cf_malloc(size + 1));
  if (copy == nullptr) return false;
  memcpy(copy, text, size);
  copy[size] = '\0';
  *str = copy;
  return true;
}

bool unpack_bytes_into(as_unpacker* pk, uint8_t* bytes, uint32_t max) {
  uint32_t size = 0;
  const uint8_t* data = as_unpack_str(pk, &size);
  if (data == nullptr || size > max) return false;
  memcpy(bytes, data, size);
  return true;
}

bool unpack_bytes_new(as_unpacker* pk, uint8_t** bytes, uint32_t* size, uint32_t max) {
  uint32_t n = 0;
  const uint8_t* data = as_unpack_str(pk, &n);
  if (data == nullptr || n > max) return false;
  auto* copy = static_cast<uint8_t*>(cf_malloc(n == 0 ? 1 : n));
  if (copy == nullptr) return false;
  memcpy(copy, data, n);
  *bytes = copy;
  *size = n;
  return true;
}

bool values_print_equal(const as_val* v1, const as_val* v2) {
  char* s1 = as_val_tostring(v1);
  char* s2 = as_val_tostring(v2);
  bool equal = s1 != nullptr && s2 != nullptr && strcmp(s1, s2) == 0;
  cf_free(s1);
  cf_free(s2);
  return equal;
}

}  // namespace aeroshim
