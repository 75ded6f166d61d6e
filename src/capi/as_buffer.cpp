// extern "C" entry points of as_buffer.h. The bytes are malloc memory
// (7.4.0's cf_free is free), so a program may also free them itself.
#include "core/error.h"

#include <aerospike/as_buffer.h>

#include <cstdlib>

using namespace aeroshim;

extern "C" {

int as_buffer_init(as_buffer* b) {
  return guard_value(-1, {{b, "b"}}, [&] {
    *b = as_buffer{0, 0, nullptr};
    return 0;
  });
}

void as_buffer_destroy(as_buffer* b) {
  if (b == nullptr) return;
  std::free(b->data);
  b->data = nullptr;
}

}  // extern "C"
