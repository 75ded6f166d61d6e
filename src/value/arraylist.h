// as_arraylist: the library's list, an array of owned value pointers that
// grows in block_size steps (never, with block_size 0). Out-of-range writes
// pad the gap with nil, as 7.4.0 does. Results are as_arraylist_status.
#pragma once

#include <aerospike/as_arraylist.h>

#include <cstdint>

namespace aeroshim {

as_arraylist* arraylist_make(as_arraylist* list, bool free, uint32_t capacity,
                             uint32_t block_size) noexcept;
as_arraylist* arraylist_new(uint32_t capacity, uint32_t block_size) noexcept;

// Releases every element and the array; the struct stays (empty, capacity 0).
bool arraylist_release(as_arraylist* list) noexcept;

uint32_t arraylist_size(const as_arraylist* list) noexcept;
as_val* arraylist_get(const as_arraylist* list, uint32_t index) noexcept;
int64_t arraylist_get_int64(const as_arraylist* list, uint32_t index) noexcept;
double arraylist_get_double(const as_arraylist* list, uint32_t index) noexcept;
char* arraylist_get_str(const as_arraylist* list, uint32_t index) noexcept;

// Each takes over value's reference on success (a null value stores nil).
int arraylist_set(as_arraylist* list, uint32_t index, as_val* value) noexcept;
int arraylist_insert(as_arraylist* list, uint32_t index, as_val* value) noexcept;
int arraylist_append(as_arraylist* list, as_val* value) noexcept;
int arraylist_prepend(as_arraylist* list, as_val* value) noexcept;

// The typed forms: a new value of the element, released again on failure.
template <typename T>
int arraylist_set_boxed(as_arraylist* list, uint32_t index, T value) noexcept;
template <typename T>
int arraylist_insert_boxed(as_arraylist* list, uint32_t index, T value) noexcept;
template <typename T>
int arraylist_append_boxed(as_arraylist* list, T value) noexcept;
template <typename T>
int arraylist_prepend_boxed(as_arraylist* list, T value) noexcept;

int arraylist_remove(as_arraylist* list, uint32_t index) noexcept;
// Appends list2's elements, each with one more reference; list2 may be any
// as_list, the same list included.
int arraylist_concat(as_arraylist* list, const as_list* list2) noexcept;
int arraylist_trim(as_arraylist* list, uint32_t index) noexcept;

as_val* arraylist_head(const as_arraylist* list) noexcept;
// New lists sharing the elements (one more reference each).
as_arraylist* arraylist_tail(const as_arraylist* list) noexcept;
as_arraylist* arraylist_drop(const as_arraylist* list, uint32_t n) noexcept;
as_arraylist* arraylist_take(const as_arraylist* list, uint32_t n) noexcept;

bool arraylist_foreach(const as_arraylist* list, as_list_foreach_callback callback,
                       void* udata) noexcept;

}  // namespace aeroshim
