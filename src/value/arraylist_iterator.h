// The arraylist iterator: a position into the list, borrowing elements.
#pragma once

#include <aerospike/as_arraylist_iterator.h>

namespace aeroshim {

as_arraylist_iterator* arraylist_iterator_make(as_arraylist_iterator* iterator, bool free,
                                               const as_arraylist* list) noexcept;
bool arraylist_iterator_release(as_arraylist_iterator* iterator) noexcept;
bool arraylist_iterator_has_next(const as_arraylist_iterator* iterator) noexcept;
const as_val* arraylist_iterator_next(as_arraylist_iterator* iterator) noexcept;

}  // namespace aeroshim
