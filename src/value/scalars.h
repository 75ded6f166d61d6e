// The fixed-size values: nil, boolean, integer, double. Construction, and
// the per-type destroy/hash/text that as_val's dispatch (val.h) calls.
#pragma once

#include <aerospike/as_boolean.h>
#include <aerospike/as_double.h>
#include <aerospike/as_integer.h>
#include <aerospike/as_nil.h>

#include <cstdint>

namespace aeroshim {

// Every render returns malloc'd text (the caller frees it), or nullptr.
char* nil_text() noexcept;

as_boolean* boolean_make(as_boolean* boolean, bool free, bool value) noexcept;
void boolean_clear(as_val* v) noexcept;
uint32_t boolean_hash(const as_val* v) noexcept;
char* boolean_text(const as_val* v) noexcept;

as_integer* integer_make(as_integer* integer, bool free, int64_t value) noexcept;
void integer_clear(as_val* v) noexcept;
uint32_t integer_hash(const as_val* v) noexcept;
char* integer_text(const as_val* v) noexcept;

as_double* double_make(as_double* value_ptr, bool free, double value) noexcept;
void double_clear(as_val* v) noexcept;
uint32_t double_hash(const as_val* v) noexcept;
char* double_text(const as_val* v) noexcept;

}  // namespace aeroshim
