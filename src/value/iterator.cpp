#include "value/iterator.h"

#include <cstdlib>

namespace aeroshim {

as_iterator* iterator_make(as_iterator* iterator, bool free, void* data,
                           const as_iterator_hooks* hooks) noexcept {
  if (iterator == nullptr) return nullptr;
  iterator->free = free;
  iterator->data = data;
  iterator->hooks = hooks;
  return iterator;
}

void iterator_destroy(as_iterator* iterator) noexcept {
  if (iterator == nullptr) return;
  if (iterator->hooks != nullptr && iterator->hooks->destroy != nullptr) {
    iterator->hooks->destroy(iterator);
  }
  iterator->data = nullptr;
  iterator->hooks = nullptr;
  if (iterator->free) std::free(iterator);
}

}  // namespace aeroshim
