/* Byte strings spelled in hex inside C tests ("c7 00 01 c0"). */
#pragma once

#include <stdint.h>

#ifdef __cplusplus
extern "C" {
#endif

/* Writes the bytes of `hex` (pairs of hex digits, blanks between pairs
 * ignored) to `out`, which must have room for them; returns how many. */
uint32_t hex_bytes(const char* hex, uint8_t* out);

#ifdef __cplusplus
}
#endif
