// extern "C" entry points of as_bin.h's types: what 7.4.0's _bin.c exports.
// 7.4.0 declares them only in a private header, so the declarations that give
// them default visibility are here.
#include "core/error.h"
#include "record/bin.h"

#include <aerospike/as_bin.h>

using namespace aeroshim;

extern "C" {

AS_EXTERN as_bin* as_bin_init(as_bin* bin, const char* name, as_bin_value* value);
AS_EXTERN as_bin* as_bin_init_bool(as_bin* bin, const char* name, bool value);
AS_EXTERN as_bin* as_bin_init_int64(as_bin* bin, const char* name, int64_t value);
AS_EXTERN as_bin* as_bin_init_double(as_bin* bin, const char* name, double value);
AS_EXTERN as_bin* as_bin_init_str(as_bin* bin, const char* name, const char* value, bool free);
AS_EXTERN as_bin* as_bin_init_geojson(as_bin* bin, const char* name, const char* value, bool free);
AS_EXTERN as_bin* as_bin_init_raw(as_bin* bin, const char* name, const uint8_t* value,
                                  uint32_t size, bool free);
AS_EXTERN as_bin* as_bin_init_nil(as_bin* bin, const char* name);
AS_EXTERN void as_bin_destroy(as_bin* bin);
AS_EXTERN as_bins* as_bins_init(as_bins* bins, uint16_t capacity);
AS_EXTERN void as_bins_destroy(as_bins* bins);
AS_EXTERN bool as_bins_append(as_bins* bins, const char* name, as_bin_value* value);

as_bin* as_bin_init(as_bin* bin, const char* name, as_bin_value* value) {
  return guard_value<as_bin*>(nullptr, {}, [&] { return bin_init(bin, name, value); });
}

as_bin* as_bin_init_bool(as_bin* bin, const char* name, bool value) {
  return guard_value<as_bin*>(nullptr, {}, [&] { return bin_init_bool(bin, name, value); });
}

as_bin* as_bin_init_int64(as_bin* bin, const char* name, int64_t value) {
  return guard_value<as_bin*>(nullptr, {}, [&] { return bin_init_int64(bin, name, value); });
}

as_bin* as_bin_init_double(as_bin* bin, const char* name, double value) {
  return guard_value<as_bin*>(nullptr, {}, [&] { return bin_init_double(bin, name, value); });
}

as_bin* as_bin_init_str(as_bin* bin, const char* name, const char* value, bool free) {
  return guard_value<as_bin*>(nullptr, {}, [&] { return bin_init_str(bin, name, value, free); });
}

as_bin* as_bin_init_geojson(as_bin* bin, const char* name, const char* value, bool free) {
  return guard_value<as_bin*>(nullptr, {},
                              [&] { return bin_init_geojson(bin, name, value, free); });
}

as_bin* as_bin_init_raw(as_bin* bin, const char* name, const uint8_t* value, uint32_t size,
                        bool free) {
  return guard_value<as_bin*>(nullptr, {},
                              [&] { return bin_init_raw(bin, name, value, size, free); });
}

as_bin* as_bin_init_nil(as_bin* bin, const char* name) {
  return guard_value<as_bin*>(nullptr, {}, [&] { return bin_init_nil(bin, name); });
}

void as_bin_destroy(as_bin* bin) {
  guard_void({}, [&] { bin_destroy(bin); });
}

as_bins* as_bins_init(as_bins* bins, uint16_t capacity) {
  return guard_value<as_bins*>(nullptr, {}, [&] { return bins_init(bins, capacity); });
}

void as_bins_destroy(as_bins* bins) {
  guard_void({}, [&] { bins_destroy(bins); });
}

bool as_bins_append(as_bins* bins, const char* name, as_bin_value* value) {
  return guard_value(false, {}, [&] { return bins_append(bins, name, value); });
}

}  // extern "C"
