/*
 * Info requests: ask one host, any node, one node or every node for info
 * names ("build", "statistics", ...). Answers are heap strings the caller
 * frees, except in aerospike_info_foreach where the library frees each
 * answer after the callback returns.
 * aerospike_scan.h comes along as in 7.4.0, with the scan types.
 */
#pragma once

#include <aerospike/aerospike.h>
#include <aerospike/aerospike_scan.h>
#include <aerospike/as_error.h>
#include <aerospike/as_info.h>
#include <aerospike/as_node.h>
#include <aerospike/as_policy.h>
#include <aerospike/as_status.h>

#ifdef __cplusplus
extern "C" {
#endif

typedef bool (*aerospike_info_foreach_callback)(const as_error* err, const as_node* node,
	const char* req, char* res, void* udata);

AS_EXTERN as_status aerospike_info_host(aerospike* as, as_error* err, const as_policy_info* policy,
	const char* hostname, uint16_t port, const char* req, char** res);
AS_EXTERN as_status aerospike_info_any(aerospike* as, as_error* err, const as_policy_info* policy,
	const char* req, char** res);
AS_EXTERN as_status aerospike_info_node(aerospike* as, as_error* err, const as_policy_info* policy,
	as_node* node, const char* req, char** res);
AS_EXTERN as_status aerospike_info_foreach(aerospike* as, as_error* err,
	const as_policy_info* policy, const char* req, aerospike_info_foreach_callback callback,
	void* udata);

#ifdef __cplusplus
}
#endif
