// extern "C" entry points of as_info.h.
#include "client/info_commands.h"

#include <aerospike/as_info.h>

extern "C" {

as_status as_info_parse_single_response(char* values, char** value) {
  if (!values || !value) return AEROSPIKE_ERR_PARAM;
  return aeroshim::parse_single_response(values, value);
}

}  // extern "C"
