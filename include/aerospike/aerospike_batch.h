/*
 * Batch commands: many keys in one request per node. A batch is a vector
 * of as_batch_record, each a read, write, UDF apply or remove with its own
 * key, policy and result; the older API takes an as_batch of keys and
 * reports as_batch_result to a listener. The synchronous commands are
 * built; the _async ones come with the event loops.
 */
#pragma once

#include <aerospike/aerospike.h>
#include <aerospike/as_batch.h>
#include <aerospike/as_listener.h>
#include <aerospike/as_error.h>
#include <aerospike/as_key.h>
#include <aerospike/as_list.h>
#include <aerospike/as_operations.h>
#include <aerospike/as_policy.h>
#include <aerospike/as_record.h>
#include <aerospike/as_status.h>
#include <aerospike/as_val.h>
#include <aerospike/as_vector.h>

#ifdef __cplusplus
extern "C" {
#endif

/* as_batch_type values: what a batch record asks for. */
#define AS_BATCH_READ 0
#define AS_BATCH_WRITE 1
#define AS_BATCH_APPLY 2
#define AS_BATCH_REMOVE 3
#define AS_BATCH_TXN_VERIFY 4
#define AS_BATCH_TXN_ROLL 5

typedef uint8_t as_batch_type;

/* The members every kind of batch record starts with, in this order. */
typedef struct as_batch_base_record_s {
	as_key key;
	as_record record;
	as_status result;
	as_batch_type type;
	bool has_write;
	bool in_doubt;
} as_batch_base_record;

typedef struct as_batch_read_record_s {
	as_key key;
	as_record record;
	as_status result;
	as_batch_type type;
	bool has_write;
	bool in_doubt;
	/* NULL = the batch's defaults. */
	const as_policy_batch_read* policy;
	/* Read operations, or NULL to read bins. */
	as_operations* ops;
	char** bin_names;
	uint32_t n_bin_names;
	bool read_all_bins;
} as_batch_read_record;

typedef struct as_batch_write_record_s {
	as_key key;
	as_record record;
	as_status result;
	as_batch_type type;
	bool has_write;
	bool in_doubt;
	const as_policy_batch_write* policy;
	as_operations* ops;
} as_batch_write_record;

typedef struct as_batch_apply_record_s {
	as_key key;
	as_record record;
	as_status result;
	as_batch_type type;
	bool has_write;
	bool in_doubt;
	const as_policy_batch_apply* policy;
	const char* module;
	const char* function;
	as_list* arglist;
} as_batch_apply_record;

typedef struct as_batch_remove_record_s {
	as_key key;
	as_record record;
	as_status result;
	as_batch_type type;
	bool has_write;
	bool in_doubt;
	const as_policy_batch_remove* policy;
} as_batch_remove_record;

/* Every element of as_batch_records.list has the size of the largest kind. */
typedef union {
	as_batch_base_record base;
	as_batch_read_record read;
	as_batch_write_record write;
	as_batch_apply_record apply;
	as_batch_remove_record remove;
} as_batch_record;

typedef struct as_batch_records_s {
	as_vector list;
} as_batch_records;

typedef as_batch_records as_batch_read_records;

/* Called once with all results; return false to stop. */
typedef bool (*as_batch_listener)(const as_batch_result* results, uint32_t n, void* udata);
typedef as_batch_listener aerospike_batch_read_callback;
typedef void (*as_async_batch_listener)(as_error* err, as_batch_records* records, void* udata,
	as_event_loop* event_loop);

/* Records on the stack of the calling function (the trailing ';' is 7.4.0's). */
#define as_batch_records_inita(__records, __capacity) \
	as_vector_inita(&((__records)->list), sizeof(as_batch_record), __capacity);
#define as_batch_read_inita(__records, __capacity) \
	as_vector_inita(&((__records)->list), sizeof(as_batch_record), __capacity);

/* Extra operations the library allocates for one record and frees with it. */
typedef struct {
	as_operations* ops1;
	as_operations* ops2;
} heap_fields;

AS_EXTERN void as_batch_records_destroy(as_batch_records* records);

AS_EXTERN as_status aerospike_batch_read(aerospike* as, as_error* err,
	const as_policy_batch* policy, as_batch_records* records);
AS_EXTERN as_status aerospike_batch_read_async(aerospike* as, as_error* err,
	const as_policy_batch* policy, as_batch_records* records, as_async_batch_listener listener,
	void* udata, as_event_loop* event_loop);
AS_EXTERN as_status aerospike_batch_write(aerospike* as, as_error* err,
	const as_policy_batch* policy, as_batch_records* records);
AS_EXTERN as_status aerospike_batch_write_async(aerospike* as, as_error* err,
	const as_policy_batch* policy, as_batch_records* records, as_async_batch_listener listener,
	void* udata, as_event_loop* event_loop);

AS_EXTERN as_status aerospike_batch_get(aerospike* as, as_error* err,
	const as_policy_batch* policy, const as_batch* batch, as_batch_listener listener,
	void* udata);
AS_EXTERN as_status aerospike_batch_get_bins(aerospike* as, as_error* err,
	const as_policy_batch* policy, const as_batch* batch, const char** bins, uint32_t n_bins,
	as_batch_listener listener, void* udata);
AS_EXTERN as_status aerospike_batch_get_ops(aerospike* as, as_error* err,
	const as_policy_batch* policy, const as_batch* batch, as_operations* ops,
	as_batch_listener listener, void* udata);
AS_EXTERN as_status aerospike_batch_exists(aerospike* as, as_error* err,
	const as_policy_batch* policy, const as_batch* batch, as_batch_listener listener,
	void* udata);
AS_EXTERN as_status aerospike_batch_operate(aerospike* as, as_error* err,
	const as_policy_batch* policy, const as_policy_batch_write* policy_write,
	const as_batch* batch, as_operations* ops, as_batch_listener listener, void* udata);
AS_EXTERN as_status aerospike_batch_apply(aerospike* as, as_error* err,
	const as_policy_batch* policy, const as_policy_batch_apply* policy_apply,
	const as_batch* batch, const char* module, const char* function, as_list* arglist,
	as_batch_listener listener, void* udata);
AS_EXTERN as_status aerospike_batch_remove(aerospike* as, as_error* err,
	const as_policy_batch* policy, const as_policy_batch_remove* policy_remove,
	const as_batch* batch, as_batch_listener listener, void* udata);

static inline void as_batch_records_init(as_batch_records* records, uint32_t capacity)
{
	as_vector_init(&records->list, sizeof(as_batch_record), capacity);
}

static inline void as_batch_read_init(as_batch_records* records, uint32_t capacity)
{
	as_batch_records_init(records, capacity);
}

static inline as_batch_records* as_batch_records_create(uint32_t capacity)
{
	return (as_batch_records*)as_vector_create(sizeof(as_batch_record), capacity);
}

static inline as_batch_records* as_batch_read_create(uint32_t capacity)
{
	return as_batch_records_create(capacity);
}

/*
 * The reserve helpers hand out a zeroed record of the vector with its kind
 * set; the caller fills in key and the rest.
 */
static inline as_batch_read_record* as_batch_read_reserve(as_batch_records* records)
{
	as_batch_read_record* rec = (as_batch_read_record*)as_vector_reserve(&records->list);
	rec->type = AS_BATCH_READ;
	return rec;
}

static inline as_batch_write_record* as_batch_write_reserve(as_batch_records* records)
{
	as_batch_write_record* rec = (as_batch_write_record*)as_vector_reserve(&records->list);
	rec->type = AS_BATCH_WRITE;
	rec->has_write = true;
	return rec;
}

static inline as_batch_apply_record* as_batch_apply_reserve(as_batch_records* records)
{
	as_batch_apply_record* rec = (as_batch_apply_record*)as_vector_reserve(&records->list);
	rec->type = AS_BATCH_APPLY;
	rec->has_write = true;
	return rec;
}

static inline as_batch_remove_record* as_batch_remove_reserve(as_batch_records* records)
{
	as_batch_remove_record* rec = (as_batch_remove_record*)as_vector_reserve(&records->list);
	rec->type = AS_BATCH_REMOVE;
	rec->has_write = true;
	return rec;
}

static inline void as_batch_read_destroy(as_batch_records* records)
{
	as_batch_records_destroy(records);
}

#ifdef __cplusplus
}
#endif
