/*
 * Ending a transaction: commit or abort, synchronously or with a listener
 * called on an event loop, and what became of it. The transaction layer is
 * not built yet: declared only.
 */
#pragma once

#include <aerospike/aerospike.h>
#include <aerospike/as_txn.h>

#ifdef __cplusplus
extern "C" {
#endif

struct as_event_loop;

typedef enum {
	AS_COMMIT_OK,
	AS_COMMIT_ALREADY_COMMITTED,
	AS_COMMIT_ALREADY_ABORTED,
	AS_COMMIT_VERIFY_FAILED,
	/* Committed on the server side; the client gave up a later cleanup step. */
	AS_COMMIT_MARK_ROLL_FORWARD_ABANDONED,
	AS_COMMIT_ROLL_FORWARD_ABANDONED,
	AS_COMMIT_CLOSE_ABANDONED
} as_commit_status;

typedef void (*as_commit_listener)(as_error* err, as_commit_status status, void* udata,
	struct as_event_loop* event_loop);

typedef enum {
	AS_ABORT_OK,
	AS_ABORT_ALREADY_ABORTED,
	AS_ABORT_ALREADY_COMMITTED,
	AS_ABORT_ROLL_BACK_ABANDONED,
	AS_ABORT_CLOSE_ABANDONED
} as_abort_status;

typedef void (*as_abort_listener)(as_error* err, as_abort_status status, void* udata,
	struct as_event_loop* event_loop);

AS_EXTERN as_status aerospike_commit(aerospike* as, as_error* err, as_txn* txn,
	as_commit_status* commit_status);
AS_EXTERN as_status aerospike_abort(aerospike* as, as_error* err, as_txn* txn,
	as_abort_status* abort_status);
AS_EXTERN as_status aerospike_commit_async(aerospike* as, as_error* err, as_txn* txn,
	as_commit_listener listener, void* udata, struct as_event_loop* event_loop);
AS_EXTERN as_status aerospike_abort_async(aerospike* as, as_error* err, as_txn* txn,
	as_abort_listener listener, void* udata, struct as_event_loop* event_loop);

#ifdef __cplusplus
}
#endif
