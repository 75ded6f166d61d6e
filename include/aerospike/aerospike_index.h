/*
 * Secondary indexes: create one on a bin (optionally inside a list/map
 * through a CDT context) or on an expression, wait for the build, remove
 * it. The index layer is not built yet: the commands are declared only;
 * the convenience forms are inline wrappers as in 7.4.0.
 */
#pragma once

#include <aerospike/aerospike.h>
#include <aerospike/as_bin.h>
#include <aerospike/as_error.h>
#include <aerospike/as_key.h>
#include <aerospike/as_policy.h>
#include <aerospike/as_status.h>

#ifdef __cplusplus
extern "C" {
#endif

#define AS_INDEX_NAME_MAX_SIZE 64

/* What of the bin is indexed: the value itself, or a collection's elements. */
typedef enum as_index_type_s {
	AS_INDEX_TYPE_DEFAULT,
	AS_INDEX_TYPE_LIST,
	AS_INDEX_TYPE_MAPKEYS,
	AS_INDEX_TYPE_MAPVALUES,
	AS_INDEX_TYPE_SET
} as_index_type;

typedef enum as_index_datatype_s {
	AS_INDEX_STRING,
	AS_INDEX_NUMERIC,
	AS_INDEX_GEO2DSPHERE,
	AS_INDEX_BLOB,
	AS_INDEX_INTEGER,
} as_index_datatype;

#define AS_INDEX_DEFAULT AS_INDEX_STRING

/* Filled by the create calls; aerospike_index_create_wait polls with it. */
typedef struct as_index_task_s {
	aerospike* as;
	as_namespace ns;
	char name[AS_INDEX_NAME_MAX_SIZE];
	uint32_t socket_timeout;
	uint32_t total_timeout;
	bool done;
} as_index_task;

struct as_cdt_ctx;
struct as_exp;

AS_EXTERN as_status aerospike_index_create_ctx(aerospike* as, as_error* err,
	as_index_task* task, const as_policy_info* policy, const char* ns, const char* set,
	const char* bin_name, const char* index_name, as_index_type itype, as_index_datatype dtype,
	struct as_cdt_ctx* ctx);
AS_EXTERN as_status aerospike_index_create_exp(aerospike* as, as_error* err,
	as_index_task* task, const as_policy_info* policy, const char* ns, const char* set,
	const char* index_name, as_index_type itype, as_index_datatype dtype, struct as_exp* exp);
/* interval_ms 0 = the library's default polling interval. */
AS_EXTERN as_status aerospike_index_create_wait(as_error* err, as_index_task* task,
	uint32_t interval_ms);
AS_EXTERN as_status aerospike_index_remove(aerospike* as, as_error* err,
	const as_policy_info* policy, const char* ns, const char* index_name);

static inline as_status aerospike_index_create_complex(aerospike* as, as_error* err,
	as_index_task* task, const as_policy_info* policy, const char* ns, const char* set,
	const char* bin_name, const char* index_name, as_index_type itype, as_index_datatype dtype)
{
	return aerospike_index_create_ctx(as, err, task, policy, ns, set, bin_name, index_name,
		itype, dtype, NULL);
}

static inline as_status aerospike_index_create(aerospike* as, as_error* err,
	as_index_task* task, const as_policy_info* policy, const char* ns, const char* set,
	const char* bin_name, const char* index_name, as_index_datatype dtype)
{
	return aerospike_index_create_complex(as, err, task, policy, ns, set, bin_name, index_name,
		AS_INDEX_TYPE_DEFAULT, dtype);
}

/* The older forms: no task to wait with. */
static inline as_status aerospike_index_integer_create(aerospike* as, as_error* err,
	const as_policy_info* policy, const char* ns, const char* set, const char* bin,
	const char* name)
{
	return aerospike_index_create_complex(as, err, NULL, policy, ns, set, bin, name,
		AS_INDEX_TYPE_DEFAULT, AS_INDEX_NUMERIC);
}

static inline as_status aerospike_index_string_create(aerospike* as, as_error* err,
	const as_policy_info* policy, const char* ns, const char* set, const char* bin,
	const char* name)
{
	return aerospike_index_create_complex(as, err, NULL, policy, ns, set, bin, name,
		AS_INDEX_TYPE_DEFAULT, AS_INDEX_STRING);
}

#ifdef __cplusplus
}
#endif
