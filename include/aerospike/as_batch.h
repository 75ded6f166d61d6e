/*
 * The older batch API's key list and per-key result. The key array is
 * heap-allocated by as_batch_new/as_batch_init, or lives on the caller's
 * stack with as_batch_inita.
 */
#pragma once

#include <aerospike/as_bin.h>
#include <aerospike/as_key.h>
#include <aerospike/as_record.h>
#include <aerospike/as_status.h>

#include <alloca.h>

#ifdef __cplusplus
extern "C" {
#endif

typedef struct as_batch_s {
	struct {
		as_key* entries;
		uint32_t size;
		/* entries came from the heap and as_batch_destroy frees them. */
		bool _free;
	} keys;
	/* The as_batch itself came from the heap. */
	bool _free;
} as_batch;

typedef struct as_batch_result_s {
	/* Points into the request's as_batch. */
	const as_key* key;
	as_record record;
	as_status result;
	bool in_doubt;
} as_batch_result;

typedef as_batch_result as_batch_read;

/* Keys on the stack of the calling function: valid until it returns. */
#define as_batch_inita(__batch, __size) \
	do { \
		(__batch)->keys.entries = (as_key*)alloca(sizeof(as_key) * (__size)); \
		if ((__batch)->keys.entries) { \
			(__batch)->keys.size = (__size); \
			(__batch)->keys._free = false; \
		} \
		(__batch)->_free = false; \
	} while (0)

AS_EXTERN as_batch* as_batch_new(uint32_t size);
AS_EXTERN as_batch* as_batch_init(as_batch* batch, uint32_t size);
AS_EXTERN void as_batch_destroy(as_batch* batch);

/* Key i, or NULL when i is out of range. */
static inline as_key* as_batch_keyat(const as_batch* batch, uint32_t i)
{
	if (batch == NULL || batch->keys.entries == NULL || i >= batch->keys.size) {
		return NULL;
	}
	return &batch->keys.entries[i];
}

#ifdef __cplusplus
}
#endif
