// as_vector storage. Allocation uses malloc/realloc/free because callers and
// the header's inline helpers free and grow the same memory from C.
#include "core/vector.h"

#include <cstdlib>
#include <cstring>
#include <new>

namespace aeroshim {
namespace {
constexpr uint32_t kBufferOnHeap = 1;
constexpr uint32_t kStructOnHeap = 2;

void* checked_malloc(size_t bytes) {
  void* p = std::malloc(bytes == 0 ? 1 : bytes);
  if (p == nullptr) throw std::bad_alloc();
  return p;
}
}  // namespace

void vector_init(as_vector* vector, uint32_t item_size, uint32_t capacity) {
  vector->list = checked_malloc(size_t{item_size} * capacity);
  vector->capacity = capacity;
  vector->item_size = item_size;
  vector->size = 0;
  vector->flags = kBufferOnHeap;
}

as_vector* vector_create(uint32_t item_size, uint32_t capacity) {
  auto* vector = static_cast<as_vector*>(checked_malloc(sizeof(as_vector)));
  try {
    vector_init(vector, item_size, capacity);
  } catch (...) {
    std::free(vector);
    throw;
  }
  vector->flags = kBufferOnHeap | kStructOnHeap;
  return vector;
}

void vector_destroy(as_vector* vector) {
  if (vector == nullptr) return;
  if (vector->flags & kBufferOnHeap) {
    std::free(vector->list);
    if (vector->flags & kStructOnHeap) {
      std::free(vector);
      return;
    }
  }
  vector->flags = 0;
}

void vector_increase_capacity(as_vector* vector) {
  uint32_t capacity = vector->capacity == 0 ? 8 : vector->capacity * 2;
  size_t bytes = size_t{capacity} * vector->item_size;
  if (vector->flags & kBufferOnHeap) {
    void* grown = std::realloc(vector->list, bytes == 0 ? 1 : bytes);
    if (grown == nullptr) throw std::bad_alloc();
    vector->list = grown;
  } else {
    // A stack (alloca) buffer cannot be grown in place: move it to the heap.
    void* moved = checked_malloc(bytes);
    std::memcpy(moved, vector->list, size_t{vector->size} * vector->item_size);
    vector->list = moved;
    vector->flags |= kBufferOnHeap;
  }
  vector->capacity = capacity;
}

bool vector_append_unique(as_vector* vector, const void* value) {
  auto* items = static_cast<const unsigned char*>(vector->list);
  for (uint32_t i = 0; i < vector->size; i++) {
    if (std::memcmp(items + size_t{i} * vector->item_size, value, vector->item_size) == 0) {
      return false;
    }
  }
  as_vector_append(vector, const_cast<void*>(value));
  return true;
}

void* vector_to_array(as_vector* vector, uint32_t* size) {
  size_t bytes = size_t{vector->size} * vector->item_size;
  void* array = checked_malloc(bytes);
  std::memcpy(array, vector->list, bytes);
  *size = vector->size;
  return array;
}

bool vector_remove(as_vector* vector, uint32_t index) {
  if (index >= vector->size) return false;
  auto* items = static_cast<unsigned char*>(vector->list);
  std::memmove(items + size_t{index} * vector->item_size,
               items + size_t{index + 1} * vector->item_size,
               size_t{vector->size - index - 1} * vector->item_size);
  vector->size--;
  return true;
}

}  // namespace aeroshim
