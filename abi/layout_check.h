/*
 * The assertion macros of the layout guard, shared by layout_check.c and the
 * per-area checks in abi/layout/ (one file per area of the data model, so that
 * areas grow their checks without touching each other's files).
 */
#pragma once

#include <stddef.h>

#ifdef __cplusplus
#define AS_CHECK(expr) static_assert(expr, #expr)
#define AS_ALIGNOF(t) alignof(t)
#else
#define AS_CHECK(expr) _Static_assert(expr, #expr)
#define AS_ALIGNOF(t) _Alignof(t)
#endif

/* The size of member m of type t. */
#define AS_MEMBER_SIZE(t, m) sizeof(((const t*)0)->m)
