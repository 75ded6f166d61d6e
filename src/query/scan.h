// The scan definition: what as_scan_init/new set, what destroy releases, and
// the setters. Ownership follows 7.4.0: `_free` on the struct (as_scan_new),
// on the selection (select_init), the UDF call owns its argument list, and
// the scan owns its operations and one reference to its partition status.
#pragma once

#include <aerospike/as_scan.h>

namespace aeroshim {

// Sets every field to its default. A namespace of AS_NAMESPACE_MAX_SIZE
// characters or more, or a set of AS_SET_MAX_SIZE or more, is left empty
// (7.4.0 does not truncate these two); NULL reads as empty.
as_scan* scan_setup(as_scan* scan, bool heap_struct, const char* ns, const char* set) noexcept;

as_scan* scan_new(const char* ns, const char* set) noexcept;

void scan_destroy(as_scan* scan) noexcept;

// Sets the UDF every record goes through. As in 7.4.0 the answer is true
// even when a name is too long for as_udf_call, which is then left as it was.
bool scan_apply_each(as_scan* scan, const char* module, const char* function,
                     as_list* arglist) noexcept;

}  // namespace aeroshim
