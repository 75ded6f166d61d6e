// extern "C" entry points of as_arraylist_iterator.h, and
// as_arraylist_iterator_release, which 7.4.0 exports without declaring it
// (the iterator hook table's destroy).
#include "core/error.h"
#include "value/arraylist_iterator.h"
#include "value/iterator.h"
#include "value/memory.h"

#include <aerospike/as_arraylist_iterator.h>

using namespace aeroshim;

extern "C" {

AS_EXTERN bool as_arraylist_iterator_release(as_arraylist_iterator* iterator);

as_arraylist_iterator* as_arraylist_iterator_init(as_arraylist_iterator* iterator,
                                                  const as_arraylist* list) {
  return guard_value<as_arraylist_iterator*>(
      nullptr, {}, [&] { return arraylist_iterator_make(iterator, false, list); });
}

as_arraylist_iterator* as_arraylist_iterator_new(const as_arraylist* list) {
  return guard_value<as_arraylist_iterator*>(nullptr, {}, [&] {
    return arraylist_iterator_make(allocate_struct<as_arraylist_iterator>(), true, list);
  });
}

bool as_arraylist_iterator_release(as_arraylist_iterator* iterator) {
  return guard_value(false, {}, [&] { return arraylist_iterator_release(iterator); });
}

void as_arraylist_iterator_destroy(as_arraylist_iterator* iterator) {
  guard_void({}, [&] { iterator_destroy(reinterpret_cast<as_iterator*>(iterator)); });
}

bool as_arraylist_iterator_has_next(const as_arraylist_iterator* iterator) {
  return guard_value(false, {}, [&] { return arraylist_iterator_has_next(iterator); });
}

const as_val* as_arraylist_iterator_next(as_arraylist_iterator* iterator) {
  return guard_value<const as_val*>(nullptr, {}, [&] { return arraylist_iterator_next(iterator); });
}

}  // extern "C"
