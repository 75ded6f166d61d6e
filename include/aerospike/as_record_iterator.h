/*
 * as_record_iterator: walks a record's bins in order. It borrows the record,
 * which must outlive it and not change while it is used.
 */
#pragma once

#include <aerospike/as_bin.h>
#include <aerospike/as_bytes.h>
#include <aerospike/as_integer.h>
#include <aerospike/as_key.h>
#include <aerospike/as_list.h>
#include <aerospike/as_map.h>
#include <aerospike/as_rec.h>
#include <aerospike/as_record.h>
#include <aerospike/as_string.h>
#include <aerospike/as_util.h>
#include <aerospike/as_val.h>

#ifdef __cplusplus
extern "C" {
#endif

typedef struct as_record_iterator_s {
	/* The iterator itself is heap-owned (as_record_iterator_new). */
	bool _free;
	const as_record* record;
	/* Index of the next bin. */
	uint32_t pos;
} as_record_iterator;

/* NULL when record is NULL. */
AS_EXTERN as_record_iterator* as_record_iterator_new(const as_record* record);
AS_EXTERN as_record_iterator* as_record_iterator_init(as_record_iterator* iterator,
		const as_record* record);
AS_EXTERN void as_record_iterator_destroy(as_record_iterator* iterator);
AS_EXTERN bool as_record_iterator_has_next(const as_record_iterator* iterator);
/* The next bin (owned by the record), or NULL at the end. */
AS_EXTERN as_bin* as_record_iterator_next(as_record_iterator* iterator);

#ifdef __cplusplus
}
#endif
