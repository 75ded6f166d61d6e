/*
 * as_stream: a source or sink of values behind a hook table (query and UDF
 * result streams). A stream without a read or write hook is not readable or
 * writable.
 */
#pragma once

#include <aerospike/as_std.h>
#include <aerospike/as_util.h>
#include <aerospike/as_val.h>

#ifdef __cplusplus
extern "C" {
#endif

/* What read returns when the stream has no more values. */
#define AS_STREAM_END ((void*)0)

struct as_stream_hooks_s;

typedef enum as_stream_status_e {
	AS_STREAM_OK = 0,
	AS_STREAM_ERR = 1
} as_stream_status;

typedef struct as_stream_s {
	/* Whether as_stream_destroy frees the stream itself. */
	bool free;
	void* data;
	const struct as_stream_hooks_s* hooks;
} as_stream;

typedef struct as_stream_hooks_s {
	int (*destroy)(as_stream* stream);
	as_val* (*read)(const as_stream* stream);
	as_stream_status (*write)(const as_stream* stream, as_val* value);
} as_stream_hooks;

/* The allocator as_stream_new and as_stream_destroy use (the library's). */
AS_EXTERN void* as_stream_malloc(size_t size);
AS_EXTERN void as_stream_free(void* ptr);

static inline as_stream* as_stream_init(as_stream* stream, void* data, const as_stream_hooks* hooks)
{
	if (stream) {
		stream->free = false;
		stream->data = data;
		stream->hooks = hooks;
	}
	return stream;
}

static inline as_stream* as_stream_new(void* data, const as_stream_hooks* hooks)
{
	as_stream* stream = (as_stream*)as_stream_malloc(sizeof(as_stream));
	if (stream) {
		stream->free = true;
		stream->data = data;
		stream->hooks = hooks;
	}
	return stream;
}

static inline void as_stream_destroy(as_stream* stream)
{
	(void)as_util_hook(destroy, 1, stream);
	if (stream && stream->free) {
		as_stream_free(stream);
	}
}

static inline void* as_stream_source(const as_stream* stream)
{
	return stream ? stream->data : NULL;
}

static inline as_val* as_stream_read(const as_stream* stream)
{
	return as_util_hook(read, NULL, stream);
}

static inline bool as_stream_readable(const as_stream* stream)
{
	return stream != NULL && stream->hooks != NULL && stream->hooks->read;
}

static inline as_stream_status as_stream_write(const as_stream* stream, as_val* value)
{
	return as_util_hook(write, AS_STREAM_ERR, stream, value);
}

static inline bool as_stream_writable(const as_stream* stream)
{
	return stream != NULL && stream->hooks != NULL && stream->hooks->write;
}

#ifdef __cplusplus
}
#endif
