#include "value/scalars.h"

#include "value/memory.h"

#include <cinttypes>
#include <cstdio>
#include <cstring>

namespace aeroshim {

namespace {

// printf-style rendering into a fresh malloc'd buffer of `room` bytes.
template <typename... Args>
char* render(size_t room, const char* format, Args... args) noexcept {
  auto* text = static_cast<char*>(std::malloc(room));
  if (text == nullptr) return nullptr;
  std::snprintf(text, room, format, args...);
  return text;
}

}  // namespace

char* nil_text() noexcept { return copy_text("NIL"); }

as_boolean* boolean_make(as_boolean* boolean, bool free, bool value) noexcept {
  if (boolean == nullptr) return nullptr;
  as_val_init(&boolean->_, AS_BOOLEAN, free);
  boolean->value = value;
  return boolean;
}

// 7.4.0 wipes the payload of a destroyed value; the struct may be the
// caller's own, so the wipe is what remains visible.
void boolean_clear(as_val* v) noexcept {
  as_boolean* boolean = as_boolean_fromval(v);
  if (boolean != nullptr) boolean->value = false;
}

uint32_t boolean_hash(const as_val* v) noexcept {
  const as_boolean* boolean = as_boolean_fromval(v);
  return boolean != nullptr && boolean->value ? 1U : 0U;
}

char* boolean_text(const as_val* v) noexcept {
  const as_boolean* boolean = as_boolean_fromval(v);
  if (boolean == nullptr) return nullptr;
  return copy_text(boolean->value ? "true" : "false");
}

as_integer* integer_make(as_integer* integer, bool free, int64_t value) noexcept {
  if (integer == nullptr) return nullptr;
  as_val_init(&integer->_, AS_INTEGER, free);
  integer->value = value;
  return integer;
}

void integer_clear(as_val* v) noexcept {
  as_integer* integer = as_integer_fromval(v);
  if (integer != nullptr) integer->value = INT64_MIN;
}

// The low 32 bits of the value.
uint32_t integer_hash(const as_val* v) noexcept {
  const as_integer* integer = as_integer_fromval(v);
  return integer != nullptr ? static_cast<uint32_t>(integer->value) : 0U;
}

char* integer_text(const as_val* v) noexcept {
  const as_integer* integer = as_integer_fromval(v);
  if (integer == nullptr) return nullptr;
  return render(32, "%" PRId64, integer->value);
}

as_double* double_make(as_double* value_ptr, bool free, double value) noexcept {
  if (value_ptr == nullptr) return nullptr;
  as_val_init(&value_ptr->_, AS_DOUBLE, free);
  value_ptr->value = value;
  return value_ptr;
}

void double_clear(as_val* v) noexcept {
  as_double* value_ptr = as_double_fromval(v);
  if (value_ptr != nullptr) value_ptr->value = 0.0;
}

// The two halves of the IEEE-754 bit pattern folded together.
uint32_t double_hash(const as_val* v) noexcept {
  const as_double* value_ptr = as_double_fromval(v);
  if (value_ptr == nullptr) return 0;
  uint64_t bits = 0;
  std::memcpy(&bits, &value_ptr->value, sizeof(bits));
  return static_cast<uint32_t>(bits ^ (bits >> 32));
}

char* double_text(const as_val* v) noexcept {
  const as_double* value_ptr = as_double_fromval(v);
  if (value_ptr == nullptr) return nullptr;
  return render(64, "%.16g", value_ptr->value);
}

}  // namespace aeroshim
