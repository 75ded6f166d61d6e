/*
 * The 7.4.0 client version this library is interface-compatible with.
 */
#pragma once

#include <aerospike/as_std.h>

#ifdef __cplusplus
extern "C" {
#endif

#define AEROSPIKE_CLIENT_VERSION 704000000L

AS_EXTERN extern char* aerospike_client_version;

#ifdef __cplusplus
}
#endif
