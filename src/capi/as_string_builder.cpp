// extern "C" entry points of as_string_builder.h.
#include "core/error.h"
#include "value/string_builder.h"

#include <aerospike/as_string_builder.h>

#include <cinttypes>
#include <cstdio>

using namespace aeroshim;

namespace {

// A number's decimal text appended through the text path.
template <typename T>
bool append_number(as_string_builder* sb, const char* format, T value) noexcept {
  char text[32];
  std::snprintf(text, sizeof(text), format, value);
  return string_builder_append(sb, text);
}

}  // namespace

extern "C" {

void as_string_builder_init(as_string_builder* sb, uint32_t capacity, bool resize) {
  guard_void({}, [&] { string_builder_init(sb, capacity, resize); });
}

void as_string_builder_destroy(as_string_builder* sb) {
  guard_void({}, [&] { string_builder_destroy(sb); });
}

bool as_string_builder_append(as_string_builder* sb, const char* value) {
  return guard_value(false, {}, [&] { return string_builder_append(sb, value); });
}

bool as_string_builder_append_char(as_string_builder* sb, char value) {
  return guard_value(false, {}, [&] { return string_builder_append_char(sb, value); });
}

bool as_string_builder_append_bytes(as_string_builder* sb, uint8_t* src, uint32_t size) {
  return guard_value(false, {}, [&] { return string_builder_append_bytes(sb, src, size); });
}

bool as_string_builder_append_int(as_string_builder* sb, int val) {
  return guard_value(false, {}, [&] { return append_number(sb, "%d", val); });
}

bool as_string_builder_append_uint(as_string_builder* sb, uint32_t val) {
  return guard_value(false, {}, [&] { return append_number(sb, "%" PRIu32, val); });
}

bool as_string_builder_append_int64(as_string_builder* sb, int64_t val) {
  return guard_value(false, {}, [&] { return append_number(sb, "%" PRId64, val); });
}

bool as_string_builder_append_uint64(as_string_builder* sb, uint64_t val) {
  return guard_value(false, {}, [&] { return append_number(sb, "%" PRIu64, val); });
}

}  // extern "C"
