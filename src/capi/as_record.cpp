// extern "C" entry points of as_record.h, and as_record_release, which 7.4.0
// exports without a public declaration.
#include "core/error.h"
#include "record/bin.h"
#include "record/record.h"

#include <aerospike/as_nil.h>
#include <aerospike/as_record.h>

#include <utility>

using namespace aeroshim;

namespace {
// Every setter: find or claim the bin, then build its value with init.
template <typename Init>
bool set_bin(as_record* rec, const char* name, Init&& init,
             CallSite entry = CallSite::here()) noexcept {
  return guard_value(
      false, {}, [&] { return record_set_with(rec, name, std::forward<Init>(init)); }, entry);
}

// A bin's value as the as_val the typed fromval casts take.
as_val* value_of(const as_record* rec, const char* name) {
  return reinterpret_cast<as_val*>(record_get(rec, name));
}
}  // namespace

extern "C" {

AS_EXTERN void as_record_release(as_record* rec);

void as_record_release(as_record* rec) {
  guard_void({}, [&] { record_release(rec); });
}

as_record* as_record_new(uint16_t nbins) {
  return guard_value<as_record*>(nullptr, {}, [&] { return record_new(nbins); });
}

as_record* as_record_init(as_record* rec, uint16_t nbins) {
  return guard_value<as_record*>(nullptr, {}, [&] { return record_init(rec, nbins); });
}

// Through the value model, which runs the hooks' release and then frees a
// heap record.
void as_record_destroy(as_record* rec) { as_rec_destroy(reinterpret_cast<as_rec*>(rec)); }

uint16_t as_record_numbins(const as_record* rec) { return rec != nullptr ? rec->bins.size : 0; }

bool as_record_set(as_record* rec, const char* name, as_bin_value* value) {
  return set_bin(rec, name, [&](as_bin* bin) { bin_init(bin, name, value); });
}

bool as_record_set_bool(as_record* rec, const char* name, bool value) {
  return set_bin(rec, name, [&](as_bin* bin) { bin_init_bool(bin, name, value); });
}

bool as_record_set_int64(as_record* rec, const char* name, int64_t value) {
  return set_bin(rec, name, [&](as_bin* bin) { bin_init_int64(bin, name, value); });
}

bool as_record_set_double(as_record* rec, const char* name, double value) {
  return set_bin(rec, name, [&](as_bin* bin) { bin_init_double(bin, name, value); });
}

bool as_record_set_strp(as_record* rec, const char* name, const char* value, bool free) {
  return set_bin(rec, name, [&](as_bin* bin) { bin_init_str(bin, name, value, free); });
}

bool as_record_set_geojson_strp(as_record* rec, const char* name, const char* value, bool free) {
  return set_bin(rec, name, [&](as_bin* bin) { bin_init_geojson(bin, name, value, free); });
}

bool as_record_set_rawp(as_record* rec, const char* name, const uint8_t* value, uint32_t size,
                        bool free) {
  return set_bin(rec, name, [&](as_bin* bin) { bin_init_raw(bin, name, value, size, free); });
}

bool as_record_set_raw_typep(as_record* rec, const char* name, const uint8_t* value, uint32_t size,
                             as_bytes_type type, bool free) {
  return set_bin(rec, name, [&](as_bin* bin) {
    bin_init_raw(bin, name, value, size, free);
    bin->value.bytes.type = type;
  });
}

bool as_record_set_integer(as_record* rec, const char* name, as_integer* value) {
  return as_record_set(rec, name, reinterpret_cast<as_bin_value*>(value));
}

bool as_record_set_as_double(as_record* rec, const char* name, as_double* value) {
  return as_record_set(rec, name, reinterpret_cast<as_bin_value*>(value));
}

bool as_record_set_string(as_record* rec, const char* name, as_string* value) {
  return as_record_set(rec, name, reinterpret_cast<as_bin_value*>(value));
}

bool as_record_set_geojson(as_record* rec, const char* name, as_geojson* value) {
  return as_record_set(rec, name, reinterpret_cast<as_bin_value*>(value));
}

bool as_record_set_bytes(as_record* rec, const char* name, as_bytes* value) {
  return as_record_set(rec, name, reinterpret_cast<as_bin_value*>(value));
}

bool as_record_set_list(as_record* rec, const char* name, as_list* value) {
  return as_record_set(rec, name, reinterpret_cast<as_bin_value*>(value));
}

bool as_record_set_map(as_record* rec, const char* name, as_map* value) {
  return as_record_set(rec, name, reinterpret_cast<as_bin_value*>(value));
}

// The bin points at the shared as_nil, whose destroy does nothing.
bool as_record_set_nil(as_record* rec, const char* name) {
  return as_record_set(rec, name, reinterpret_cast<as_bin_value*>(const_cast<as_val*>(&as_nil)));
}

as_bin_value* as_record_get(const as_record* rec, const char* name) {
  return record_get(rec, name);
}

bool as_record_get_bool(const as_record* rec, const char* name) {
  return record_get_bool(rec, name);
}

int64_t as_record_get_int64(const as_record* rec, const char* name, int64_t fallback) {
  as_integer* value = as_integer_fromval(value_of(rec, name));
  return value != nullptr ? value->value : fallback;
}

double as_record_get_double(const as_record* rec, const char* name, double fallback) {
  as_double* value = as_double_fromval(value_of(rec, name));
  return value != nullptr ? value->value : fallback;
}

char* as_record_get_str(const as_record* rec, const char* name) {
  return as_string_get(as_string_fromval(value_of(rec, name)));
}

char* as_record_get_geojson_str(const as_record* rec, const char* name) {
  return as_geojson_get(as_geojson_fromval(value_of(rec, name)));
}

as_integer* as_record_get_integer(const as_record* rec, const char* name) {
  return as_integer_fromval(value_of(rec, name));
}

as_double* as_record_get_as_double(const as_record* rec, const char* name) {
  return as_double_fromval(value_of(rec, name));
}

as_string* as_record_get_string(const as_record* rec, const char* name) {
  return as_string_fromval(value_of(rec, name));
}

as_geojson* as_record_get_geojson(const as_record* rec, const char* name) {
  return as_geojson_fromval(value_of(rec, name));
}

as_bytes* as_record_get_bytes(const as_record* rec, const char* name) {
  return as_bytes_fromval(value_of(rec, name));
}

as_list* as_record_get_list(const as_record* rec, const char* name) {
  return as_list_fromval(value_of(rec, name));
}

as_map* as_record_get_map(const as_record* rec, const char* name) {
  return as_map_fromval(value_of(rec, name));
}

as_val* as_record_get_udf_result(const as_record* rec) {
  return reinterpret_cast<as_val*>(record_get(rec, "SUCCESS"));
}

char* as_record_get_udf_error(const as_record* rec) { return as_record_get_str(rec, "FAILURE"); }

bool as_record_foreach(const as_record* rec, as_rec_foreach_callback callback, void* udata) {
  return guard_value(false, {{callback, "callback"}},
                     [&] { return record_foreach(rec, callback, udata); });
}

}  // extern "C"
