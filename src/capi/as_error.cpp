// extern "C" entry points of as_error.h.
#include "core/error.h"
#include "core/status_names.h"

#include <aerospike/as_error.h>

using namespace aeroshim;

extern "C" {

char* as_error_string(as_status status) {
  return guard_value<char*>(
      nullptr, {}, [&] { return const_cast<char*>(status_name(status_code_bits(status))); });
}

bool as_strncpy(char* trg, const char* src, int size) {
  return guard_value(false, {}, [&] { return copy_truncated(trg, src, size); });
}

}  // extern "C"
