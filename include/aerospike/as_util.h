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

/* The hook's result, or `default` when it cannot be called. */
#define as_util_hook(hook, default, object, ...) \
	((object) && (object)->hooks && (object)->hooks->hook \
			? (object)->hooks->hook((object), ##__VA_ARGS__) \
			: (default))

#define as_util_hook_ret_void(hook, object, ...) \
	if ((object) && (object)->hooks && (object)->hooks->hook) \
	(object)->hooks->hook((object), ##__VA_ARGS__)

/* object as a `type*` when it is a value of type_id, else NULL. */
#define as_util_fromval(object, type_id, type) \
	((object) && as_val_type(object) == (type_id) ? (type*)(object) : NULL)

#ifdef __cplusplus
}
#endif
