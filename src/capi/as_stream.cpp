// extern "C" entry points of as_stream.h: the allocator behind the inline
// as_stream_new/as_stream_destroy (malloc, like every value's).
#include <aerospike/as_stream.h>

#include <cstdlib>

extern "C" {

void* as_stream_malloc(size_t size) { return std::malloc(size); }

void as_stream_free(void* ptr) { std::free(ptr); }

}  // extern "C"
