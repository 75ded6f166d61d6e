// extern "C" entry points of as_query.h. The where functions read their
// trailing arguments as query/predicate.h documents. A NULL query (a crash
// in 7.4.0 for several of these) answers false or NULL.
#include "core/error.h"
#include "query/compare.h"
#include "query/predicate.h"
#include "query/query.h"
#include "query/selection.h"
#include "query/serial.h"

#include <aerospike/as_query.h>

#include <cstdarg>

using namespace aeroshim;

namespace {

// The arguments as bytes: a C caller may pass values outside the enums.
PredicateKinds kinds(const as_predicate_type& type, const as_index_type& itype,
                     const as_index_datatype& dtype) {
  return PredicateKinds{enum_bits(type), enum_bits(itype), enum_bits(dtype)};
}

}  // namespace

extern "C" {

as_query* as_query_init(as_query* query, const char* ns, const char* set) {
  return guard_value<as_query*>(nullptr, {}, [&] { return query_setup(query, false, ns, set); });
}

as_query* as_query_new(const char* ns, const char* set) {
  return guard_value<as_query*>(nullptr, {}, [&] { return query_new(ns, set); });
}

void as_query_destroy(as_query* query) {
  guard_void({}, [&] { query_destroy(query); });
}

bool as_query_select_init(as_query* query, uint16_t n) {
  return guard_value(false, {{query, "query"}},
                     [&] { return selection_reserve(query->select, n); });
}

bool as_query_select(as_query* query, const char* bin) {
  return guard_value(false, {{query, "query"}}, [&] { return selection_add(query->select, bin); });
}

bool as_query_where_init(as_query* query, uint16_t n) {
  return guard_value(false, {}, [&] { return query_where_reserve(query, n); });
}

bool as_query_where(as_query* query, const char* bin, as_predicate_type type, as_index_type itype,
                    as_index_datatype dtype, ...) {
  va_list args;
  va_start(args, dtype);
  bool added = guard_value(false, {}, [&] {
    return where_on_bin(query, bin, nullptr, kinds(type, itype, dtype), args);
  });
  va_end(args);
  return added;
}

bool as_query_where_with_ctx(as_query* query, const char* bin, struct as_cdt_ctx* ctx,
                             as_predicate_type type, as_index_type itype, as_index_datatype dtype,
                             ...) {
  va_list args;
  va_start(args, dtype);
  bool added = guard_value(
      false, {}, [&] { return where_on_bin(query, bin, ctx, kinds(type, itype, dtype), args); });
  va_end(args);
  return added;
}

bool as_query_where_with_index_name(as_query* query, const char* index_name, as_predicate_type type,
                                    as_index_type itype, as_index_datatype dtype, ...) {
  va_list args;
  va_start(args, dtype);
  bool added = guard_value(false, {}, [&] {
    return where_on_index(query, index_name, nullptr, kinds(type, itype, dtype), args);
  });
  va_end(args);
  return added;
}

bool as_query_where_with_exp(as_query* query, struct as_exp* exp, as_predicate_type type,
                             as_index_type itype, as_index_datatype dtype, ...) {
  va_list args;
  va_start(args, dtype);
  bool added = guard_value(false, {}, [&] {
    return where_on_index(query, nullptr, exp, kinds(type, itype, dtype), args);
  });
  va_end(args);
  return added;
}

bool as_query_apply(as_query* query, const char* module, const char* function,
                    const as_list* arglist) {
  return guard_value(false, {}, [&] { return query_apply(query, module, function, arglist); });
}

bool as_query_to_bytes(const as_query* query, uint8_t** bytes, uint32_t* bytes_size) {
  return guard_value(false, {}, [&] { return query_to_bytes(query, bytes, bytes_size); });
}

bool as_query_from_bytes(as_query* query, const uint8_t* bytes, uint32_t bytes_size) {
  return guard_value(false, {}, [&] { return query_from_bytes(query, bytes, bytes_size); });
}

as_query* as_query_from_bytes_new(const uint8_t* bytes, uint32_t bytes_size) {
  return guard_value<as_query*>(nullptr, {},
                                [&] { return query_from_bytes_new(bytes, bytes_size); });
}

bool as_query_compare(as_query* q1, as_query* q2) {
  return guard_value(false, {}, [&] { return queries_equal(q1, q2); });
}

}  // extern "C"
