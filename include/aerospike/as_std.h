/*
 * Common definitions of the aeroshim public headers: the standard integer
 * and boolean types, and AS_EXTERN, the one macro that marks what the library
 * exports. The library is built with hidden visibility, so AS_EXTERN carries
 * default visibility (in 7.4.0 it is empty on Linux; the exported set is the
 * same, see abi/exports.txt).
 */
#pragma once

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#if defined(__GNUC__) || defined(__clang__)
#define AS_EXTERN __attribute__((visibility("default")))
#else
#define AS_EXTERN
#endif
