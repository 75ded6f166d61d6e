/*
 * as_string_builder: appends text into a buffer that is always terminated.
 * With `resize` the buffer grows on the heap; without it an append that
 * does not fit fails and leaves what fits.
 */
#pragma once

#include <aerospike/as_std.h>

#ifdef __cplusplus
extern "C" {
#endif

typedef struct as_string_builder_s {
	char* data;
	uint32_t capacity;
	uint32_t length;
	bool resize;
	/* Whether destroy frees `data`. */
	bool free;
} as_string_builder;

/* A builder over __capacity bytes of the caller's stack. */
#define as_string_builder_inita(__sb, __capacity, __resize) \
	(__sb)->data = (char*)alloca(__capacity); \
	(__sb)->data[0] = 0; \
	(__sb)->capacity = (__capacity); \
	(__sb)->length = 0; \
	(__sb)->resize = (__resize); \
	(__sb)->free = false;

AS_EXTERN void as_string_builder_init(as_string_builder* sb, uint32_t capacity, bool resize);

/* Builds into the caller's buffer, which never grows. */
static inline void as_string_builder_assign(as_string_builder* sb, uint32_t buffer_size, char* buffer)
{
	sb->data = buffer;
	sb->data[0] = 0;
	sb->capacity = buffer_size;
	sb->length = 0;
	sb->resize = false;
	sb->free = false;
}

AS_EXTERN void as_string_builder_destroy(as_string_builder* sb);

static inline void as_string_builder_reset(as_string_builder* sb)
{
	sb->data[0] = 0;
	sb->length = 0;
}

AS_EXTERN bool as_string_builder_append(as_string_builder* sb, const char* value);
AS_EXTERN bool as_string_builder_append_char(as_string_builder* sb, char value);
/* Appends the bytes as hex pairs. */
AS_EXTERN bool as_string_builder_append_bytes(as_string_builder* sb, uint8_t* src, uint32_t size);
AS_EXTERN bool as_string_builder_append_int(as_string_builder* sb, int val);
AS_EXTERN bool as_string_builder_append_uint(as_string_builder* sb, uint32_t val);
AS_EXTERN bool as_string_builder_append_int64(as_string_builder* sb, int64_t val);
AS_EXTERN bool as_string_builder_append_uint64(as_string_builder* sb, uint64_t val);

static inline bool as_string_builder_append_newline(as_string_builder* sb)
{
	return as_string_builder_append_char(sb, '\n');
}

#ifdef __cplusplus
}
#endif
