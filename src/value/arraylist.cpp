#include "value/arraylist.h"

#include "value/arraylist_hooks.h"
#include "value/boxing.h"
#include "value/list.h"
#include "value/memory.h"
#include "value/val.h"

#include <aerospike/as_nil.h>

#include <cstring>

namespace aeroshim {

namespace {

as_val* nil_value() noexcept { return const_cast<as_val*>(&as_nil); }

// Room for delta more elements, growing by whole blocks: the smallest
// multiple of block_size that leaves at least one spare slot past the need
// (7.4.0's rule, which decides the capacity a program can observe).
int reserve_room(as_arraylist* list, uint32_t delta) noexcept {
  uint64_t needed = static_cast<uint64_t>(list->size) + delta;
  if (needed <= list->capacity) return AS_ARRAYLIST_OK;
  if (list->block_size == 0) return AS_ARRAYLIST_ERR_MAX;
  uint64_t room = needed - list->capacity;
  uint64_t blocks = (room + list->block_size) / list->block_size;
  uint64_t capacity = list->capacity + blocks * list->block_size;
  if (capacity > UINT32_MAX) return AS_ARRAYLIST_ERR_ALLOC;
  size_t bytes = sizeof(as_val*) * capacity;
  as_val** elements = nullptr;
  if (list->free) {
    elements = static_cast<as_val**>(std::realloc(list->elements, bytes));
  } else {
    // A stack (as_arraylist_inita) or borrowed array cannot be realloc'd.
    elements = static_cast<as_val**>(std::malloc(bytes));
    if (elements != nullptr && list->capacity > 0) {
      std::memcpy(elements, list->elements, sizeof(as_val*) * list->capacity);
    }
  }
  if (elements == nullptr) return AS_ARRAYLIST_ERR_ALLOC;
  std::memset(elements + list->capacity, 0, sizeof(as_val*) * (capacity - list->capacity));
  list->elements = elements;
  list->capacity = static_cast<uint32_t>(capacity);
  list->free = true;
  return AS_ARRAYLIST_OK;
}

// Nil in every slot from the current end up to (not including) index.
void pad_to(as_arraylist* list, uint32_t index) noexcept {
  for (uint32_t i = list->size; i < index; ++i) list->elements[i] = nil_value();
}

// A fresh list holding count elements of list from first on, each reserved.
as_arraylist* share_range(const as_arraylist* list, uint32_t first, uint32_t count) noexcept {
  as_arraylist* copy = arraylist_new(count, list->block_size);
  if (copy == nullptr || (count > 0 && copy->elements == nullptr)) {
    if (copy != nullptr) std::free(copy);
    return nullptr;
  }
  for (uint32_t i = 0; i < count; ++i) {
    as_val* element = list->elements[first + i];
    copy->elements[i] = element != nullptr ? val_reserve(element) : nullptr;
  }
  copy->size = count;
  return copy;
}

}  // namespace

as_arraylist* arraylist_make(as_arraylist* list, bool free, uint32_t capacity,
                             uint32_t block_size) noexcept {
  if (list == nullptr) return nullptr;
  list_make(&list->_, free, &as_arraylist_list_hooks);
  list->block_size = block_size;
  list->capacity = capacity;
  list->size = 0;
  list->free = capacity > 0;
  list->elements =
      capacity > 0 ? static_cast<as_val**>(std::calloc(capacity, sizeof(as_val*))) : nullptr;
  return list;
}

as_arraylist* arraylist_new(uint32_t capacity, uint32_t block_size) noexcept {
  return arraylist_make(allocate_struct<as_arraylist>(), true, capacity, block_size);
}

bool arraylist_release(as_arraylist* list) noexcept {
  if (list == nullptr) return false;
  if (list->elements != nullptr) {
    for (uint32_t i = 0; i < list->size; ++i) {
      if (list->elements[i] != nullptr) val_release(list->elements[i]);
      list->elements[i] = nullptr;
    }
    if (list->free) std::free(list->elements);
  }
  list->elements = nullptr;
  list->size = 0;
  list->capacity = 0;
  return true;
}

uint32_t arraylist_size(const as_arraylist* list) noexcept {
  return list != nullptr ? list->size : 0;
}

as_val* arraylist_get(const as_arraylist* list, uint32_t index) noexcept {
  return list != nullptr && index < list->size ? list->elements[index] : nullptr;
}

int64_t arraylist_get_int64(const as_arraylist* list, uint32_t index) noexcept {
  return as_integer_get(as_integer_fromval(arraylist_get(list, index)));
}

double arraylist_get_double(const as_arraylist* list, uint32_t index) noexcept {
  return as_double_get(as_double_fromval(arraylist_get(list, index)));
}

char* arraylist_get_str(const as_arraylist* list, uint32_t index) noexcept {
  return as_string_get(as_string_fromval(arraylist_get(list, index)));
}

int arraylist_set(as_arraylist* list, uint32_t index, as_val* value) noexcept {
  if (list == nullptr) return AS_ARRAYLIST_ERR_INDEX;
  if (index >= list->capacity) {
    int rc = reserve_room(list, index + 1 - list->size);
    if (rc != AS_ARRAYLIST_OK) return rc;
  }
  if (index < list->size) val_release(list->elements[index]);
  list->elements[index] = value != nullptr ? value : nil_value();
  if (index >= list->size) {
    pad_to(list, index);
    list->size = index + 1;
  }
  return AS_ARRAYLIST_OK;
}

int arraylist_insert(as_arraylist* list, uint32_t index, as_val* value) noexcept {
  if (list == nullptr) return AS_ARRAYLIST_ERR_INDEX;
  uint32_t delta = index > list->size ? index + 1 - list->size : 1;
  int rc = reserve_room(list, delta);
  if (rc != AS_ARRAYLIST_OK) return rc;
  if (index < list->size) {
    std::memmove(list->elements + index + 1, list->elements + index,
                 sizeof(as_val*) * (list->size - index));
  }
  list->elements[index] = value != nullptr ? value : nil_value();
  if (index <= list->size) {
    list->size++;
  } else {
    pad_to(list, index);
    list->size = index + 1;
  }
  return AS_ARRAYLIST_OK;
}

int arraylist_append(as_arraylist* list, as_val* value) noexcept {
  return list != nullptr ? arraylist_insert(list, list->size, value) : AS_ARRAYLIST_ERR_INDEX;
}

int arraylist_prepend(as_arraylist* list, as_val* value) noexcept {
  return arraylist_insert(list, 0, value);
}

namespace {

// Stores a boxed value with `store`; a value the list did not take is released.
template <typename Store>
int store_boxed(as_val* boxed, Store&& store) noexcept {
  int rc = store(boxed);
  if (rc != AS_ARRAYLIST_OK && boxed != nullptr) val_release(boxed);
  return rc;
}

}  // namespace

template <typename T>
int arraylist_set_boxed(as_arraylist* list, uint32_t index, T value) noexcept {
  return store_boxed(box(value), [&](as_val* v) { return arraylist_set(list, index, v); });
}

template <typename T>
int arraylist_insert_boxed(as_arraylist* list, uint32_t index, T value) noexcept {
  return store_boxed(box(value), [&](as_val* v) { return arraylist_insert(list, index, v); });
}

template <typename T>
int arraylist_append_boxed(as_arraylist* list, T value) noexcept {
  return store_boxed(box(value), [&](as_val* v) { return arraylist_append(list, v); });
}

template <typename T>
int arraylist_prepend_boxed(as_arraylist* list, T value) noexcept {
  return store_boxed(box(value), [&](as_val* v) { return arraylist_prepend(list, v); });
}

#define AEROSHIM_ARRAYLIST_BOXED(T)                                            \
  template int arraylist_set_boxed<T>(as_arraylist*, uint32_t, T) noexcept;    \
  template int arraylist_insert_boxed<T>(as_arraylist*, uint32_t, T) noexcept; \
  template int arraylist_append_boxed<T>(as_arraylist*, T) noexcept;           \
  template int arraylist_prepend_boxed<T>(as_arraylist*, T) noexcept;
AEROSHIM_ARRAYLIST_BOXED(int64_t)
AEROSHIM_ARRAYLIST_BOXED(double)
AEROSHIM_ARRAYLIST_BOXED(const char*)
#undef AEROSHIM_ARRAYLIST_BOXED

int arraylist_remove(as_arraylist* list, uint32_t index) noexcept {
  if (list == nullptr || index >= list->size) return AS_ARRAYLIST_ERR_INDEX;
  if (list->elements[index] != nullptr) val_release(list->elements[index]);
  std::memmove(list->elements + index, list->elements + index + 1,
               sizeof(as_val*) * (list->size - index - 1));
  list->size--;
  list->elements[list->size] = nullptr;
  return AS_ARRAYLIST_OK;
}

int arraylist_concat(as_arraylist* list, const as_list* list2) noexcept {
  if (list == nullptr) return AS_ARRAYLIST_ERR_INDEX;
  uint32_t count = as_list_size(list2);
  int rc = reserve_room(list, count);
  if (rc != AS_ARRAYLIST_OK) return rc;
  for (uint32_t i = 0; i < count; ++i) {
    as_val* element = as_list_get(list2, i);
    list->elements[list->size++] = element != nullptr ? val_reserve(element) : nullptr;
  }
  return AS_ARRAYLIST_OK;
}

// Releases the elements from index on.
int arraylist_trim(as_arraylist* list, uint32_t index) noexcept {
  if (list == nullptr || index >= list->size) return AS_ARRAYLIST_ERR_INDEX;
  for (uint32_t i = index; i < list->size; ++i) {
    if (list->elements[i] != nullptr) val_release(list->elements[i]);
    list->elements[i] = nullptr;
  }
  list->size = index;
  return AS_ARRAYLIST_OK;
}

as_val* arraylist_head(const as_arraylist* list) noexcept {
  return list != nullptr && list->size > 0 ? list->elements[0] : nullptr;
}

// Everything after the head; none for an empty list. (7.4.0's own tail
// fills the copy wrongly and returns it empty; this is what it documents.)
as_arraylist* arraylist_tail(const as_arraylist* list) noexcept {
  if (list == nullptr || list->size == 0) return nullptr;
  return share_range(list, 1, list->size - 1);
}

as_arraylist* arraylist_drop(const as_arraylist* list, uint32_t n) noexcept {
  if (list == nullptr) return nullptr;
  uint32_t skipped = n < list->size ? n : list->size;
  return share_range(list, skipped, list->size - skipped);
}

as_arraylist* arraylist_take(const as_arraylist* list, uint32_t n) noexcept {
  if (list == nullptr) return nullptr;
  return share_range(list, 0, n < list->size ? n : list->size);
}

bool arraylist_foreach(const as_arraylist* list, as_list_foreach_callback callback,
                       void* udata) noexcept {
  if (list == nullptr || callback == nullptr) return false;
  for (uint32_t i = 0; i < list->size; ++i) {
    if (!callback(list->elements[i], udata)) return false;
  }
  return true;
}

}  // namespace aeroshim
