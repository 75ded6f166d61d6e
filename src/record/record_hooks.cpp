// as_record_rec_hooks: the as_rec hook table of every as_record, exported as
// in 7.4.0 (programs and UDF glue may build an as_rec over a record with it).
// The hooks are called from C through the as_rec_* inline functions; none of
// them can throw. Hooks 7.4.0 leaves empty (size, key, set name, bin names,
// last update time, set_ttl, drop_key, memory/device size) stay NULL, so the
// inline callers answer their defaults.
#include "record/bin.h"
#include "record/record.h"

#include <aerospike/as_nil.h>

namespace aeroshim {
namespace {

// The record is its own as_rec (first member).
as_record* self(const as_rec* r) { return reinterpret_cast<as_record*>(const_cast<as_rec*>(r)); }

bool hook_destroy(as_rec* r) {
  record_release(self(r));
  return true;
}

// 7.4.0's mix: each bin name's characters, then the value's own hashcode.
uint32_t hook_hashcode(const as_rec* r) {
  const as_record* rec = self(r);
  uint32_t hash = 0;
  for (uint16_t i = 0; i < rec->bins.size; i++) {
    const as_bin& bin = rec->bins.entries[i];
    for (const char* c = bin.name; *c != '\0'; c++) {
      hash += static_cast<uint32_t>(static_cast<int>(*c)) + (hash << 6) + (hash << 16) - hash;
    }
    if (bin.valuep != nullptr) hash += as_val_hashcode(bin.valuep);
  }
  return hash;
}

as_val* hook_get(const as_rec* r, const char* name) {
  if (r == nullptr) return nullptr;
  return reinterpret_cast<as_val*>(record_get(self(r), name));
}

// 1 for success as 7.4.0 (it returns as_record_set's bool), and 1 for a
// missing record or name too.
int hook_set(const as_rec* r, const char* name, const as_val* value) {
  if (r == nullptr || name == nullptr) return 1;
  auto* bin_value = reinterpret_cast<as_bin_value*>(const_cast<as_val*>(value));
  return record_set_with(self(r), name, [&](as_bin* bin) { bin_init(bin, name, bin_value); });
}

// Removing writes nil; 0 on success.
int hook_remove(const as_rec* r, const char* name) {
  if (r == nullptr || name == nullptr) return 1;
  auto* nil = reinterpret_cast<as_bin_value*>(const_cast<as_val*>(&as_nil));
  return record_set_with(self(r), name, [&](as_bin* bin) { bin_init(bin, name, nil); }) ? 0 : 1;
}

uint32_t hook_ttl(const as_rec* r) { return r != nullptr ? self(r)->ttl : 0; }

uint16_t hook_gen(const as_rec* r) { return r != nullptr ? self(r)->gen : 0; }

// A new bytes value wrapping (not copying) the key's digest.
as_bytes* hook_digest(const as_rec* r) {
  if (r == nullptr) return nullptr;
  return as_bytes_new_wrap(self(r)->key.digest.value, AS_DIGEST_VALUE_SIZE, false);
}

uint16_t hook_numbins(const as_rec* r) { return r != nullptr ? self(r)->bins.size : 0; }

bool hook_foreach(const as_rec* r, as_rec_foreach_callback callback, void* udata) {
  if (r == nullptr || callback == nullptr) return false;
  return record_foreach(self(r), callback, udata);
}

constexpr as_rec_hooks make_hooks() {
  as_rec_hooks hooks{};
  hooks.destroy = hook_destroy;
  hooks.hashcode = hook_hashcode;
  hooks.get = hook_get;
  hooks.set = hook_set;
  hooks.remove = hook_remove;
  hooks.ttl = hook_ttl;
  hooks.gen = hook_gen;
  hooks.numbins = hook_numbins;
  hooks.digest = hook_digest;
  hooks.foreach = hook_foreach;
  return hooks;
}

}  // namespace
}  // namespace aeroshim

extern "C" AS_EXTERN const as_rec_hooks as_record_rec_hooks = aeroshim::make_hooks();
