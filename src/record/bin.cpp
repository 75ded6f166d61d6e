// Bins are C structs inside records and operations; values built inline use
// the value types' own init functions so their destroy hooks apply.
#include "record/bin.h"

#include <aerospike/as_nil.h>

#include <cstdlib>

namespace aeroshim {
namespace {

as_bin* name_and_point(as_bin* bin, const char* name, as_bin_value* value) {
  as_strncpy(bin->name, name, sizeof(bin->name));
  bin->valuep = value;
  return bin;
}

}  // namespace

as_bin* bin_init(as_bin* bin, const char* name, as_bin_value* value) {
  if (bin == nullptr) return nullptr;
  // The inline slot is unused; mark it so nothing mistakes it for a value.
  bin->value.nil.type = AS_UNKNOWN;
  return name_and_point(bin, name, value);
}

as_bin* bin_init_bool(as_bin* bin, const char* name, bool value) {
  if (bin == nullptr) return nullptr;
  as_boolean_init(&bin->value.boolean, value);
  return name_and_point(bin, name, &bin->value);
}

as_bin* bin_init_int64(as_bin* bin, const char* name, int64_t value) {
  if (bin == nullptr) return nullptr;
  as_integer_init(&bin->value.integer, value);
  return name_and_point(bin, name, &bin->value);
}

as_bin* bin_init_double(as_bin* bin, const char* name, double value) {
  if (bin == nullptr) return nullptr;
  as_double_init(&bin->value.dbl, value);
  return name_and_point(bin, name, &bin->value);
}

as_bin* bin_init_str(as_bin* bin, const char* name, const char* value, bool free) {
  if (bin == nullptr) return nullptr;
  as_string_init(&bin->value.string, const_cast<char*>(value), free);
  return name_and_point(bin, name, &bin->value);
}

as_bin* bin_init_geojson(as_bin* bin, const char* name, const char* value, bool free) {
  if (bin == nullptr) return nullptr;
  // as_geojson shares as_string's layout; the union has no member of its own.
  as_geojson_init(reinterpret_cast<as_geojson*>(&bin->value), const_cast<char*>(value), free);
  return name_and_point(bin, name, &bin->value);
}

as_bin* bin_init_raw(as_bin* bin, const char* name, const uint8_t* value, uint32_t size,
                     bool free) {
  if (bin == nullptr) return nullptr;
  as_bytes_init_wrap(&bin->value.bytes, const_cast<uint8_t*>(value), size, free);
  return name_and_point(bin, name, &bin->value);
}

as_bin* bin_init_nil(as_bin* bin, const char* name) {
  if (bin == nullptr) return nullptr;
  bin->value.nil = as_nil;
  return name_and_point(bin, name, &bin->value);
}

void bin_destroy(as_bin* bin) {
  if (bin == nullptr) return;
  bin->name[0] = '\0';
  if (bin->valuep != nullptr) {
    as_val_destroy(bin->valuep);
    bin->valuep = nullptr;
  }
}

as_bins* bins_init(as_bins* bins, uint16_t capacity) {
  if (bins == nullptr) return nullptr;
  auto* entries = static_cast<as_bin*>(std::malloc(sizeof(as_bin) * capacity));
  bool ok = entries != nullptr;
  bins->_free = ok;
  bins->capacity = ok ? capacity : 0;
  bins->size = 0;
  bins->entries = entries;
  return bins;
}

void bins_destroy(as_bins* bins) {
  if (bins == nullptr) return;
  if (bins->_free && bins->entries != nullptr) std::free(bins->entries);
  bins->capacity = 0;
  bins->size = 0;
  bins->entries = nullptr;
}

bool bins_append(as_bins* bins, const char* name, as_bin_value* value) {
  if (bins == nullptr || bins->size >= bins->capacity) return false;
  bin_init(&bins->entries[bins->size], name, value);
  bins->size++;
  return true;
}

}  // namespace aeroshim
