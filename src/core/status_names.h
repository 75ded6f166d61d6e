// Names of as_status values (as_error_string).
#pragma once

#include <aerospike/as_status.h>

namespace aeroshim {

const char* status_name(as_status status);

}  // namespace aeroshim
