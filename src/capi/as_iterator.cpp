// extern "C" entry points of as_iterator.h.
#include "core/error.h"
#include "value/iterator.h"

#include <aerospike/as_iterator.h>

using namespace aeroshim;

extern "C" {

as_iterator* as_iterator_init(as_iterator* iterator, bool free, void* data,
                              const as_iterator_hooks* hooks) {
  return guard_value<as_iterator*>(nullptr, {},
                                   [&] { return iterator_make(iterator, free, data, hooks); });
}

void as_iterator_destroy(as_iterator* iterator) {
  guard_void({}, [&] { iterator_destroy(iterator); });
}

}  // extern "C"
