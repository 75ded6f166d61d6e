/*
 * Layout of the UDF runtime's types (as_module.h, as_aerospike.h,
 * as_udf_context.h, as_timer.h) and the module event codes, measured by
 * compiling the 7.4.0 headers (x86-64 Linux).
 */
#include "../layout_check.h"

#include <aerospike/as_module.h>
#include <aerospike/as_aerospike.h>
#include <aerospike/as_udf_context.h>

AS_CHECK(sizeof(as_module_event_data) == 16);
AS_CHECK(AS_ALIGNOF(as_module_event_data) == 8);
AS_CHECK(offsetof(as_module_event_data, config) == 0);
AS_CHECK(AS_MEMBER_SIZE(as_module_event_data, config) == 8);
AS_CHECK(offsetof(as_module_event_data, filename) == 8);
AS_CHECK(AS_MEMBER_SIZE(as_module_event_data, filename) == 8);
AS_CHECK(sizeof(as_module_event) == 24);
AS_CHECK(AS_ALIGNOF(as_module_event) == 8);
AS_CHECK(offsetof(as_module_event, type) == 0);
AS_CHECK(AS_MEMBER_SIZE(as_module_event, type) == 4);
AS_CHECK(offsetof(as_module_event, data) == 8);
AS_CHECK(AS_MEMBER_SIZE(as_module_event, data) == 16);
AS_CHECK(sizeof(as_module_error) == 1548);
AS_CHECK(AS_ALIGNOF(as_module_error) == 4);
AS_CHECK(offsetof(as_module_error, scope) == 0);
AS_CHECK(AS_MEMBER_SIZE(as_module_error, scope) == 1);
AS_CHECK(offsetof(as_module_error, code) == 4);
AS_CHECK(AS_MEMBER_SIZE(as_module_error, code) == 4);
AS_CHECK(offsetof(as_module_error, message) == 8);
AS_CHECK(AS_MEMBER_SIZE(as_module_error, message) == 1024);
AS_CHECK(offsetof(as_module_error, file) == 1032);
AS_CHECK(AS_MEMBER_SIZE(as_module_error, file) == 256);
AS_CHECK(offsetof(as_module_error, line) == 1288);
AS_CHECK(AS_MEMBER_SIZE(as_module_error, line) == 4);
AS_CHECK(offsetof(as_module_error, func) == 1292);
AS_CHECK(AS_MEMBER_SIZE(as_module_error, func) == 256);
AS_CHECK(sizeof(as_module_hooks) == 40);
AS_CHECK(AS_ALIGNOF(as_module_hooks) == 8);
AS_CHECK(offsetof(as_module_hooks, destroy) == 0);
AS_CHECK(AS_MEMBER_SIZE(as_module_hooks, destroy) == 8);
AS_CHECK(offsetof(as_module_hooks, update) == 8);
AS_CHECK(AS_MEMBER_SIZE(as_module_hooks, update) == 8);
AS_CHECK(offsetof(as_module_hooks, validate) == 16);
AS_CHECK(AS_MEMBER_SIZE(as_module_hooks, validate) == 8);
AS_CHECK(offsetof(as_module_hooks, apply_record) == 24);
AS_CHECK(AS_MEMBER_SIZE(as_module_hooks, apply_record) == 8);
AS_CHECK(offsetof(as_module_hooks, apply_stream) == 32);
AS_CHECK(AS_MEMBER_SIZE(as_module_hooks, apply_stream) == 8);
AS_CHECK(sizeof(as_module) == 16);
AS_CHECK(AS_ALIGNOF(as_module) == 8);
AS_CHECK(offsetof(as_module, source) == 0);
AS_CHECK(AS_MEMBER_SIZE(as_module, source) == 8);
AS_CHECK(offsetof(as_module, hooks) == 8);
AS_CHECK(AS_MEMBER_SIZE(as_module, hooks) == 8);
AS_CHECK(sizeof(struct as_aerospike_s) == 24);
AS_CHECK(AS_ALIGNOF(struct as_aerospike_s) == 8);
AS_CHECK(offsetof(struct as_aerospike_s, source) == 0);
AS_CHECK(AS_MEMBER_SIZE(struct as_aerospike_s, source) == 8);
AS_CHECK(offsetof(struct as_aerospike_s, hooks) == 8);
AS_CHECK(AS_MEMBER_SIZE(struct as_aerospike_s, hooks) == 8);
AS_CHECK(offsetof(struct as_aerospike_s, is_rcalloc) == 16);
AS_CHECK(AS_MEMBER_SIZE(struct as_aerospike_s, is_rcalloc) == 1);
AS_CHECK(sizeof(struct as_aerospike_hooks_s) == 72);
AS_CHECK(AS_ALIGNOF(struct as_aerospike_hooks_s) == 8);
AS_CHECK(offsetof(struct as_aerospike_hooks_s, destroy) == 0);
AS_CHECK(AS_MEMBER_SIZE(struct as_aerospike_hooks_s, destroy) == 8);
AS_CHECK(offsetof(struct as_aerospike_hooks_s, rec_create) == 8);
AS_CHECK(AS_MEMBER_SIZE(struct as_aerospike_hooks_s, rec_create) == 8);
AS_CHECK(offsetof(struct as_aerospike_hooks_s, rec_update) == 16);
AS_CHECK(AS_MEMBER_SIZE(struct as_aerospike_hooks_s, rec_update) == 8);
AS_CHECK(offsetof(struct as_aerospike_hooks_s, rec_remove) == 24);
AS_CHECK(AS_MEMBER_SIZE(struct as_aerospike_hooks_s, rec_remove) == 8);
AS_CHECK(offsetof(struct as_aerospike_hooks_s, rec_exists) == 32);
AS_CHECK(AS_MEMBER_SIZE(struct as_aerospike_hooks_s, rec_exists) == 8);
AS_CHECK(offsetof(struct as_aerospike_hooks_s, log) == 40);
AS_CHECK(AS_MEMBER_SIZE(struct as_aerospike_hooks_s, log) == 8);
AS_CHECK(offsetof(struct as_aerospike_hooks_s, get_current_time) == 48);
AS_CHECK(AS_MEMBER_SIZE(struct as_aerospike_hooks_s, get_current_time) == 8);
AS_CHECK(offsetof(struct as_aerospike_hooks_s, set_context) == 56);
AS_CHECK(AS_MEMBER_SIZE(struct as_aerospike_hooks_s, set_context) == 8);
AS_CHECK(offsetof(struct as_aerospike_hooks_s, get_config) == 64);
AS_CHECK(AS_MEMBER_SIZE(struct as_aerospike_hooks_s, get_config) == 8);
AS_CHECK(sizeof(as_udf_context) == 16);
AS_CHECK(AS_ALIGNOF(as_udf_context) == 8);
AS_CHECK(offsetof(as_udf_context, as) == 0);
AS_CHECK(AS_MEMBER_SIZE(as_udf_context, as) == 8);
AS_CHECK(offsetof(as_udf_context, timer) == 8);
AS_CHECK(AS_MEMBER_SIZE(as_udf_context, timer) == 8);
AS_CHECK(AS_MODULE_EVENT_CONFIGURE == 0);
AS_CHECK(AS_MODULE_EVENT_FILE_SCAN == 1);
AS_CHECK(AS_MODULE_EVENT_FILE_ADD == 2);
AS_CHECK(AS_MODULE_EVENT_FILE_REMOVE == 3);
AS_CHECK(AS_MODULE_EVENT_CLEAR_CACHE == 4);
