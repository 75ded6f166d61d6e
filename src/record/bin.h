// as_bin and as_bins: what 7.4.0 exports from _bin.c (declared there only in
// a private header, so these are the declarations the library builds on).
//
// A bin's name is copied with truncation to AS_BIN_NAME_MAX_LEN characters.
// The typed forms build the value inline; bin_init points at the caller's.
#pragma once

#include <aerospike/as_bin.h>

#include <cstdint>

namespace aeroshim {

as_bin* bin_init(as_bin* bin, const char* name, as_bin_value* value);
as_bin* bin_init_bool(as_bin* bin, const char* name, bool value);
as_bin* bin_init_int64(as_bin* bin, const char* name, int64_t value);
as_bin* bin_init_double(as_bin* bin, const char* name, double value);
as_bin* bin_init_str(as_bin* bin, const char* name, const char* value, bool free);
as_bin* bin_init_geojson(as_bin* bin, const char* name, const char* value, bool free);
as_bin* bin_init_raw(as_bin* bin, const char* name, const uint8_t* value, uint32_t size, bool free);
as_bin* bin_init_nil(as_bin* bin, const char* name);
// Clears the name and destroys the value.
void bin_destroy(as_bin* bin);

// capacity entries on the heap; an allocation failure leaves capacity 0.
as_bins* bins_init(as_bins* bins, uint16_t capacity);
// Frees heap-owned entries; the bins' values are not destroyed (as 7.4.0).
void bins_destroy(as_bins* bins);
// false when bins is full.
bool bins_append(as_bins* bins, const char* name, as_bin_value* value);

}  // namespace aeroshim
