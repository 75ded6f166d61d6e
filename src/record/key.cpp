// Keys are plain C structs: the value lives inline (or is the caller's), the
// struct is malloc'd only by the new forms, because programs free keys with
// as_key_destroy and may have built them on the stack or in their own memory.
#include "record/key.h"

#include "record/ripemd160.h"

#include <aerospike/as_bytes.h>
#include <aerospike/as_double.h>
#include <aerospike/as_integer.h>
#include <aerospike/as_string.h>
#include <citrusleaf/cf_byte_order.h>

#include <cstdlib>
#include <cstring>
#include <new>

namespace aeroshim {
namespace {

as_key* key_cons(as_key* key, bool heap, const char* ns, const char* set, const as_key_value* value,
                 const uint8_t* digest) {
  if (as_strncpy(key->ns, ns, AS_NAMESPACE_MAX_SIZE)) return nullptr;
  if (as_strncpy(key->set, set, AS_SET_MAX_SIZE)) return nullptr;
  key->_free = heap;
  key->valuep = const_cast<as_key_value*>(value);
  key->digest.init = digest != nullptr;
  if (digest != nullptr) {
    std::memcpy(key->digest.value, digest, AS_DIGEST_VALUE_SIZE);
  } else {
    std::memset(key->digest.value, 0, AS_DIGEST_VALUE_SIZE);
  }
  return key;
}

// A heap key whose inline value fill() sets up, or nullptr (key freed) when
// ns or set does not fit.
template <typename Fill>
as_key* new_inline(const char* ns, const char* set, Fill&& fill) {
  auto* key = static_cast<as_key*>(std::malloc(sizeof(as_key)));
  if (key == nullptr) throw std::bad_alloc();
  fill(&key->value);
  if (key_cons(key, true, ns, set, &key->value, nullptr) == nullptr) {
    std::free(key);
    return nullptr;
  }
  return key;
}

void fill_int64(as_key_value* v, int64_t value) { as_integer_init(&v->integer, value); }

void fill_str(as_key_value* v, const char* value, bool free) {
  as_string_init(&v->string, const_cast<char*>(value), free);
}

void fill_raw(as_key_value* v, const uint8_t* value, uint32_t size, bool free) {
  as_bytes_init_wrap(&v->bytes, const_cast<uint8_t*>(value), size, free);
}

}  // namespace

as_key* key_init_int64(as_key* key, const char* ns, const char* set, int64_t value) {
  if (key == nullptr) return nullptr;
  fill_int64(&key->value, value);
  return key_cons(key, false, ns, set, &key->value, nullptr);
}

as_key* key_init_str(as_key* key, const char* ns, const char* set, const char* value, bool free) {
  if (key == nullptr) return nullptr;
  fill_str(&key->value, value, free);
  return key_cons(key, false, ns, set, &key->value, nullptr);
}

as_key* key_init_raw(as_key* key, const char* ns, const char* set, const uint8_t* value,
                     uint32_t size, bool free) {
  if (key == nullptr) return nullptr;
  fill_raw(&key->value, value, size, free);
  return key_cons(key, false, ns, set, &key->value, nullptr);
}

as_key* key_init_ref(as_key* key, const char* ns, const char* set, const as_key_value* value,
                     const uint8_t* digest) {
  if (key == nullptr) return nullptr;
  return key_cons(key, false, ns, set, value, digest);
}

as_key* key_new_int64(const char* ns, const char* set, int64_t value) {
  return new_inline(ns, set, [&](as_key_value* v) { fill_int64(v, value); });
}

as_key* key_new_str(const char* ns, const char* set, const char* value, bool free) {
  return new_inline(ns, set, [&](as_key_value* v) { fill_str(v, value, free); });
}

as_key* key_new_raw(const char* ns, const char* set, const uint8_t* value, uint32_t size,
                    bool free) {
  return new_inline(ns, set, [&](as_key_value* v) { fill_raw(v, value, size, free); });
}

as_key* key_new_ref(const char* ns, const char* set, const as_key_value* value,
                    const uint8_t* digest) {
  auto* key = static_cast<as_key*>(std::malloc(sizeof(as_key)));
  if (key == nullptr) throw std::bad_alloc();
  if (key_cons(key, true, ns, set, value, digest) == nullptr) {
    std::free(key);
    return nullptr;
  }
  return key;
}

void key_destroy(as_key* key) {
  if (key == nullptr) return;
  as_val_destroy(key->valuep);
  if (key->_free) std::free(key);
}

}  // namespace aeroshim
