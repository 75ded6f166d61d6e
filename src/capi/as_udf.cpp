// extern "C" entry points of as_udf.h, plus the two names 7.4.0 exports
// without declaring them in a public header.
#include "core/error.h"
#include "ops/udf_types.h"

#include <aerospike/as_udf.h>

using namespace aeroshim;

extern "C" {

AS_EXTERN as_udf_files* as_udf_files_defaults(as_udf_files* files, bool free, uint32_t capacity);
// The wire name of each as_udf_type, NULL-terminated (7.4.0's aerospike_udf.c).
AS_EXTERN char* as_udf_type_str[] = {const_cast<char*>("LUA"), nullptr};

as_udf_call* as_udf_call_init(as_udf_call* call, const as_udf_module_name module,
                              const as_udf_function_name function, as_list* arglist) {
  return guard_value<as_udf_call*>(
      nullptr, {}, [&] { return udf_call_init(call, module, function, arglist, false); });
}

as_udf_call* as_udf_call_new(const as_udf_module_name module, const as_udf_function_name function,
                             as_list* arglist) {
  return guard_value<as_udf_call*>(
      nullptr, {}, [&] { return udf_call_init(nullptr, module, function, arglist, true); });
}

void as_udf_call_destroy(as_udf_call* call) {
  guard_void({}, [&] { udf_call_destroy(call); });
}

as_udf_file* as_udf_file_init(as_udf_file* file) {
  return guard_value<as_udf_file*>(nullptr, {}, [&] { return udf_file_init(file, false); });
}

as_udf_file* as_udf_file_new(void) {
  return guard_value<as_udf_file*>(nullptr, {}, [&] { return udf_file_init(nullptr, true); });
}

void as_udf_file_destroy(as_udf_file* file) {
  guard_void({}, [&] { udf_file_destroy(file); });
}

as_udf_files* as_udf_files_defaults(as_udf_files* files, bool free, uint32_t capacity) {
  return guard_value<as_udf_files*>(nullptr, {},
                                    [&] { return udf_files_defaults(files, free, capacity); });
}

as_udf_files* as_udf_files_init(as_udf_files* files, uint32_t capacity) {
  return guard_value<as_udf_files*>(nullptr, {},
                                    [&] { return udf_files_defaults(files, false, capacity); });
}

as_udf_files* as_udf_files_new(uint32_t capacity) {
  return guard_value<as_udf_files*>(nullptr, {}, [&] { return udf_files_new(capacity); });
}

void as_udf_files_destroy(as_udf_files* files) {
  guard_void({}, [&] { udf_files_destroy(files); });
}

}  // extern "C"
