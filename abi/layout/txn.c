/*
 * Layout of the transaction types (layout-data.md section 7), the commit
 * and abort outcomes, and the capacity defaults, measured by compiling the
 * 7.4.0 headers (x86-64 Linux).
 */
#include "../layout_check.h"

#include <aerospike/as_txn.h>
#include <aerospike/aerospike_txn.h>

AS_CHECK(sizeof(as_txn) == 168);
AS_CHECK(AS_ALIGNOF(as_txn) == 8);
AS_CHECK(offsetof(as_txn, id) == 0);
AS_CHECK(AS_MEMBER_SIZE(as_txn, id) == 8);
AS_CHECK(offsetof(as_txn, ns) == 8);
AS_CHECK(AS_MEMBER_SIZE(as_txn, ns) == 32);
AS_CHECK(offsetof(as_txn, reads) == 40);
AS_CHECK(AS_MEMBER_SIZE(as_txn, reads) == 56);
AS_CHECK(offsetof(as_txn, writes) == 96);
AS_CHECK(AS_MEMBER_SIZE(as_txn, writes) == 56);
AS_CHECK(offsetof(as_txn, timeout) == 152);
AS_CHECK(AS_MEMBER_SIZE(as_txn, timeout) == 4);
AS_CHECK(offsetof(as_txn, deadline) == 156);
AS_CHECK(AS_MEMBER_SIZE(as_txn, deadline) == 4);
AS_CHECK(offsetof(as_txn, state) == 160);
AS_CHECK(AS_MEMBER_SIZE(as_txn, state) == 4);
AS_CHECK(offsetof(as_txn, write_in_doubt) == 164);
AS_CHECK(AS_MEMBER_SIZE(as_txn, write_in_doubt) == 1);
AS_CHECK(offsetof(as_txn, in_doubt) == 165);
AS_CHECK(AS_MEMBER_SIZE(as_txn, in_doubt) == 1);
AS_CHECK(offsetof(as_txn, free) == 166);
AS_CHECK(AS_MEMBER_SIZE(as_txn, free) == 1);
AS_CHECK(sizeof(as_txn_key) == 104);
AS_CHECK(AS_ALIGNOF(as_txn_key) == 8);
AS_CHECK(offsetof(as_txn_key, digest) == 0);
AS_CHECK(AS_MEMBER_SIZE(as_txn_key, digest) == 20);
AS_CHECK(offsetof(as_txn_key, set) == 20);
AS_CHECK(AS_MEMBER_SIZE(as_txn_key, set) == 64);
AS_CHECK(offsetof(as_txn_key, version) == 88);
AS_CHECK(AS_MEMBER_SIZE(as_txn_key, version) == 8);
AS_CHECK(offsetof(as_txn_key, next) == 96);
AS_CHECK(AS_MEMBER_SIZE(as_txn_key, next) == 8);
AS_CHECK(sizeof(as_txn_hash) == 56);
AS_CHECK(AS_ALIGNOF(as_txn_hash) == 8);
AS_CHECK(offsetof(as_txn_hash, lock) == 0);
AS_CHECK(AS_MEMBER_SIZE(as_txn_hash, lock) == 40);
AS_CHECK(offsetof(as_txn_hash, n_eles) == 40);
AS_CHECK(AS_MEMBER_SIZE(as_txn_hash, n_eles) == 4);
AS_CHECK(offsetof(as_txn_hash, n_rows) == 44);
AS_CHECK(AS_MEMBER_SIZE(as_txn_hash, n_rows) == 4);
AS_CHECK(offsetof(as_txn_hash, table) == 48);
AS_CHECK(AS_MEMBER_SIZE(as_txn_hash, table) == 8);
AS_CHECK(sizeof(as_txn_hash_row) == 112);
AS_CHECK(AS_ALIGNOF(as_txn_hash_row) == 8);
AS_CHECK(offsetof(as_txn_hash_row, used) == 0);
AS_CHECK(AS_MEMBER_SIZE(as_txn_hash_row, used) == 1);
AS_CHECK(offsetof(as_txn_hash_row, head) == 8);
AS_CHECK(AS_MEMBER_SIZE(as_txn_hash_row, head) == 104);
AS_CHECK(sizeof(as_txn_iter) == 32);
AS_CHECK(AS_ALIGNOF(as_txn_iter) == 8);
AS_CHECK(offsetof(as_txn_iter, khash) == 0);
AS_CHECK(AS_MEMBER_SIZE(as_txn_iter, khash) == 8);
AS_CHECK(offsetof(as_txn_iter, row) == 8);
AS_CHECK(AS_MEMBER_SIZE(as_txn_iter, row) == 8);
AS_CHECK(offsetof(as_txn_iter, ele) == 16);
AS_CHECK(AS_MEMBER_SIZE(as_txn_iter, ele) == 8);
AS_CHECK(offsetof(as_txn_iter, idx) == 24);
AS_CHECK(AS_MEMBER_SIZE(as_txn_iter, idx) == 4);
AS_CHECK(AS_TXN_READ_CAPACITY_DEFAULT == 128);
AS_CHECK(AS_TXN_WRITE_CAPACITY_DEFAULT == 128);
AS_CHECK(AS_TXN_STATE_OPEN == 0);
AS_CHECK(AS_TXN_STATE_VERIFIED == 1);
AS_CHECK(AS_TXN_STATE_COMMITTED == 2);
AS_CHECK(AS_TXN_STATE_ABORTED == 3);
AS_CHECK(AS_COMMIT_OK == 0);
AS_CHECK(AS_COMMIT_ALREADY_COMMITTED == 1);
AS_CHECK(AS_COMMIT_ALREADY_ABORTED == 2);
AS_CHECK(AS_COMMIT_VERIFY_FAILED == 3);
AS_CHECK(AS_COMMIT_MARK_ROLL_FORWARD_ABANDONED == 4);
AS_CHECK(AS_COMMIT_ROLL_FORWARD_ABANDONED == 5);
AS_CHECK(AS_COMMIT_CLOSE_ABANDONED == 6);
AS_CHECK(AS_ABORT_OK == 0);
AS_CHECK(AS_ABORT_ALREADY_ABORTED == 1);
AS_CHECK(AS_ABORT_ALREADY_COMMITTED == 2);
AS_CHECK(AS_ABORT_ROLL_BACK_ABANDONED == 3);
AS_CHECK(AS_ABORT_CLOSE_ABANDONED == 4);
