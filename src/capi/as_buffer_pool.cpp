// extern "C" entry points of as_buffer_pool.h.
#include "core/error.h"
#include "value/buffer_pool.h"

#include <cstdint>

using namespace aeroshim;

extern "C" {

int as_buffer_pool_init(as_buffer_pool* pool, uint32_t header_size, uint32_t buffer_size) {
  return guard_value(-1, {{pool, "pool"}},
                     [&] { return buffer_pool_init(pool, header_size, buffer_size); });
}

int as_buffer_pool_pop(as_buffer_pool* pool, uint32_t size, as_buffer_result* buffer) {
  return guard_value(-2, {{pool, "pool"}, {buffer, "buffer"}},
                     [&] { return buffer_pool_pop(pool, size, buffer); });
}

int as_buffer_pool_push(as_buffer_pool* pool, void* buffer, uint32_t capacity) {
  return guard_value(-1, {{pool, "pool"}},
                     [&] { return buffer_pool_push(pool, buffer, capacity, UINT32_MAX); });
}

int as_buffer_pool_push_limit(as_buffer_pool* pool, void* buffer, uint32_t capacity,
                              uint32_t max_buffers) {
  return guard_value(-1, {{pool, "pool"}},
                     [&] { return buffer_pool_push(pool, buffer, capacity, max_buffers); });
}

int as_buffer_pool_drop_buffers(as_buffer_pool* pool, int buffer_count) {
  return guard_value(0, {{pool, "pool"}}, [&] { return buffer_pool_drop(pool, buffer_count); });
}

void as_buffer_pool_destroy(as_buffer_pool* pool) {
  guard_void({{pool, "pool"}}, [&] { buffer_pool_destroy(pool); });
}

}  // extern "C"
