// extern "C" entry points of as_msgpack_ext.h: the value hooks of the two
// comparison constants (defined with the other shared constants in
// value/constants.cpp). The constants are never counted or freed, so
// destroy has nothing to do.
#include <aerospike/as_msgpack_ext.h>

#include <cstdlib>
#include <cstring>

namespace {

char* heap_copy(const char* text) {
  size_t size = std::strlen(text) + 1;
  auto* copy = static_cast<char*>(std::malloc(size));
  if (copy != nullptr) std::memcpy(copy, text, size);
  return copy;
}

}  // namespace

extern "C" {

void as_cmp_inf_val_destroy(as_val* /*v*/) {}

void as_cmp_wildcard_val_destroy(as_val* /*v*/) {}

uint32_t as_cmp_inf_val_hashcode(const as_val* /*v*/) { return 0; }

uint32_t as_cmp_wildcard_val_hashcode(const as_val* /*v*/) { return 0; }

char* as_cmp_inf_val_tostring(const as_val* /*v*/) { return heap_copy("INF"); }

char* as_cmp_wildcard_val_tostring(const as_val* /*v*/) { return heap_copy("*"); }

}  // extern "C"
