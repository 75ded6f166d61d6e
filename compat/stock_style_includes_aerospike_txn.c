/*
 * Written the way a 7.4.0 user writes against <aerospike/aerospike_txn.h>
 * alone: the transaction, key and client types come along, and the inline
 * accessors and iterator set-up read the transaction as in 7.4.0.
 */
#include <aerospike/aerospike_txn.h>

int aeroshim_stock_style_aerospike_txn(void);

int aeroshim_stock_style_aerospike_txn(void)
{
	as_txn txn;
	as_txn_hash_row rows[2];
	as_txn_iter iter;
	as_commit_status status = AS_COMMIT_OK;
	memset(&txn, 0, sizeof(txn));
	memset(rows, 0, sizeof(rows));
	txn.reads.n_eles = 3;
	txn.writes.table = rows;
	as_txn_set_timeout(&txn, 10);
	if (txn.timeout != 10 || as_txn_reads_size(&txn) != 3 || as_txn_writes_size(&txn) != 0) {
		return __LINE__;
	}
	if (as_txn_monitor_exists(&txn) || as_txn_close_monitor(&txn)) {
		return __LINE__;
	}
	txn.deadline = 1;
	txn.write_in_doubt = true;
	if (!as_txn_monitor_exists(&txn) || as_txn_close_monitor(&txn)) {
		return __LINE__;
	}
	as_txn_iter_writes(&iter, &txn);
	if (iter.khash != &txn.writes || iter.row != rows || iter.ele != NULL || iter.idx != 0) {
		return __LINE__;
	}
	return status == 0 && AS_ABORT_CLOSE_ABANDONED == 4 && AS_TXN_STATE_ABORTED == 3 ? 0
		: __LINE__;
}
