/*
 * Parsing info-protocol answers ("name\tvalue\n" lines) in place.
 */
#pragma once

#include <aerospike/aerospike.h>
#include <aerospike/as_listener.h>
#include <aerospike/as_cluster.h>

#ifdef __cplusplus
extern "C" {
#endif

AS_EXTERN as_status as_info_parse_single_response(char* values, char** value);

#ifdef __cplusplus
}
#endif
