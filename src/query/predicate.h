// Query predicates: reading the value arguments as_query_where and friends
// take after the index data type, and what a predicate owns.
//
// The trailing arguments, by predicate and data type (what the as_equals,
// as_range, as_contains, ... macros produce), as 7.4.0 reads them:
//   EQUAL  STRING        char*                      (not owned)
//   EQUAL  NUMERIC       int64_t
//   EQUAL  BLOB          uint8_t*, uint32_t size, a bool read as uint32_t
//                        (whether the query frees the bytes)
//   RANGE  NUMERIC       int64_t min, int64_t max
//   RANGE  GEO2DSPHERE   char* GeoJSON              (not owned)
// Any other pairing of a known predicate type is refused. An unknown
// predicate type reads nothing and is accepted, as in 7.4.0 (to_bytes then
// refuses the query).
#pragma once

#include <aerospike/as_cdt_ctx.h>
#include <aerospike/as_exp.h>
#include <aerospike/as_query.h>

#include <cstdarg>
#include <cstdint>
#include <cstring>

namespace aeroshim {

// A predicate's type, index type and data type as the ints C stores. A C
// caller may pass any value (7.4.0 accepts an unknown predicate type), and
// a C++ load of these enums outside their enumerators' range is undefined,
// so the library only ever copies them as bytes.
struct PredicateKinds {
  int32_t type;
  int32_t itype;
  int32_t dtype;
};

template <typename Enum>
int32_t enum_bits(const Enum& value) noexcept {
  static_assert(sizeof(Enum) == sizeof(int32_t), "7.4.0's enums are 4 bytes");
  int32_t bits = 0;
  std::memcpy(&bits, &value, sizeof(bits));
  return bits;
}

template <typename Enum>
void set_enum_bits(Enum* target, int32_t bits) noexcept {
  static_assert(sizeof(Enum) == sizeof(int32_t), "7.4.0's enums are 4 bytes");
  std::memcpy(target, &bits, sizeof(bits));
}

PredicateKinds predicate_kinds(const as_predicate& pred) noexcept;

// A predicate on a bin, or on a value inside it through ctx (not owned; the
// predicate records its packed size). False, and nothing added, when the
// query is NULL or full, the bin name is NULL or too long, ctx cannot be
// packed, or the arguments do not fit the types.
bool where_on_bin(as_query* query, const char* bin, as_cdt_ctx* ctx, PredicateKinds kinds,
                  va_list args) noexcept;

// A predicate on a named index (index_name, truncated to fit) or on an
// expression index (exp, not owned); either may be NULL.
bool where_on_index(as_query* query, const char* index_name, as_exp* exp, PredicateKinds kinds,
                    va_list args) noexcept;

// Frees what the predicate owns: its context, expression, and string or
// blob value, each by its own flag.
void predicate_release(as_predicate* pred) noexcept;

}  // namespace aeroshim
