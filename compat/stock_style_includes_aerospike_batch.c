/*
 * Written the way a 7.4.0 user writes against <aerospike/aerospike_batch.h>
 * alone: keys, records, operations, lists and vectors come along, records
 * live on the stack with as_batch_records_inita, and the reserve helpers
 * hand out zeroed records of the right kind (write kinds flagged has_write).
 */
#include <aerospike/aerospike_batch.h>

int aeroshim_stock_style_aerospike_batch(void);

int aeroshim_stock_style_aerospike_batch(void)
{
	as_batch_records records;
	as_batch batch;
	as_operations* ops = NULL;
	as_batch_read_record* read;
	as_batch_write_record* write;
	as_batch_apply_record* apply;
	as_batch_remove_record* remove_rec;
	as_batch_record* any;

	as_batch_records_inita(&records, 2);
	read = as_batch_read_reserve(&records);
	write = as_batch_write_reserve(&records);
	/* Past the stack capacity: the vector moves to the heap. */
	apply = as_batch_apply_reserve(&records);
	remove_rec = as_batch_remove_reserve(&records);
	if (records.list.size != 4 || read->type != AS_BATCH_READ || read->has_write) {
		return __LINE__;
	}
	any = (as_batch_record*)as_vector_get(&records.list, 1);
	if (write->type != AS_BATCH_WRITE || !write->has_write || any->write.ops != ops) {
		return __LINE__;
	}
	any = (as_batch_record*)as_vector_get(&records.list, 2);
	if (apply->type != AS_BATCH_APPLY || !apply->has_write || any->base.type != AS_BATCH_APPLY) {
		return __LINE__;
	}
	if (remove_rec->type != AS_BATCH_REMOVE || !remove_rec->has_write) {
		return __LINE__;
	}
	as_vector_destroy(&records.list);

	as_batch_inita(&batch, 3);
	if (batch.keys.size != 3 || batch._free || batch.keys._free) {
		return __LINE__;
	}
	if (as_batch_keyat(&batch, 2) != &batch.keys.entries[2] || as_batch_keyat(&batch, 3) != NULL) {
		return __LINE__;
	}
	return as_batch_keyat(NULL, 0) == NULL && AS_BATCH_TXN_ROLL == 5 ? 0 : __LINE__;
}
