/*
 * Dispatch helpers of the value types: call an object's hook when the
 * object, its hook table and the hook all exist, and checked downcasts from
 * as_val. Function-like macros because the hooks' types differ per value type.
 */
#pragma once

#include <stddef.h>

#ifdef __cplusplus
extern "C" {
#endif

/* The hook's result, or `default` when it cannot be called. The object is
 * the first of the variadic arguments (7.4.0 names it as a parameter and
 * pastes `, ##__VA_ARGS__`); taking it apart from __VA_ARGS__ keeps the
 * zero-extra-argument calls strict C99. Same arguments, same meaning. */
#define AS_UTIL_FIRST_(first, ...) (first)
#define as_util_hook(hook, default, ...) \
	(AS_UTIL_FIRST_(__VA_ARGS__, 0) && AS_UTIL_FIRST_(__VA_ARGS__, 0)->hooks && \
					AS_UTIL_FIRST_(__VA_ARGS__, 0)->hooks->hook \
			? AS_UTIL_FIRST_(__VA_ARGS__, 0)->hooks->hook(__VA_ARGS__) \
			: (default))

#define as_util_hook_ret_void(hook, ...) \
	if (AS_UTIL_FIRST_(__VA_ARGS__, 0) && AS_UTIL_FIRST_(__VA_ARGS__, 0)->hooks && \
			AS_UTIL_FIRST_(__VA_ARGS__, 0)->hooks->hook) \
	AS_UTIL_FIRST_(__VA_ARGS__, 0)->hooks->hook(__VA_ARGS__)

/* object as a `type*` when it is a value of type_id, else NULL. */
#define as_util_fromval(object, type_id, type) \
	((object) && as_val_type(object) == (type_id) ? (type*)(object) : NULL)

#ifdef __cplusplus
}
#endif
