/*
 * as_key: where a record lives (namespace, set) and what names it (a user
 * key value, its 20-byte digest, or both). The digest is computed on demand
 * from the set and the key value and then kept.
 *
 * Keys made by the init/new helpers hold their value inline (valuep points at
 * value); as_key_init_value/new_value point at the caller's as_key_value;
 * digest-only keys have no value (valuep NULL). A namespace of 32 or more
 * characters or a set of 64 or more makes the helpers return NULL.
 */
#pragma once

#include <aerospike/as_bytes.h>
#include <aerospike/as_error.h>
#include <aerospike/as_integer.h>
#include <aerospike/as_status.h>
#include <aerospike/as_string.h>

#ifdef __cplusplus
extern "C" {
#endif

#define AS_DIGEST_VALUE_SIZE 20
#define AS_NAMESPACE_MAX_SIZE 32
#define AS_SET_MAX_SIZE 64

typedef char as_namespace[AS_NAMESPACE_MAX_SIZE];
typedef char as_set[AS_SET_MAX_SIZE];
typedef uint8_t as_digest_value[AS_DIGEST_VALUE_SIZE];

/* init tells whether value holds the digest yet. */
typedef struct as_digest_s {
	bool init;
	as_digest_value value;
} as_digest;

/* The value types a key can have. */
typedef union as_key_value_u {
	as_integer integer;
	as_string string;
	as_bytes bytes;
} as_key_value;

typedef struct as_key_s {
	/* The key itself is heap-owned (the new helpers). */
	bool _free;
	as_namespace ns;
	as_set set;
	as_key_value value;
	as_key_value* valuep;
	as_digest digest;
} as_key;

/* Same as as_key_init_str. */
AS_EXTERN as_key* as_key_init(as_key* key, const char* ns, const char* set, const char* value);
AS_EXTERN as_key* as_key_init_int64(as_key* key, const char* ns, const char* set, int64_t value);
/* free: destroying the key frees value. */
AS_EXTERN as_key* as_key_init_strp(as_key* key, const char* ns, const char* set,
		const char* value, bool free);

static inline as_key* as_key_init_str(as_key* key, const char* ns, const char* set,
		const char* value)
{
	return as_key_init_strp(key, ns, set, value, false);
}

AS_EXTERN as_key* as_key_init_rawp(as_key* key, const char* ns, const char* set,
		const uint8_t* value, uint32_t size, bool free);

static inline as_key* as_key_init_raw(as_key* key, const char* ns, const char* set,
		const uint8_t* value, uint32_t size)
{
	return as_key_init_rawp(key, ns, set, value, size, false);
}

AS_EXTERN as_key* as_key_init_digest(as_key* key, const char* ns, const char* set,
		const as_digest_value digest);
AS_EXTERN as_key* as_key_init_value(as_key* key, const char* ns, const char* set,
		const as_key_value* value);

/* The same on the heap; as_key_destroy frees the key. */
AS_EXTERN as_key* as_key_new(const char* ns, const char* set, const char* value);
AS_EXTERN as_key* as_key_new_int64(const char* ns, const char* set, int64_t value);
AS_EXTERN as_key* as_key_new_strp(const char* ns, const char* set, const char* value, bool free);

static inline as_key* as_key_new_str(const char* ns, const char* set, const char* value)
{
	return as_key_new_strp(ns, set, value, false);
}

AS_EXTERN as_key* as_key_new_rawp(const char* ns, const char* set, const uint8_t* value,
		uint32_t size, bool free);

static inline as_key* as_key_new_raw(const char* ns, const char* set, const uint8_t* value,
		uint32_t size)
{
	return as_key_new_rawp(ns, set, value, size, false);
}

AS_EXTERN as_key* as_key_new_digest(const char* ns, const char* set,
		const as_digest_value digest);
AS_EXTERN as_key* as_key_new_value(const char* ns, const char* set, const as_key_value* value);

/* Destroys the key's value, then frees the key when it is heap-owned. */
AS_EXTERN void as_key_destroy(as_key* key);

/* The key's digest, computed first if needed; NULL (and a logged error)
 * when the key's value cannot be hashed. */
AS_EXTERN as_digest* as_key_digest(as_key* key);

/*
 * Computes the digest unless it is already known: RIPEMD-160 of the set name
 * followed by the value's particle type byte and its bytes (integers and
 * doubles big-endian). Any other value type is AEROSPIKE_ERR_PARAM.
 */
AS_EXTERN as_status as_key_set_digest(as_error* err, as_key* key);

#ifdef __cplusplus
}
#endif
