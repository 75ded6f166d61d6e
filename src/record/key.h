// as_key: construction, destruction and the digest that locates a record.
//
// Every constructor copies ns and set into the key and returns nullptr when
// either does not fit (31 and 63 characters at most), as 7.4.0 does: the key
// may then be partly written and, for the heap forms, is freed. A value handed
// over with free=true stays the caller's in that case. NULL ns/set read as "".
#pragma once

#include "core/status.h"

#include <aerospike/as_key.h>

#include <cstdint>

namespace aeroshim {

// Caller-owned keys; nullptr for a nullptr key.
as_key* key_init_int64(as_key* key, const char* ns, const char* set, int64_t value);
as_key* key_init_str(as_key* key, const char* ns, const char* set, const char* value, bool free);
as_key* key_init_raw(as_key* key, const char* ns, const char* set, const uint8_t* value,
                     uint32_t size, bool free);
// Points at the caller's value (or carries digest, which marks it known).
as_key* key_init_ref(as_key* key, const char* ns, const char* set, const as_key_value* value,
                     const uint8_t* digest);

// malloc'd keys, heap-owned (_free): as_key_destroy frees them.
as_key* key_new_int64(const char* ns, const char* set, int64_t value);
as_key* key_new_str(const char* ns, const char* set, const char* value, bool free);
as_key* key_new_raw(const char* ns, const char* set, const uint8_t* value, uint32_t size,
                    bool free);
as_key* key_new_ref(const char* ns, const char* set, const as_key_value* value,
                    const uint8_t* digest);

void key_destroy(as_key* key);

// Computes key->digest unless digest.init says it is known. Integer, double,
// string and bytes values hash; anything else (or no value) is ERR_PARAM.
Status key_set_digest(as_key* key);

}  // namespace aeroshim
