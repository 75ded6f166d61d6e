// Records are C structs (embedded in user code, built with as_record_inita on
// the stack); only the entries array and as_record_new's struct come from
// malloc, because users' code and 7.4.0's inline helpers free them.
#include "record/record.h"

#include <cstdlib>
#include <cstring>
#include <new>

namespace aeroshim {
namespace {

as_record* record_defaults(as_record* rec, bool heap, uint16_t nbins) {
  as_rec_cons(&rec->_, heap, rec, &as_record_rec_hooks);
  rec->key._free = false;
  rec->key.ns[0] = '\0';
  rec->key.set[0] = '\0';
  rec->key.valuep = nullptr;
  rec->key.digest.init = false;
  std::memset(rec->key.digest.value, 0, AS_DIGEST_VALUE_SIZE);
  rec->gen = 0;
  rec->ttl = 0;
  // Empty until the entries exist, so a failed allocation leaves no capacity.
  rec->bins._free = false;
  rec->bins.capacity = 0;
  rec->bins.size = 0;
  rec->bins.entries = nullptr;
  if (nbins > 0) {
    rec->bins.entries = static_cast<as_bin*>(std::malloc(sizeof(as_bin) * nbins));
    if (rec->bins.entries == nullptr) throw std::bad_alloc();
    rec->bins._free = true;
    rec->bins.capacity = nbins;
  }
  return rec;
}

}  // namespace

as_record* record_new(uint16_t nbins) {
  auto* rec = static_cast<as_record*>(std::malloc(sizeof(as_record)));
  if (rec == nullptr) throw std::bad_alloc();
  try {
    return record_defaults(rec, true, nbins);
  } catch (...) {
    std::free(rec);
    throw;
  }
}

as_record* record_init(as_record* rec, uint16_t nbins) {
  if (rec == nullptr) return nullptr;
  return record_defaults(rec, false, nbins);
}

void record_release(as_record* rec) {
  if (rec == nullptr) return;
  if (rec->bins.entries != nullptr) {
    for (uint16_t i = 0; i < rec->bins.size; i++) {
      as_val_destroy(rec->bins.entries[i].valuep);
      rec->bins.entries[i].valuep = nullptr;
    }
    if (rec->bins._free) std::free(rec->bins.entries);
  }
  rec->bins.entries = nullptr;
  rec->bins.capacity = 0;
  rec->bins.size = 0;
  rec->key.ns[0] = '\0';
  rec->key.set[0] = '\0';
  as_val_destroy(rec->key.valuep);
  rec->key.valuep = nullptr;
  rec->key.digest.init = false;
}

as_bin* record_bin_for_update(as_record* rec, const char* name) {
  if (rec == nullptr || name == nullptr || std::strlen(name) > AS_BIN_NAME_MAX_LEN) {
    return nullptr;
  }
  for (uint16_t i = 0; i < rec->bins.size; i++) {
    as_bin* bin = &rec->bins.entries[i];
    if (std::strcmp(bin->name, name) == 0) {
      as_val_destroy(bin->valuep);
      bin->valuep = nullptr;
      return bin;
    }
  }
  if (rec->bins.size < rec->bins.capacity) return &rec->bins.entries[rec->bins.size++];
  return nullptr;
}

as_bin_value* record_get(const as_record* rec, const char* name) {
  if (rec == nullptr || name == nullptr) return nullptr;
  for (uint16_t i = 0; i < rec->bins.size; i++) {
    if (std::strcmp(rec->bins.entries[i].name, name) == 0) return rec->bins.entries[i].valuep;
  }
  return nullptr;
}

bool record_get_bool(const as_record* rec, const char* name) {
  as_bin_value* value = record_get(rec, name);
  switch (as_val_type(value)) {
    case AS_BOOLEAN: return value->boolean.value;
    case AS_INTEGER: return value->integer.value != 0;
    default: return false;
  }
}

bool record_foreach(const as_record* rec, as_rec_foreach_callback callback, void* udata) {
  if (rec == nullptr || rec->bins.entries == nullptr) return true;
  for (uint16_t i = 0; i < rec->bins.size; i++) {
    const as_bin& bin = rec->bins.entries[i];
    if (!callback(bin.name, reinterpret_cast<const as_val*>(bin.valuep), udata)) return false;
  }
  return true;
}

}  // namespace aeroshim
