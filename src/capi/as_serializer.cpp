// extern "C" entry points of as_serializer.h: the serializer object itself;
// what it does is in its hooks.
#include "core/error.h"

#include <aerospike/as_serializer.h>

#include <cstdlib>

using namespace aeroshim;

extern "C" {

as_serializer* as_serializer_cons(as_serializer* serializer, bool free,
                                  const as_serializer_hooks* hooks) {
  if (serializer == nullptr) return nullptr;
  serializer->free = free;
  serializer->hooks = hooks;
  return serializer;
}

as_serializer* as_serializer_init(as_serializer* serializer, const as_serializer_hooks* hooks) {
  return as_serializer_cons(serializer, false, hooks);
}

as_serializer* as_serializer_new(const as_serializer_hooks* hooks) {
  auto* serializer = static_cast<as_serializer*>(std::malloc(sizeof(as_serializer)));
  return as_serializer_cons(serializer, true, hooks);
}

void as_serializer_destroy(as_serializer* serializer) {
  if (serializer != nullptr && serializer->free) std::free(serializer);
}

}  // extern "C"
