// as_record: construction, release, and bins by name.
//
// A record owns its bins' values and its key's value. Bin names longer than
// AS_BIN_NAME_MAX_LEN are refused by the setters (false), never truncated.
#pragma once

#include <aerospike/as_record.h>

#include <cstdint>

// The exported hook table every as_record carries (record_hooks.cpp); 7.4.0
// exports it without declaring it in a public header.
extern "C" AS_EXTERN const as_rec_hooks as_record_rec_hooks;

namespace aeroshim {

// nbins > 0 allocates that many entries on the heap (freed on release).
as_record* record_new(uint16_t nbins);
as_record* record_init(as_record* rec, uint16_t nbins);
// Destroys every bin value and the key value, frees heap entries, and leaves
// the record empty; the record struct itself stays (as_record_destroy's job).
void record_release(as_record* rec);

// The bin to (re)write under name: an existing one (its old value destroyed)
// or the next free entry; nullptr when the name is NULL or too long or the
// record is full. The caller must initialize the bin it gets.
as_bin* record_bin_for_update(as_record* rec, const char* name);

// Writes bin name through init(as_bin*) (one of the bin_init forms); false,
// with nothing changed, when record_bin_for_update has no bin to give.
template <typename Init>
bool record_set_with(as_record* rec, const char* name, Init&& init) {
  as_bin* bin = record_bin_for_update(rec, name);
  if (bin == nullptr) return false;
  init(bin);
  return true;
}

// The value of bin name, or nullptr.
as_bin_value* record_get(const as_record* rec, const char* name);
// Integer bins read as bools too (nonzero is true), as 7.4.0.
bool record_get_bool(const as_record* rec, const char* name);

bool record_foreach(const as_record* rec, as_rec_foreach_callback callback, void* udata);

}  // namespace aeroshim
