// as_list, the abstract list: construction over any hook table, and the
// as_val-level destroy/hash/text that go through those hooks (so a list a
// program builds on its own table works everywhere ours does).
#pragma once

#include <aerospike/as_list.h>

#include <cstdint>

// "<NULL>", the rendering of an element without one; 7.4.0 exports it.
extern "C" {
AS_EXTERN extern const char NULL_STR[7];
}

namespace aeroshim {

as_list* list_make(as_list* list, bool free, const as_list_hooks* hooks) noexcept;
void list_clear(as_val* v) noexcept;
uint32_t list_hash(const as_val* v) noexcept;
// "[a, b, c]" from the elements' renderings, "<NULL>" for one without.
char* list_text(const as_val* v) noexcept;

}  // namespace aeroshim
