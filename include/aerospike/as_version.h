/*
 * as_version: a server version (major.minor.patch.build) as each as_node
 * records it from the "build" info reply, and the versions the client
 * compares against to enable features.
 */
#pragma once

#include <aerospike/as_std.h>

#ifdef __cplusplus
extern "C" {
#endif

typedef struct {
	uint16_t major;
	uint16_t minor;
	uint16_t patch;
	uint16_t build;
} as_version;

/* Parses "major.minor.patch[.build]"; false unless at least three parts. */
AS_EXTERN bool as_version_from_string(as_version* ver, const char* str);
AS_EXTERN void as_version_to_string(const as_version* ver, char* str, size_t size);
/* Negative, zero or positive, comparing field by field from major down. */
AS_EXTERN int as_version_compare(const as_version* ver1, const as_version* ver2);

AS_EXTERN extern as_version as_server_version_8_1;
AS_EXTERN extern as_version as_server_version_8_1_1;
AS_EXTERN extern as_version as_server_version_8_1_3;

#ifdef __cplusplus
}
#endif
