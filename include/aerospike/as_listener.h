/*
 * Completion callbacks of the asynchronous API, which aeroshim does not
 * implement; as_info.h includes this header in 7.4.0, so the callback types
 * are here for programs that name them, with as_record.h included as in
 * 7.4.0 (as_async_record_listener takes an as_record).
 */
#pragma once

#include <aerospike/as_error.h>
#include <aerospike/as_event.h>
#include <aerospike/as_record.h>
#include <aerospike/as_val.h>

#ifdef __cplusplus
extern "C" {
#endif

typedef void (*as_async_write_listener)(as_error* err, void* udata, as_event_loop* event_loop);
typedef void (*as_async_record_listener)(as_error* err, as_record* record, void* udata,
	as_event_loop* event_loop);
typedef void (*as_async_value_listener)(as_error* err, as_val* val, void* udata,
	as_event_loop* event_loop);
typedef void (*as_pipe_listener)(void* udata, as_event_loop* event_loop);
typedef void (*as_async_info_listener)(as_error* err, char* response, void* udata,
	as_event_loop* event_loop);

#ifdef __cplusplus
}
#endif
