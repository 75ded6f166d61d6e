// extern "C" entry points of as_error.h.
#include "core/status_names.h"

#include <aerospike/as_error.h>

#include <cstring>

extern "C" {

char* as_error_string(as_status status) {
  return const_cast<char*>(aeroshim::status_name(status));
}

bool as_strncpy(char* trg, const char* src, int size) {
  if (trg == nullptr || size <= 0) return src != nullptr && *src != '\0';
  if (src == nullptr) {
    *trg = '\0';
    return false;
  }
  size_t room = static_cast<size_t>(size) - 1;
  size_t length = strnlen(src, room + 1);
  bool truncated = length > room;
  size_t n = truncated ? room : length;
  std::memcpy(trg, src, n);
  trg[n] = '\0';
  return truncated;
}

}  // extern "C"
