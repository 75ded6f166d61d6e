// as_record_iterator: a cursor over a record's bins.
#pragma once

#include <aerospike/as_record_iterator.h>

namespace aeroshim {

// nullptr when iterator or record is nullptr.
as_record_iterator* record_iterator_init(as_record_iterator* iterator, const as_record* record);
// malloc'd; nullptr (nothing allocated) for a nullptr record; throws std::bad_alloc.
as_record_iterator* record_iterator_new(const as_record* record);
void record_iterator_destroy(as_record_iterator* iterator);
bool record_iterator_has_next(const as_record_iterator* iterator);
as_bin* record_iterator_next(as_record_iterator* iterator);

}  // namespace aeroshim
