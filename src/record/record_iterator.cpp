#include "record/record_iterator.h"

#include <cstdlib>
#include <new>

namespace aeroshim {
namespace {

as_record_iterator* cons(as_record_iterator* iterator, const as_record* record, bool heap) {
  if (iterator == nullptr || record == nullptr) return nullptr;
  iterator->_free = heap;
  iterator->record = record;
  iterator->pos = 0;
  return iterator;
}

}  // namespace

as_record_iterator* record_iterator_init(as_record_iterator* iterator, const as_record* record) {
  return cons(iterator, record, false);
}

as_record_iterator* record_iterator_new(const as_record* record) {
  if (record == nullptr) return nullptr;
  auto* iterator = static_cast<as_record_iterator*>(std::malloc(sizeof(as_record_iterator)));
  if (iterator == nullptr) throw std::bad_alloc();
  return cons(iterator, record, true);
}

void record_iterator_destroy(as_record_iterator* iterator) {
  if (iterator == nullptr) return;
  iterator->record = nullptr;
  iterator->pos = 0;
  if (iterator->_free) std::free(iterator);
}

bool record_iterator_has_next(const as_record_iterator* iterator) {
  return iterator != nullptr && iterator->record != nullptr &&
         iterator->pos < iterator->record->bins.size;
}

as_bin* record_iterator_next(as_record_iterator* iterator) {
  if (!record_iterator_has_next(iterator)) return nullptr;
  return &iterator->record->bins.entries[iterator->pos++];
}

}  // namespace aeroshim
