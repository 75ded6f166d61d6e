// The query definition: what as_query_init/new set, what destroy releases,
// the predicate list's storage, and the background UDF. Ownership follows
// 7.4.0: `_free` on the struct, the selection and the predicate list; a
// predicate frees its context, expression and string/blob value only when
// its own flag says so, and only in a list the query owns.
#pragma once

#include <aerospike/as_query.h>

namespace aeroshim {

// Namespace and set are truncated to fit (as_strncpy); NULL reads as empty.
as_query* query_setup(as_query* query, bool heap_struct, const char* ns, const char* set) noexcept;

as_query* query_new(const char* ns, const char* set) noexcept;

void query_destroy(as_query* query) noexcept;

// Room for n predicates, zeroed and owned; refused when entries exist already.
bool query_where_reserve(as_query* query, uint16_t n) noexcept;

// Replaces the UDF call (without releasing the previous argument list, as
// 7.4.0); true even when a name is too long and the call is left as it was.
bool query_apply(as_query* query, const char* module, const char* function,
                 const as_list* arglist) noexcept;

}  // namespace aeroshim
