// extern "C" entry points of as_info.h.
#include "core/error.h"
#include "info/info_text.h"

#include <aerospike/as_info.h>

using namespace aeroshim;

extern "C" {

as_status as_info_parse_single_response(char* values, char** value) {
  return guard_value(AEROSPIKE_ERR_PARAM, {{values, "values"}, {value, "value"}},
                     [&] { return split_single_response(values, value); });
}

}  // extern "C"
