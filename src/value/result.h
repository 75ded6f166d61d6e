// as_result: a counted success-or-failure holder of one value (UDF results).
// It owns the value's reference; the last destroy releases it.
#pragma once

#include <aerospike/as_result.h>

namespace aeroshim {

as_result* result_make(as_result* r, bool is_malloc, bool success, as_val* value) noexcept;
as_result* result_new(bool success, as_val* value) noexcept;
as_result* result_reserve(as_result* r) noexcept;
void result_destroy(as_result* r) noexcept;
// Replaces the value (releasing the old one) and the outcome.
as_result* result_set(as_result* r, bool success, as_val* value) noexcept;

}  // namespace aeroshim
