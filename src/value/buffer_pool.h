// as_buffer_pool: fixed-size heap buffers kept for reuse. The pool's queue
// is a cf_queue in its 7.4.0 layout (thread-safe, holding buffer
// pointers), filled and drained here; aeroshim exports no general cf_queue
// functions, so only this file touches it.
#pragma once

#include <aerospike/as_buffer_pool.h>

namespace aeroshim {

int buffer_pool_init(as_buffer_pool* pool, uint32_t header_size, uint32_t buffer_size);
int buffer_pool_pop(as_buffer_pool* pool, uint32_t size, as_buffer_result* buffer);
int buffer_pool_push(as_buffer_pool* pool, void* buffer, uint32_t capacity, uint32_t max_buffers);
int buffer_pool_drop(as_buffer_pool* pool, int count);
void buffer_pool_destroy(as_buffer_pool* pool);

}  // namespace aeroshim
