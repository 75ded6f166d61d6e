// as_rec: the record interface of the value model, a data pointer and a hook
// table; these are its constructors and its as_val dispatch entries.
#pragma once

#include <aerospike/as_rec.h>

namespace aeroshim {

as_rec* rec_cons(as_rec* rec, bool free, void* data, const as_rec_hooks* hooks) noexcept;
// malloc'd, so the as_val dispatch frees it; throws std::bad_alloc.
as_rec* rec_new(void* data, const as_rec_hooks* hooks);

// Run the record's destroy / hashcode hook when it has one.
void rec_val_destroy(as_val* v) noexcept;
uint32_t rec_val_hashcode(const as_val* v) noexcept;
// "[ REC ]" in malloc'd memory; throws std::bad_alloc.
char* rec_val_tostring(const as_val* v);

}  // namespace aeroshim
