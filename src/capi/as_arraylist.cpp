// extern "C" entry points of as_arraylist.h, and as_arraylist_release,
// which 7.4.0 exports without declaring it (the list hook table's destroy).
#include "core/error.h"
#include "value/arraylist.h"
#include "value/val.h"

#include <aerospike/as_arraylist.h>

using namespace aeroshim;

extern "C" {

AS_EXTERN bool as_arraylist_release(as_arraylist* list);

as_arraylist* as_arraylist_init(as_arraylist* list, uint32_t capacity, uint32_t block_size) {
  return guard_value<as_arraylist*>(
      nullptr, {}, [&] { return arraylist_make(list, false, capacity, block_size); });
}

as_arraylist* as_arraylist_new(uint32_t capacity, uint32_t block_size) {
  return guard_value<as_arraylist*>(nullptr, {},
                                    [&] { return arraylist_new(capacity, block_size); });
}

void as_arraylist_destroy(as_arraylist* list) {
  guard_void({}, [&] { val_release(reinterpret_cast<as_val*>(list)); });
}

bool as_arraylist_release(as_arraylist* list) {
  return guard_value(false, {}, [&] { return arraylist_release(list); });
}

// Lists hash to 0, whatever they hold (7.4.0).
uint32_t as_arraylist_hashcode(const as_arraylist* /*list*/) { return 0; }

uint32_t as_arraylist_size(const as_arraylist* list) {
  return guard_value<uint32_t>(0, {}, [&] { return arraylist_size(list); });
}

int as_arraylist_concat(as_arraylist* list, const as_arraylist* list2) {
  return guard_value<int>(AS_ARRAYLIST_ERR_ALLOC, {}, [&] {
    return arraylist_concat(list, reinterpret_cast<const as_list*>(list2));
  });
}

int as_arraylist_trim(as_arraylist* list, uint32_t index) {
  return guard_value<int>(AS_ARRAYLIST_ERR_INDEX, {}, [&] { return arraylist_trim(list, index); });
}

as_val* as_arraylist_head(const as_arraylist* list) {
  return guard_value<as_val*>(nullptr, {}, [&] { return arraylist_head(list); });
}

as_arraylist* as_arraylist_tail(const as_arraylist* list) {
  return guard_value<as_arraylist*>(nullptr, {}, [&] { return arraylist_tail(list); });
}

as_arraylist* as_arraylist_drop(const as_arraylist* list, uint32_t n) {
  return guard_value<as_arraylist*>(nullptr, {}, [&] { return arraylist_drop(list, n); });
}

as_arraylist* as_arraylist_take(const as_arraylist* list, uint32_t n) {
  return guard_value<as_arraylist*>(nullptr, {}, [&] { return arraylist_take(list, n); });
}

as_val* as_arraylist_get(const as_arraylist* list, uint32_t index) {
  return guard_value<as_val*>(nullptr, {}, [&] { return arraylist_get(list, index); });
}

int64_t as_arraylist_get_int64(const as_arraylist* list, uint32_t index) {
  return guard_value<int64_t>(0, {}, [&] { return arraylist_get_int64(list, index); });
}

double as_arraylist_get_double(const as_arraylist* list, uint32_t index) {
  return guard_value<double>(0.0, {}, [&] { return arraylist_get_double(list, index); });
}

char* as_arraylist_get_str(const as_arraylist* list, uint32_t index) {
  return guard_value<char*>(nullptr, {}, [&] { return arraylist_get_str(list, index); });
}

int as_arraylist_set(as_arraylist* list, uint32_t index, as_val* value) {
  return guard_value<int>(AS_ARRAYLIST_ERR_ALLOC, {},
                          [&] { return arraylist_set(list, index, value); });
}

int as_arraylist_set_int64(as_arraylist* list, uint32_t index, int64_t value) {
  return guard_value<int>(AS_ARRAYLIST_ERR_ALLOC, {},
                          [&] { return arraylist_set_boxed(list, index, value); });
}

int as_arraylist_set_double(as_arraylist* list, uint32_t index, double value) {
  return guard_value<int>(AS_ARRAYLIST_ERR_ALLOC, {},
                          [&] { return arraylist_set_boxed(list, index, value); });
}

int as_arraylist_set_str(as_arraylist* list, uint32_t index, const char* value) {
  return guard_value<int>(AS_ARRAYLIST_ERR_ALLOC, {},
                          [&] { return arraylist_set_boxed(list, index, value); });
}

int as_arraylist_insert(as_arraylist* list, uint32_t index, as_val* value) {
  return guard_value<int>(AS_ARRAYLIST_ERR_ALLOC, {},
                          [&] { return arraylist_insert(list, index, value); });
}

int as_arraylist_insert_int64(as_arraylist* list, uint32_t index, int64_t value) {
  return guard_value<int>(AS_ARRAYLIST_ERR_ALLOC, {},
                          [&] { return arraylist_insert_boxed(list, index, value); });
}

int as_arraylist_insert_double(as_arraylist* list, uint32_t index, double value) {
  return guard_value<int>(AS_ARRAYLIST_ERR_ALLOC, {},
                          [&] { return arraylist_insert_boxed(list, index, value); });
}

int as_arraylist_insert_str(as_arraylist* list, uint32_t index, const char* value) {
  return guard_value<int>(AS_ARRAYLIST_ERR_ALLOC, {},
                          [&] { return arraylist_insert_boxed(list, index, value); });
}

int as_arraylist_append(as_arraylist* list, as_val* value) {
  return guard_value<int>(AS_ARRAYLIST_ERR_ALLOC, {},
                          [&] { return arraylist_append(list, value); });
}

int as_arraylist_append_int64(as_arraylist* list, int64_t value) {
  return guard_value<int>(AS_ARRAYLIST_ERR_ALLOC, {},
                          [&] { return arraylist_append_boxed(list, value); });
}

int as_arraylist_append_double(as_arraylist* list, double value) {
  return guard_value<int>(AS_ARRAYLIST_ERR_ALLOC, {},
                          [&] { return arraylist_append_boxed(list, value); });
}

int as_arraylist_append_str(as_arraylist* list, const char* value) {
  return guard_value<int>(AS_ARRAYLIST_ERR_ALLOC, {},
                          [&] { return arraylist_append_boxed(list, value); });
}

int as_arraylist_prepend(as_arraylist* list, as_val* value) {
  return guard_value<int>(AS_ARRAYLIST_ERR_ALLOC, {},
                          [&] { return arraylist_prepend(list, value); });
}

int as_arraylist_prepend_int64(as_arraylist* list, int64_t value) {
  return guard_value<int>(AS_ARRAYLIST_ERR_ALLOC, {},
                          [&] { return arraylist_prepend_boxed(list, value); });
}

int as_arraylist_prepend_double(as_arraylist* list, double value) {
  return guard_value<int>(AS_ARRAYLIST_ERR_ALLOC, {},
                          [&] { return arraylist_prepend_boxed(list, value); });
}

int as_arraylist_prepend_str(as_arraylist* list, const char* value) {
  return guard_value<int>(AS_ARRAYLIST_ERR_ALLOC, {},
                          [&] { return arraylist_prepend_boxed(list, value); });
}

int as_arraylist_remove(as_arraylist* list, uint32_t index) {
  return guard_value<int>(AS_ARRAYLIST_ERR_INDEX, {},
                          [&] { return arraylist_remove(list, index); });
}

bool as_arraylist_foreach(const as_arraylist* list, as_list_foreach_callback callback,
                          void* udata) {
  return guard_value<bool>(false, {}, [&] { return arraylist_foreach(list, callback, udata); });
}

}  // extern "C"
