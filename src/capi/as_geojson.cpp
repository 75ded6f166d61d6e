// extern "C" entry points of as_geojson.h.
#include "core/error.h"
#include "value/text.h"

#include <aerospike/as_geojson.h>

using namespace aeroshim;

extern "C" {

as_geojson* as_geojson_init(as_geojson* string, char* value, bool free) {
  return guard_value<as_geojson*>(nullptr, {},
                                  [&] { return text_make(string, false, value, SIZE_MAX, free); });
}

as_geojson* as_geojson_init_wlen(as_geojson* string, char* value, size_t len, bool free) {
  return guard_value<as_geojson*>(nullptr, {},
                                  [&] { return text_make(string, false, value, len, free); });
}

as_geojson* as_geojson_new(char* value, bool free) {
  return guard_value<as_geojson*>(nullptr, {},
                                  [&] { return text_new<as_geojson>(value, SIZE_MAX, free); });
}

as_geojson* as_geojson_new_wlen(char* value, size_t len, bool free) {
  return guard_value<as_geojson*>(nullptr, {},
                                  [&] { return text_new<as_geojson>(value, len, free); });
}

as_geojson* as_geojson_new_strdup(const char* value) {
  return guard_value<as_geojson*>(nullptr, {}, [&] { return text_new_copy<as_geojson>(value); });
}

size_t as_geojson_len(as_geojson* string) {
  return guard_value<size_t>(0, {}, [&] { return text_length(string); });
}

void as_geojson_val_destroy(as_val* v) {
  guard_void({}, [&] { text_clear<as_geojson>(v); });
}

uint32_t as_geojson_val_hashcode(const as_val* v) {
  return guard_value<uint32_t>(0, {}, [&] { return text_hash<as_geojson>(v); });
}

char* as_geojson_val_tostring(const as_val* v) {
  return guard_value<char*>(nullptr, {}, [&] { return text_quoted<as_geojson>(v); });
}

}  // extern "C"
