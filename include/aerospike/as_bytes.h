/*
 * as_bytes: a byte buffer value with a particle type tag (blob, language
 * blobs, HLL, ...). The buffer grows through as_bytes_ensure/append when
 * `free` says the library owns it.
 */
#pragma once

#include <aerospike/as_std.h>
#include <aerospike/as_util.h>
#include <aerospike/as_val.h>

#ifdef __cplusplus
extern "C" {
#endif

/* Server particle types a byte value may carry. */
typedef enum as_bytes_type_e {
	AS_BYTES_UNDEF = 0,
	AS_BYTES_INTEGER = 1,
	AS_BYTES_DOUBLE = 2,
	AS_BYTES_STRING = 3,
	AS_BYTES_BLOB = 4,
	AS_BYTES_JAVA = 7,
	AS_BYTES_CSHARP = 8,
	AS_BYTES_PYTHON = 9,
	AS_BYTES_RUBY = 10,
	AS_BYTES_PHP = 11,
	AS_BYTES_ERLANG = 12,
	AS_BYTES_VECTOR = 16,
	AS_BYTES_BOOL = 17,
	AS_BYTES_HLL = 18,
	AS_BYTES_MAP = 19,
	AS_BYTES_LIST = 20,
	AS_BYTES_GEOJSON = 23,
	AS_BYTES_TYPE_MAX = 24
} as_bytes_type;

typedef struct as_bytes_s {
	as_val _;
	uint32_t capacity;
	uint32_t size;
	uint8_t* value;
	/* Whether destroy frees `value`. */
	bool free;
	as_bytes_type type;
} as_bytes;

/* An empty blob over __capacity bytes of the caller's stack. */
#define as_bytes_inita(__bytes, __capacity) \
	as_bytes_init(__bytes, 0); \
	(__bytes)->type = AS_BYTES_BLOB; \
	(__bytes)->free = false; \
	(__bytes)->capacity = (__capacity); \
	(__bytes)->size = 0; \
	(__bytes)->value = (uint8_t*)alloca(sizeof(uint8_t) * (__capacity));

AS_EXTERN as_bytes* as_bytes_init(as_bytes* bytes, uint32_t capacity);
AS_EXTERN as_bytes* as_bytes_init_wrap(as_bytes* bytes, uint8_t* value, uint32_t size, bool free);
AS_EXTERN as_bytes* as_bytes_new(uint32_t capacity);
AS_EXTERN as_bytes* as_bytes_new_wrap(uint8_t* value, uint32_t size, bool free);

static inline void as_bytes_destroy(as_bytes* bytes)
{
	as_val_destroy((as_val*)bytes);
}

static inline uint32_t as_bytes_size(const as_bytes* bytes)
{
	return bytes ? bytes->size : 0;
}

static inline uint32_t as_bytes_capacity(const as_bytes* bytes)
{
	return bytes ? bytes->capacity : 0;
}

static inline as_bytes_type as_bytes_get_type(const as_bytes* bytes)
{
	return bytes ? bytes->type : AS_BYTES_UNDEF;
}

static inline void as_bytes_set_type(as_bytes* bytes, as_bytes_type type)
{
	if (bytes) {
		bytes->type = type;
	}
}

static inline uint8_t* as_bytes_getorelse(const as_bytes* bytes, uint8_t* fallback)
{
	return bytes ? bytes->value : fallback;
}

static inline uint8_t* as_bytes_get(const as_bytes* bytes)
{
	return as_bytes_getorelse(bytes, NULL);
}

/* Copies size bytes from index into value; the count copied, 0 when the
 * range is not inside the buffer. */
AS_EXTERN uint32_t as_bytes_copy(const as_bytes* bytes, uint32_t index, uint8_t* value, uint32_t size);

static inline uint32_t as_bytes_get_byte(const as_bytes* bytes, uint32_t index, uint8_t* value)
{
	return as_bytes_copy(bytes, index, (uint8_t*)value, 1);
}

static inline uint32_t as_bytes_get_int16(const as_bytes* bytes, uint32_t index, int16_t* value)
{
	return as_bytes_copy(bytes, index, (uint8_t*)value, 2);
}

static inline uint32_t as_bytes_get_int32(const as_bytes* bytes, uint32_t index, int32_t* value)
{
	return as_bytes_copy(bytes, index, (uint8_t*)value, 4);
}

static inline uint32_t as_bytes_get_int64(const as_bytes* bytes, uint32_t index, int64_t* value)
{
	return as_bytes_copy(bytes, index, (uint8_t*)value, 8);
}

static inline uint32_t as_bytes_get_double(const as_bytes* bytes, uint32_t index, double* value)
{
	return as_bytes_copy(bytes, index, (uint8_t*)value, 8);
}

/* Reads a 7-bits-per-byte varint at index; the bytes it took, 0 on failure. */
AS_EXTERN uint32_t as_bytes_get_var_int(const as_bytes* bytes, uint32_t index, uint32_t* value);

AS_EXTERN bool as_bytes_set(as_bytes* bytes, uint32_t index, const uint8_t* value, uint32_t size);

static inline bool as_bytes_set_byte(as_bytes* bytes, uint32_t index, uint8_t value)
{
	return as_bytes_set(bytes, index, (uint8_t*)&value, 1);
}

static inline bool as_bytes_set_int16(as_bytes* bytes, uint32_t index, int16_t value)
{
	return as_bytes_set(bytes, index, (uint8_t*)&value, 2);
}

static inline bool as_bytes_set_int32(as_bytes* bytes, uint32_t index, int32_t value)
{
	return as_bytes_set(bytes, index, (uint8_t*)&value, 4);
}

static inline bool as_bytes_set_int64(as_bytes* bytes, uint32_t index, int64_t value)
{
	return as_bytes_set(bytes, index, (uint8_t*)&value, 8);
}

static inline bool as_bytes_set_double(as_bytes* bytes, uint32_t index, double value)
{
	return as_bytes_set(bytes, index, (uint8_t*)&value, 8);
}

/* Writes value as a varint at index; the bytes written. */
AS_EXTERN uint32_t as_bytes_set_var_int(const as_bytes* bytes, uint32_t index, uint32_t value);

AS_EXTERN bool as_bytes_append(as_bytes* bytes, const uint8_t* value, uint32_t size);

static inline bool as_bytes_append_byte(as_bytes* bytes, uint8_t value)
{
	return as_bytes_append(bytes, (uint8_t*)&value, 1);
}

static inline bool as_bytes_append_int16(as_bytes* bytes, int16_t value)
{
	return as_bytes_append(bytes, (uint8_t*)&value, 2);
}

static inline bool as_bytes_append_int32(as_bytes* bytes, int32_t value)
{
	return as_bytes_append(bytes, (uint8_t*)&value, 4);
}

static inline bool as_bytes_append_int64(as_bytes* bytes, int64_t value)
{
	return as_bytes_append(bytes, (uint8_t*)&value, 8);
}

static inline bool as_bytes_append_double(as_bytes* bytes, double value)
{
	return as_bytes_append(bytes, (uint8_t*)&value, 8);
}

AS_EXTERN bool as_bytes_truncate(as_bytes* bytes, uint32_t n);
AS_EXTERN bool as_bytes_ensure(as_bytes* bytes, uint32_t capacity, bool resize);

/* The buffer, and its size through `size` when that is not NULL. */
static inline uint8_t* as_bytes_tobytes(const as_bytes* bytes, uint32_t* size)
{
	if (!bytes) {
		return NULL;
	}
	if (size) {
		*size = bytes->size;
	}
	return bytes->value;
}

static inline as_val* as_bytes_toval(const as_bytes* b)
{
	return (as_val*)b;
}

static inline as_bytes* as_bytes_fromval(const as_val* v)
{
	return as_util_fromval(v, AS_BYTES, as_bytes);
}

AS_EXTERN void as_bytes_val_destroy(as_val* v);
AS_EXTERN uint32_t as_bytes_val_hashcode(const as_val* v);
AS_EXTERN char* as_bytes_val_tostring(const as_val* v);

/* Hex text of a byte range into str (uppercase pairs); false when str is
 * too small. The _with_prefix form starts the text with "0x". */
AS_EXTERN bool as_bytes_to_string(const uint8_t* bytes, uint32_t bytes_size, char* str, uint32_t str_size);
AS_EXTERN bool as_bytes_to_string_with_prefix(const uint8_t* bytes, uint32_t bytes_size, char* str, uint32_t str_size);

/* Parses hex text into bytes; the byte count, or -1 on bad text or room. */
AS_EXTERN int as_bytes_from_string(uint8_t* bytes, uint32_t bytes_size, const char* str);

#ifdef __cplusplus
}
#endif
