// Names of as_status values (as_error_string).
#pragma once

#include <aerospike/as_status.h>

#include <cstring>

namespace aeroshim {

// Takes an int: C callers may pass any int as an as_status, and names outside the enum
// are part of the contract (negative ones are client errors, the rest server errors).
const char* status_name(int code);

// C enums are ints, so a C caller can hand us 9999 as an as_status; loading that through
// the C++ enum type is undefined (UBSan flags it), so entry points read the bits instead.
inline int status_code_bits(const as_status& status) noexcept {
  static_assert(sizeof(as_status) == sizeof(int), "as_status is passed as an int");
  int code = 0;
  std::memcpy(&code, &status, sizeof code);
  return code;
}

}  // namespace aeroshim
