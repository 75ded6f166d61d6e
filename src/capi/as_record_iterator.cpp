// extern "C" entry points of as_record_iterator.h.
#include "core/error.h"
#include "record/record_iterator.h"

#include <aerospike/as_record_iterator.h>

using namespace aeroshim;

extern "C" {

as_record_iterator* as_record_iterator_new(const as_record* record) {
  return guard_value<as_record_iterator*>(nullptr, {}, [&] { return record_iterator_new(record); });
}

as_record_iterator* as_record_iterator_init(as_record_iterator* iterator, const as_record* record) {
  return guard_value<as_record_iterator*>(nullptr, {},
                                          [&] { return record_iterator_init(iterator, record); });
}

void as_record_iterator_destroy(as_record_iterator* iterator) {
  guard_void({}, [&] { record_iterator_destroy(iterator); });
}

bool as_record_iterator_has_next(const as_record_iterator* iterator) {
  return guard_value(false, {}, [&] { return record_iterator_has_next(iterator); });
}

as_bin* as_record_iterator_next(as_record_iterator* iterator) {
  return guard_value<as_bin*>(nullptr, {}, [&] { return record_iterator_next(iterator); });
}

}  // extern "C"
