#include "value/arraylist_iterator.h"

#include "value/arraylist_hooks.h"
#include "value/iterator.h"

namespace aeroshim {

as_arraylist_iterator* arraylist_iterator_make(as_arraylist_iterator* iterator, bool free,
                                               const as_arraylist* list) noexcept {
  if (iterator == nullptr) return nullptr;
  iterator_make(&iterator->_, free, nullptr, &as_arraylist_iterator_hooks);
  iterator->list = list;
  iterator->pos = 0;
  return iterator;
}

bool arraylist_iterator_release(as_arraylist_iterator* iterator) noexcept {
  if (iterator == nullptr) return false;
  iterator->list = nullptr;
  iterator->pos = 0;
  return true;
}

bool arraylist_iterator_has_next(const as_arraylist_iterator* iterator) noexcept {
  return iterator != nullptr && iterator->list != nullptr && iterator->pos < iterator->list->size;
}

const as_val* arraylist_iterator_next(as_arraylist_iterator* iterator) noexcept {
  if (!arraylist_iterator_has_next(iterator)) return nullptr;
  return iterator->list->elements[iterator->pos++];
}

}  // namespace aeroshim
