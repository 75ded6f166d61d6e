// extern "C" entry points and globals of as_version.h.
#include "core/error.h"
#include "info/server_version.h"

#include <aerospike/as_version.h>

using namespace aeroshim;

extern "C" {

// The versions 7.4.0 switches command syntax at (index commands, user agent).
as_version as_server_version_8_1 = {8, 1, 0, 0};
as_version as_server_version_8_1_1 = {8, 1, 1, 0};
as_version as_server_version_8_1_3 = {8, 1, 3, 0};

bool as_version_from_string(as_version* ver, const char* str) {
  return guard_value(false, {}, [&] { return ver && str && version_from_string(ver, str); });
}

void as_version_to_string(const as_version* ver, char* str, size_t size) {
  guard_void({{ver, "ver"}, {str, "str"}}, [&] { version_to_string(ver, str, size); });
}

int as_version_compare(const as_version* ver1, const as_version* ver2) {
  return guard_value(0, {}, [&] { return ver1 && ver2 ? version_compare(ver1, ver2) : 0; });
}

}  // extern "C"
