/*
 * as_stringmap: conveniences over any as_map whose keys are strings. The
 * setters copy the key into a new as_string; the getters look up through a
 * temporary as_string on the stack and return what the map holds (borrowed)
 * or NULL/0 when the key is absent or of another type.
 */
#pragma once

#include <aerospike/as_bytes.h>
#include <aerospike/as_integer.h>
#include <aerospike/as_list.h>
#include <aerospike/as_map.h>
#include <aerospike/as_std.h>
#include <aerospike/as_string.h>
#include <aerospike/as_util.h>
#include <aerospike/as_val.h>

#ifdef __cplusplus
extern "C" {
#endif

static inline int as_stringmap_set(as_map* m, const char* k, as_val* v)
{
	return as_util_hook(set, 1, m, (as_val*)as_string_new_strdup(k), v);
}

static inline int as_stringmap_set_int64(as_map* m, const char* k, int64_t v)
{
	return as_util_hook(set, 1, m, (as_val*)as_string_new_strdup(k), (as_val*)as_integer_new(v));
}

static inline int as_stringmap_set_double(as_map* m, const char* k, double v)
{
	return as_util_hook(set, 1, m, (as_val*)as_string_new_strdup(k), (as_val*)as_double_new(v));
}

static inline int as_stringmap_set_str(as_map* m, const char* k, const char* v)
{
	return as_util_hook(set, 1, m, (as_val*)as_string_new_strdup(k), (as_val*)as_string_new_strdup(v));
}

static inline int as_stringmap_set_integer(as_map* m, const char* k, as_integer* v)
{
	return as_util_hook(set, 1, m, (as_val*)as_string_new_strdup(k), (as_val*)v);
}

static inline int as_stringmap_set_as_double(as_map* m, const char* k, as_double* v)
{
	return as_util_hook(set, 1, m, (as_val*)as_string_new_strdup(k), (as_val*)v);
}

static inline int as_stringmap_set_string(as_map* m, const char* k, as_string* v)
{
	return as_util_hook(set, 1, m, (as_val*)as_string_new_strdup(k), (as_val*)v);
}

static inline int as_stringmap_set_bytes(as_map* m, const char* k, as_bytes* v)
{
	return as_util_hook(set, 1, m, (as_val*)as_string_new_strdup(k), (as_val*)v);
}

static inline int as_stringmap_set_list(as_map* m, const char* k, as_list* v)
{
	return as_util_hook(set, 1, m, (as_val*)as_string_new_strdup(k), (as_val*)v);
}

static inline int as_stringmap_set_map(as_map* m, const char* k, as_map* v)
{
	return as_util_hook(set, 1, m, (as_val*)as_string_new_strdup(k), (as_val*)v);
}

static inline as_val* as_stringmap_get(as_map* m, const char* k)
{
	as_string key;
	as_val* v = as_util_hook(get, NULL, m, (as_val*)as_string_init(&key, (char*)k, false));
	return v;
}

static inline int64_t as_stringmap_get_int64(as_map* m, const char* k)
{
	as_string key;
	as_val* v = as_util_hook(get, NULL, m, (as_val*)as_string_init(&key, (char*)k, false));
	as_integer* i = as_integer_fromval(v);
	return i ? as_integer_toint(i) : 0;
}

static inline double as_stringmap_get_double(as_map* m, const char* k)
{
	as_string key;
	as_val* v = as_util_hook(get, NULL, m, (as_val*)as_string_init(&key, (char*)k, false));
	as_double* d = as_double_fromval(v);
	return d ? d->value : 0.0;
}

static inline char* as_stringmap_get_str(as_map* m, const char* k)
{
	as_string key;
	as_val* v = as_util_hook(get, NULL, m, (as_val*)as_string_init(&key, (char*)k, false));
	as_string* s = as_string_fromval(v);
	return s ? as_string_tostring(s) : NULL;
}

static inline as_integer* as_stringmap_get_integer(as_map* m, const char* k)
{
	as_string key;
	as_val* v = as_util_hook(get, NULL, m, (as_val*)as_string_init(&key, (char*)k, false));
	return as_integer_fromval(v);
}

static inline as_double* as_stringmap_get_as_double(as_map* m, const char* k)
{
	as_string key;
	as_val* v = as_util_hook(get, NULL, m, (as_val*)as_string_init(&key, (char*)k, false));
	return as_double_fromval(v);
}

static inline as_string* as_stringmap_get_string(as_map* m, const char* k)
{
	as_string key;
	as_val* v = as_util_hook(get, NULL, m, (as_val*)as_string_init(&key, (char*)k, false));
	return as_string_fromval(v);
}

static inline as_bytes* as_stringmap_get_bytes(as_map* m, const char* k)
{
	as_string key;
	as_val* v = as_util_hook(get, NULL, m, (as_val*)as_string_init(&key, (char*)k, false));
	return as_bytes_fromval(v);
}

static inline as_list* as_stringmap_get_list(as_map* m, const char* k)
{
	as_string key;
	as_val* v = as_util_hook(get, NULL, m, (as_val*)as_string_init(&key, (char*)k, false));
	return as_list_fromval(v);
}

static inline as_map* as_stringmap_get_map(as_map* m, const char* k)
{
	as_string key;
	as_val* v = as_util_hook(get, NULL, m, (as_val*)as_string_init(&key, (char*)k, false));
	return as_map_fromval(v);
}

#ifdef __cplusplus
}
#endif
