// extern "C" definitions of as_msgpack_ext.h: the two comparison constants
// and their value hooks. The constants are never counted or freed (count 0,
// free false), so destroy has nothing to do.
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

const as_val as_cmp_inf = {0, AS_CMP_INF, false};
const as_val as_cmp_wildcard = {0, AS_CMP_WILDCARD, false};

void as_cmp_inf_val_destroy(as_val* /*v*/) {}

void as_cmp_wildcard_val_destroy(as_val* /*v*/) {}

uint32_t as_cmp_inf_val_hashcode(const as_val* /*v*/) { return 0; }

uint32_t as_cmp_wildcard_val_hashcode(const as_val* /*v*/) { return 0; }

char* as_cmp_inf_val_tostring(const as_val* /*v*/) { return heap_copy("INF"); }

char* as_cmp_wildcard_val_tostring(const as_val* /*v*/) { return heap_copy("*"); }

}  // extern "C"
