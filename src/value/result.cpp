#include "value/result.h"

#include "value/memory.h"
#include "value/val.h"

namespace aeroshim {

as_result* result_make(as_result* r, bool is_malloc, bool success, as_val* value) noexcept {
  if (r == nullptr) return nullptr;
  r->is_malloc = is_malloc;
  r->count = 1;
  r->is_success = success;
  r->value = value;
  return r;
}

as_result* result_new(bool success, as_val* value) noexcept {
  return result_make(allocate_struct<as_result>(), true, success, value);
}

as_result* result_reserve(as_result* r) noexcept {
  if (r != nullptr) __atomic_add_fetch(&r->count, 1U, __ATOMIC_RELAXED);
  return r;
}

void result_destroy(as_result* r) noexcept {
  if (r == nullptr) return;
  if (__atomic_sub_fetch(&r->count, 1U, __ATOMIC_ACQ_REL) != 0) return;
  if (r->value != nullptr) {
    val_release(r->value);
    r->value = nullptr;
  }
  if (r->is_malloc) std::free(r);
}

as_result* result_set(as_result* r, bool success, as_val* value) noexcept {
  if (r == nullptr) return nullptr;
  if (r->value != nullptr) val_release(r->value);
  r->value = value;
  r->is_success = success;
  return r;
}

}  // namespace aeroshim
