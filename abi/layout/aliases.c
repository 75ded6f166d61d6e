/*
 * The typedef aliases of the layout tables: each must stay the very type it
 * names in 7.4.0 (same size and alignment here; _Generic in C proves identity).
 */
#include <aerospike/aerospike_batch.h>
#include <aerospike/as_policy.h>

#include "../layout_check.h"

AS_CHECK(sizeof(as_policy_txn_verify) == 72);
AS_CHECK(AS_ALIGNOF(as_policy_txn_verify) == 8);
AS_CHECK(sizeof(as_policy_txn_roll) == 72);
AS_CHECK(AS_ALIGNOF(as_policy_txn_roll) == 8);
AS_CHECK(sizeof(as_batch_read) == 232);
AS_CHECK(AS_ALIGNOF(as_batch_read) == 8);
AS_CHECK(sizeof(as_batch_read_records) == 24);
AS_CHECK(AS_ALIGNOF(as_batch_read_records) == 8);

#ifndef __cplusplus
#define AS_SAME_TYPE(alias, type) _Generic((alias*)0, type*: 1, default: 0)
AS_CHECK(AS_SAME_TYPE(as_policy_txn_verify, as_policy_batch));
AS_CHECK(AS_SAME_TYPE(as_policy_txn_roll, as_policy_batch));
AS_CHECK(AS_SAME_TYPE(as_batch_read, as_batch_result));
AS_CHECK(AS_SAME_TYPE(as_batch_read_records, as_batch_records));
#endif
