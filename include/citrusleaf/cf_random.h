/*
 * Random bytes and words for the library's own use (transaction ids,
 * salts). Declared only.
 */
#pragma once

#include <aerospike/as_std.h>

#ifdef __cplusplus
extern "C" {
#endif

AS_EXTERN int cf_get_rand_buf(uint8_t* buf, int len);
AS_EXTERN uint64_t cf_get_rand64(void);
AS_EXTERN uint32_t cf_get_rand32(void);

#ifdef __cplusplus
}
#endif
