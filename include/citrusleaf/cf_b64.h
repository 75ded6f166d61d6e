/*
 * Standard base64 (RFC 4648 alphabet, '=' padding) of byte strings.
 */
#pragma once

#include <aerospike/as_std.h>

#ifdef __cplusplus
extern "C" {
#endif

/* Characters cf_b64_encode writes for in_size bytes (no terminator). */
static inline uint32_t
cf_b64_encoded_len(uint32_t in_size)
{
	return ((in_size + 2) / 3) * 4;
}

AS_EXTERN void
cf_b64_encode(const uint8_t* in, uint32_t in_size, char* out);

/* Upper bound of the decoded size of in_len characters. */
static inline uint32_t
cf_b64_decoded_buf_size(uint32_t in_len)
{
	return (in_len * 3) / 4;
}

AS_EXTERN void
cf_b64_decode(const char* in, uint32_t in_len, uint8_t* out, uint32_t* out_size);

AS_EXTERN void
cf_b64_decode_in_place(uint8_t* in_out, uint32_t in_len, uint32_t* out_size);

AS_EXTERN bool
cf_b64_validate_and_decode(const char* in, uint32_t in_len, uint8_t* out, uint32_t* out_size);

AS_EXTERN bool
cf_b64_validate_and_decode_in_place(uint8_t* in_out, uint32_t in_len, uint32_t* out_size);

#ifdef __cplusplus
}
#endif
