// The bin selection of a scan or query. as_scan_bins and as_query_bins hold
// the same fields in different orders, so the rules are written once, over
// either struct. A selection never grows: its capacity is fixed by
// select_init (heap, owned) or by the header's select_inita (stack).
#pragma once

#include <aerospike/as_bin.h>
#include <citrusleaf/alloc.h>

#include <cstdint>
#include <cstring>

namespace aeroshim {

template <typename Bins>
void selection_clear(Bins& bins) {
  bins._free = false;
  bins.capacity = 0;
  bins.size = 0;
  bins.entries = nullptr;
}

// Room for n names, zeroed and owned; refused when entries exist already.
template <typename Bins>
bool selection_reserve(Bins& bins, uint16_t n) {
  if (bins.entries != nullptr) return false;
  auto* entries = static_cast<as_bin_name*>(cf_calloc(n, sizeof(as_bin_name)));
  if (entries == nullptr) return false;
  bins.entries = entries;
  bins._free = true;
  bins.capacity = n;
  bins.size = 0;
  return true;
}

// Appends a name shorter than AS_BIN_NAME_MAX_SIZE while there is room.
template <typename Bins>
bool selection_add(Bins& bins, const char* bin) {
  if (bin == nullptr || strnlen(bin, AS_BIN_NAME_MAX_SIZE) >= AS_BIN_NAME_MAX_SIZE) return false;
  if (bins.size >= bins.capacity || bins.entries == nullptr) return false;
  std::strcpy(bins.entries[bins.size], bin);
  bins.size++;
  return true;
}

// Frees owned entries and leaves the selection empty.
template <typename Bins>
void selection_release(Bins& bins) {
  if (bins.entries != nullptr && bins._free) cf_free(bins.entries);
  selection_clear(bins);
}

}  // namespace aeroshim
