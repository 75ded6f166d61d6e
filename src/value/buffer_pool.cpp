// The buffer pool and the pointer queue under it. The queue is a ring over
// cf_queue's fields as 7.4.0 keeps them: `elements` holds alloc_sz slots,
// the live ones are read_offset up to write_offset (each taken modulo
// alloc_sz; n_eles = write_offset - read_offset), and LOCK guards all of it.
#include "value/buffer_pool.h"

#include <cstdlib>
#include <cstring>

namespace aeroshim {
namespace {

class Locked {
 public:
  explicit Locked(cf_queue* q) : q_(q) { pthread_mutex_lock(&q_->LOCK); }
  ~Locked() { pthread_mutex_unlock(&q_->LOCK); }
  Locked(const Locked&) = delete;
  Locked& operator=(const Locked&) = delete;

 private:
  cf_queue* q_;
};

void** slots(cf_queue* q) { return reinterpret_cast<void**>(q->elements); }

cf_queue* queue_create() {
  auto* q = static_cast<cf_queue*>(std::calloc(1, sizeof(cf_queue)));
  if (q == nullptr) return nullptr;
  q->elements = static_cast<uint8_t*>(std::malloc(CF_QUEUE_ALLOCSZ * sizeof(void*)));
  if (q->elements == nullptr || pthread_mutex_init(&q->LOCK, nullptr) != 0) {
    std::free(q->elements);
    std::free(q);
    return nullptr;
  }
  if (pthread_cond_init(&q->CV, nullptr) != 0) {
    pthread_mutex_destroy(&q->LOCK);
    std::free(q->elements);
    std::free(q);
    return nullptr;
  }
  q->threadsafe = true;
  q->free_struct = true;
  q->alloc_sz = CF_QUEUE_ALLOCSZ;
  q->element_sz = sizeof(void*);
  return q;
}

// Doubles the ring, laying the live slots out from 0.
bool queue_grow(cf_queue* q) {
  unsigned int size = q->alloc_sz * 2;
  auto* grown = static_cast<uint8_t*>(std::malloc(size_t{size} * sizeof(void*)));
  if (grown == nullptr) return false;
  auto* to = reinterpret_cast<void**>(grown);
  for (uint32_t i = 0; i < q->n_eles; i++) to[i] = slots(q)[(q->read_offset + i) % q->alloc_sz];
  std::free(q->elements);
  q->elements = grown;
  q->read_offset = 0;
  q->write_offset = q->n_eles;
  q->alloc_sz = size;
  return true;
}

bool queue_push(cf_queue* q, void* item, uint32_t limit) {
  Locked lock(q);
  if (q->n_eles >= limit) return false;
  if (q->n_eles == q->alloc_sz && !queue_grow(q)) return false;
  slots(q)[q->write_offset % q->alloc_sz] = item;
  q->write_offset++;
  q->n_eles++;
  pthread_cond_signal(&q->CV);
  return true;
}

bool queue_pop(cf_queue* q, void** item) {
  Locked lock(q);
  if (q->n_eles == 0) return false;
  *item = slots(q)[q->read_offset % q->alloc_sz];
  q->read_offset++;
  q->n_eles--;
  if (q->n_eles == 0) {
    q->read_offset = q->write_offset = 0;
  } else if (q->read_offset >= q->alloc_sz) {
    // Keep both offsets below 2 * alloc_sz so they never wrap.
    q->read_offset -= q->alloc_sz;
    q->write_offset -= q->alloc_sz;
  }
  return true;
}

void queue_destroy(cf_queue* q) {
  pthread_cond_destroy(&q->CV);
  pthread_mutex_destroy(&q->LOCK);
  std::free(q->elements);
  std::free(q);
}

}  // namespace

int buffer_pool_init(as_buffer_pool* pool, uint32_t header_size, uint32_t buffer_size) {
  pool->queue = queue_create();
  pool->header_size = header_size;
  pool->buffer_size = buffer_size;
  return pool->queue != nullptr ? 0 : -1;
}

int buffer_pool_pop(as_buffer_pool* pool, uint32_t size, as_buffer_result* buffer) {
  uint64_t needed = uint64_t{size} + pool->header_size;
  if (needed > pool->buffer_size) {
    // Too large for the pool: a one-off buffer of exactly what was asked.
    buffer->data = std::malloc(needed);
    if (buffer->data == nullptr) return -1;
    buffer->capacity = size;
    return 2;
  }
  buffer->capacity = pool->buffer_size - pool->header_size;
  if (queue_pop(pool->queue, &buffer->data)) return 0;
  buffer->data = std::malloc(pool->buffer_size);
  return buffer->data != nullptr ? 1 : -1;
}

int buffer_pool_push(as_buffer_pool* pool, void* buffer, uint32_t capacity, uint32_t max_buffers) {
  if (uint64_t{capacity} + pool->header_size > pool->buffer_size) {
    std::free(buffer);
    return -2;
  }
  if (queue_push(pool->queue, buffer, max_buffers)) return 0;
  std::free(buffer);
  return -1;
}

int buffer_pool_drop(as_buffer_pool* pool, int count) {
  int dropped = 0;
  void* buffer = nullptr;
  while (dropped < count && queue_pop(pool->queue, &buffer)) {
    std::free(buffer);
    dropped++;
  }
  return dropped;
}

void buffer_pool_destroy(as_buffer_pool* pool) {
  if (pool->queue == nullptr) return;
  void* buffer = nullptr;
  while (queue_pop(pool->queue, &buffer)) std::free(buffer);
  queue_destroy(pool->queue);
}

}  // namespace aeroshim
