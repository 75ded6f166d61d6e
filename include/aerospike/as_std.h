/*
 * Common definitions of the aeroshim public headers: the standard integer
 * and boolean types (with <inttypes.h>, <stdlib.h> and <malloc.h>, which
 * code written against 7.4.0 gets from here), and AS_EXTERN, the one macro
 * that marks what the library exports. The library is built with hidden
 * visibility, so AS_EXTERN carries default visibility (in 7.4.0 it is empty
 * on Linux; the exported set is the same, see abi/exports.txt).
 */
#pragma once

#include <inttypes.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>

#include <malloc.h>

#if defined(__GNUC__) || defined(__clang__)
#define AS_EXTERN __attribute__((visibility("default")))
#else
#define AS_EXTERN
#endif
