// The value types of as_udf.h: a call (module, function, arguments), a
// module file as the server lists or returns it, and a list of files.
// Memory follows 7.4.0: the _new forms are malloc'd and freed by their
// destroy, a call owns its argument list, a file owns content it allocated.
#pragma once

#include <aerospike/as_udf.h>

#include <cstdint>

namespace aeroshim {

// nullptr when a name is over its 63 characters or call is nullptr.
as_udf_call* udf_call_init(as_udf_call* call, const char* module, const char* function,
                           as_list* arglist, bool heap) noexcept;
void udf_call_destroy(as_udf_call* call) noexcept;

as_udf_file* udf_file_init(as_udf_file* file, bool heap) noexcept;
void udf_file_destroy(as_udf_file* file) noexcept;

// Entries are allocated (not initialized) for capacity > 0, as 7.4.0 does;
// `free_files` is what destroy will do with the struct itself.
as_udf_files* udf_files_defaults(as_udf_files* files, bool free_files, uint32_t capacity) noexcept;
as_udf_files* udf_files_new(uint32_t capacity) noexcept;
void udf_files_destroy(as_udf_files* files) noexcept;

}  // namespace aeroshim
