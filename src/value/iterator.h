// as_iterator, the generic iterator header every concrete iterator starts
// with: its hooks, and whether destroying it frees it.
#pragma once

#include <aerospike/as_iterator.h>

namespace aeroshim {

as_iterator* iterator_make(as_iterator* iterator, bool free, void* data,
                           const as_iterator_hooks* hooks) noexcept;
// Runs the destroy hook, detaches the hooks, frees a heap iterator.
void iterator_destroy(as_iterator* iterator) noexcept;

}  // namespace aeroshim
