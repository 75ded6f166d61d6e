#include "value/val.h"

#include "value/bytes.h"
#include "value/list.h"
#include "value/map.h"
#include "value/memory.h"
#include "value/pair.h"
#include "value/refcount.h"
#include "value/scalars.h"
#include "value/text.h"

#include <aerospike/as_boolean.h>
#include <aerospike/as_integer.h>
#include <aerospike/as_rec.h>

#include <cstdlib>

namespace aeroshim {

namespace {

void no_teardown(as_val* /*v*/) noexcept {}
uint32_t no_hash(const as_val* /*v*/) noexcept { return 0; }
char* no_text(const as_val* /*v*/) noexcept { return nullptr; }

// A record is a value too; its own hooks tear it down and hash it.
void record_clear(as_val* v) noexcept {
  as_rec* rec = as_rec_fromval(v);
  if (rec != nullptr && rec->hooks != nullptr && rec->hooks->destroy != nullptr) {
    rec->hooks->destroy(rec);
  }
}

uint32_t record_hash(const as_val* v) noexcept {
  const as_rec* rec = as_rec_fromval(v);
  return rec != nullptr && rec->hooks != nullptr && rec->hooks->hashcode != nullptr
             ? rec->hooks->hashcode(rec)
             : 0;
}

char* record_text(const as_val* /*v*/) noexcept { return copy_text("[ REC ]"); }
char* nil_rendering(const as_val* /*v*/) noexcept { return nil_text(); }
char* infinity_text(const as_val* /*v*/) noexcept { return copy_text("INF"); }
char* wildcard_text(const as_val* /*v*/) noexcept { return copy_text("*"); }

// One row per type tag. `counted` is false where 7.4.0's reserve is a
// no-op (nil, booleans, the sentinels); destroy still counts those down.
// Booleans have a wipe function but 7.4.0's dispatch never calls it.
struct TypeOps {
  void (*teardown)(as_val*) noexcept;
  uint32_t (*hash)(const as_val*) noexcept;
  char* (*text)(const as_val*) noexcept;
  bool counted;
};

constexpr TypeOps kUnknownOps{no_teardown, no_hash, no_text, false};

const TypeOps& ops_of(const as_val* v) noexcept {
  static const TypeOps kOps[AS_VAL_T_MAX] = {
      kUnknownOps,                                                                  // AS_UNDEF
      {no_teardown, no_hash, nil_rendering, false},                                 // AS_NIL
      {no_teardown, boolean_hash, boolean_text, false},                             // AS_BOOLEAN
      {integer_clear, integer_hash, integer_text, true},                            // AS_INTEGER
      {text_clear<as_string>, text_hash<as_string>, text_quoted<as_string>, true},  // AS_STRING
      {list_clear, list_hash, list_text, true},                                     // AS_LIST
      {map_clear, map_hash, map_text, true},                                        // AS_MAP
      {record_clear, record_hash, record_text, true},                               // AS_REC
      {pair_clear, no_hash, pair_text, true},                                       // AS_PAIR
      {bytes_clear, bytes_hash, bytes_text, true},                                  // AS_BYTES
      {double_clear, double_hash, double_text, true},                               // AS_DOUBLE
      {text_clear<as_geojson>, text_hash<as_geojson>, text_quoted<as_geojson>, true},
      kUnknownOps,                                   // AS_CMP_EXT
      {no_teardown, no_hash, wildcard_text, false},  // AS_CMP_WILDCARD
      {no_teardown, no_hash, infinity_text, false},  // AS_CMP_INF
  };
  // Tags 7.4.0 has no entry for (AS_CMP_EXT, anything past the last) would
  // call through a null slot there; here they are inert.
  return v->type < AS_VAL_T_MAX ? kOps[v->type] : kUnknownOps;
}

}  // namespace

as_val* val_reserve(as_val* v) noexcept {
  if (v != nullptr && ops_of(v).counted) count_increment(v);
  return v;
}

as_val* val_release(as_val* v) noexcept {
  if (v == nullptr || count_load(v) == 0) return v;
  if (count_decrement(v) != 0) return v;
  ops_of(v).teardown(v);
  if (v->free) std::free(v);
  return nullptr;
}

uint32_t val_hash(const as_val* v) noexcept { return v != nullptr ? ops_of(v).hash(v) : 0; }

char* val_text(const as_val* v) noexcept { return v != nullptr ? ops_of(v).text(v) : nullptr; }

bool val_truthy(const as_val* v) noexcept {
  if (const as_boolean* boolean = as_boolean_fromval(v)) return boolean->value;
  if (const as_integer* integer = as_integer_fromval(v)) return integer->value != 0;
  return false;
}

}  // namespace aeroshim
