// extern "C" entry points of as_string.h (as_strncpy lives with as_error,
// whose messages it copies).
#include "core/error.h"
#include "value/text.h"

#include <aerospike/as_string.h>

using namespace aeroshim;

extern "C" {

as_string* as_string_init(as_string* string, char* value, bool free) {
  return guard_value<as_string*>(nullptr, {},
                                 [&] { return text_make(string, false, value, SIZE_MAX, free); });
}

as_string* as_string_init_wlen(as_string* string, char* value, size_t len, bool free) {
  return guard_value<as_string*>(nullptr, {},
                                 [&] { return text_make(string, false, value, len, free); });
}

as_string* as_string_new(char* value, bool free) {
  return guard_value<as_string*>(nullptr, {},
                                 [&] { return text_new<as_string>(value, SIZE_MAX, free); });
}

as_string* as_string_new_wlen(char* value, size_t len, bool free) {
  return guard_value<as_string*>(nullptr, {},
                                 [&] { return text_new<as_string>(value, len, free); });
}

as_string* as_string_new_strdup(const char* value) {
  return guard_value<as_string*>(nullptr, {}, [&] { return text_new_copy<as_string>(value); });
}

size_t as_string_len(as_string* string) {
  return guard_value<size_t>(0, {}, [&] { return text_length(string); });
}

const char* as_basename(as_string* filename, const char* path) {
  return guard_value<const char*>(nullptr, {}, [&] { return basename_of(filename, path); });
}

void as_string_val_destroy(as_val* v) {
  guard_void({}, [&] { text_clear<as_string>(v); });
}

uint32_t as_string_val_hashcode(const as_val* v) {
  return guard_value<uint32_t>(0, {}, [&] { return text_hash<as_string>(v); });
}

char* as_string_val_tostring(const as_val* v) {
  return guard_value<char*>(nullptr, {}, [&] { return text_quoted<as_string>(v); });
}

}  // extern "C"
