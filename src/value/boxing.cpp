#include "value/boxing.h"

#include "value/memory.h"
#include "value/scalars.h"
#include "value/text.h"

namespace aeroshim {

as_val* box(int64_t value) noexcept {
  return reinterpret_cast<as_val*>(integer_make(allocate_struct<as_integer>(), true, value));
}

as_val* box(double value) noexcept {
  return reinterpret_cast<as_val*>(double_make(allocate_struct<as_double>(), true, value));
}

as_val* box(const char* value) noexcept {
  return reinterpret_cast<as_val*>(text_new_copy<as_string>(value));
}

}  // namespace aeroshim
