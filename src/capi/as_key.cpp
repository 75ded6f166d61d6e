// extern "C" entry points of as_key.h.
#include "core/error.h"
#include "core/log.h"
#include "record/key.h"

#include <aerospike/as_key.h>

using namespace aeroshim;

extern "C" {

as_key* as_key_init(as_key* key, const char* ns, const char* set, const char* value) {
  return guard_value<as_key*>(nullptr, {},
                              [&] { return key_init_str(key, ns, set, value, false); });
}

as_key* as_key_init_int64(as_key* key, const char* ns, const char* set, int64_t value) {
  return guard_value<as_key*>(nullptr, {}, [&] { return key_init_int64(key, ns, set, value); });
}

as_key* as_key_init_strp(as_key* key, const char* ns, const char* set, const char* value,
                         bool free) {
  return guard_value<as_key*>(nullptr, {}, [&] { return key_init_str(key, ns, set, value, free); });
}

as_key* as_key_init_rawp(as_key* key, const char* ns, const char* set, const uint8_t* value,
                         uint32_t size, bool free) {
  return guard_value<as_key*>(nullptr, {},
                              [&] { return key_init_raw(key, ns, set, value, size, free); });
}

as_key* as_key_init_digest(as_key* key, const char* ns, const char* set,
                           const as_digest_value digest) {
  return guard_value<as_key*>(nullptr, {{digest, "digest"}},
                              [&] { return key_init_ref(key, ns, set, nullptr, digest); });
}

as_key* as_key_init_value(as_key* key, const char* ns, const char* set, const as_key_value* value) {
  return guard_value<as_key*>(nullptr, {},
                              [&] { return key_init_ref(key, ns, set, value, nullptr); });
}

as_key* as_key_new(const char* ns, const char* set, const char* value) {
  return guard_value<as_key*>(nullptr, {}, [&] { return key_new_str(ns, set, value, false); });
}

as_key* as_key_new_int64(const char* ns, const char* set, int64_t value) {
  return guard_value<as_key*>(nullptr, {}, [&] { return key_new_int64(ns, set, value); });
}

as_key* as_key_new_strp(const char* ns, const char* set, const char* value, bool free) {
  return guard_value<as_key*>(nullptr, {}, [&] { return key_new_str(ns, set, value, free); });
}

as_key* as_key_new_rawp(const char* ns, const char* set, const uint8_t* value, uint32_t size,
                        bool free) {
  return guard_value<as_key*>(nullptr, {}, [&] { return key_new_raw(ns, set, value, size, free); });
}

as_key* as_key_new_digest(const char* ns, const char* set, const as_digest_value digest) {
  return guard_value<as_key*>(nullptr, {{digest, "digest"}},
                              [&] { return key_new_ref(ns, set, nullptr, digest); });
}

as_key* as_key_new_value(const char* ns, const char* set, const as_key_value* value) {
  return guard_value<as_key*>(nullptr, {}, [&] { return key_new_ref(ns, set, value, nullptr); });
}

void as_key_destroy(as_key* key) {
  guard_void({}, [&] { key_destroy(key); });
}

as_status as_key_set_digest(as_error* err, as_key* key) {
  return guard(err, {{key, "key"}}, [&] { return key_set_digest(key); });
}

// 7.4.0 reports the failure only through the log.
as_digest* as_key_digest(as_key* key) {
  as_error err;
  if (as_key_set_digest(&err, key) != AEROSPIKE_OK) {
    log_error("{}", err.message);
    return nullptr;
  }
  return &key->digest;
}

}  // extern "C"
