/*
 * as_string: a string value (as_val header, the characters, their length).
 * This header also holds as_strncpy, the bounded copy that as_error's and
 * as_metrics' inline helpers call. The string value functions belong to the
 * data model and are declared here with their 7.4.0 signatures.
 */
#pragma once

#include <aerospike/as_std.h>
#include <aerospike/as_util.h>
#include <aerospike/as_val.h>

#ifdef __cplusplus
extern "C" {
#endif

typedef struct as_string_s {
	as_val _;
	/* Whether destroy frees `value`. */
	bool free;
	char* value;
	/* SIZE_MAX until as_string_len measures it. */
	size_t len;
} as_string;

AS_EXTERN as_string* as_string_init(as_string* string, char* value, bool free);
AS_EXTERN as_string* as_string_init_wlen(as_string* string, char* value, size_t len, bool free);
AS_EXTERN as_string* as_string_new(char* value, bool free);
AS_EXTERN as_string* as_string_new_wlen(char* value, size_t len, bool free);
AS_EXTERN as_string* as_string_new_strdup(const char* value);
AS_EXTERN size_t as_string_len(as_string* string);
AS_EXTERN const char* as_basename(as_string* filename, const char* path);
AS_EXTERN void as_string_val_destroy(as_val* v);
AS_EXTERN uint32_t as_string_val_hashcode(const as_val* v);
AS_EXTERN char* as_string_val_tostring(const as_val* v);

/* Copies at most size - 1 characters and always terminates trg; true when
 * src had to be cut short. */
AS_EXTERN bool as_strncpy(char* trg, const char* src, int size);

static inline void as_string_destroy(as_string* string)
{
	as_val_destroy((as_val*)string);
}

static inline char* as_string_getorelse(const as_string* string, char* fallback)
{
	return string ? string->value : fallback;
}

static inline char* as_string_get(const as_string* string)
{
	return as_string_getorelse(string, NULL);
}

static inline char* as_string_tostring(const as_string* string)
{
	return as_string_getorelse(string, NULL);
}

static inline as_val* as_string_toval(const as_string* s)
{
	return (as_val*)s;
}

static inline as_string* as_string_fromval(const as_val* v)
{
	return as_util_fromval(v, AS_STRING, as_string);
}

#ifdef __cplusplus
}
#endif
