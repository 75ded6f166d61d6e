#include "query/predicate.h"

#include "core/error.h"
#include "ops/cdt_ctx.h"
#include "ops/cdt_pack.h"

#include <aerospike/as_bin.h>
#include <citrusleaf/alloc.h>

#include <cstring>

namespace aeroshim {
namespace {

bool read_equal_value(as_predicate_value& value, int32_t dtype, va_list args) {
  switch (dtype) {
    case AS_INDEX_STRING:
      value.string_val.string = va_arg(args, char*);
      value.string_val._free = false;
      return true;
    case AS_INDEX_NUMERIC: value.integer = va_arg(args, int64_t); return true;
    case AS_INDEX_BLOB:
      value.blob_val.bytes = va_arg(args, uint8_t*);
      value.blob_val.bytes_size = va_arg(args, uint32_t);
      // A bool argument arrives promoted; 7.4.0 reads it as uint32_t.
      value.blob_val._free = va_arg(args, uint32_t) != 0;
      return true;
    default: return false;
  }
}

bool read_range_value(as_predicate_value& value, int32_t dtype, va_list args) {
  if (dtype == AS_INDEX_NUMERIC) {
    value.integer_range.min = va_arg(args, int64_t);
    value.integer_range.max = va_arg(args, int64_t);
    return true;
  }
  if (dtype == AS_INDEX_GEO2DSPHERE) {
    value.string_val.string = va_arg(args, char*);
    value.string_val._free = false;
    return true;
  }
  return false;
}

bool read_value(as_predicate* pred, va_list args) {
  PredicateKinds kinds = predicate_kinds(*pred);
  switch (kinds.type) {
    case AS_PREDICATE_EQUAL: return read_equal_value(pred->value, kinds.dtype, args);
    case AS_PREDICATE_RANGE: return read_range_value(pred->value, kinds.dtype, args);
    default: return true;
  }
}

// The next free entry, cleared, with the kinds set; nullptr when full.
as_predicate* next_entry(as_query* query, PredicateKinds kinds) {
  as_query_predicates& where = query->where;
  if (where.size >= where.capacity || where.entries == nullptr) return nullptr;
  as_predicate* pred = &where.entries[where.size];
  std::memset(pred, 0, sizeof(*pred));
  set_enum_bits(&pred->type, kinds.type);
  set_enum_bits(&pred->itype, kinds.itype);
  set_enum_bits(&pred->dtype, kinds.dtype);
  return pred;
}

// Keeps the entry when its value could be read.
bool commit(as_query* query, as_predicate* pred, va_list args) {
  if (!read_value(pred, args)) return false;
  query->where.size++;
  return true;
}

}  // namespace

PredicateKinds predicate_kinds(const as_predicate& pred) noexcept {
  return PredicateKinds{enum_bits(pred.type), enum_bits(pred.itype), enum_bits(pred.dtype)};
}

bool where_on_bin(as_query* query, const char* bin, as_cdt_ctx* ctx, PredicateKinds kinds,
                  va_list args) noexcept {
  if (query == nullptr || bin == nullptr ||
      strnlen(bin, AS_BIN_NAME_MAX_SIZE) >= AS_BIN_NAME_MAX_SIZE)
    return false;
  as_predicate* pred = next_entry(query, kinds);
  if (pred == nullptr) return false;
  std::strcpy(pred->bin, bin);
  pred->ctx = ctx;
  if (ctx != nullptr) {
    // Sizing only: a packer without a buffer counts.
    as_packer sizing{nullptr, nullptr, nullptr, 0, UINT32_MAX};
    pred->ctx_size = cdt_ctx_pack(ctx, &sizing);
    if (pred->ctx_size == 0) return false;
  }
  return commit(query, pred, args);
}

bool where_on_index(as_query* query, const char* index_name, as_exp* exp, PredicateKinds kinds,
                    va_list args) noexcept {
  if (query == nullptr) return false;
  as_predicate* pred = next_entry(query, kinds);
  if (pred == nullptr) return false;
  copy_truncated(pred->index_name, index_name, sizeof(pred->index_name));
  pred->exp = exp;
  return commit(query, pred, args);
}

void predicate_release(as_predicate* pred) noexcept {
  if (pred->ctx != nullptr && pred->ctx_free) {
    ctx_destroy(pred->ctx);
    cf_free(pred->ctx);
  }
  pred->ctx = nullptr;
  if (pred->exp != nullptr && pred->exp_free) cf_free(pred->exp);
  pred->exp = nullptr;
  switch (predicate_kinds(*pred).dtype) {
    case AS_INDEX_GEO2DSPHERE:
    case AS_INDEX_STRING:
      if (pred->value.string_val._free) cf_free(pred->value.string_val.string);
      pred->value.string_val.string = nullptr;
      break;
    case AS_INDEX_BLOB:
      if (pred->value.blob_val._free) cf_free(pred->value.blob_val.bytes);
      pred->value.blob_val.bytes = nullptr;
      break;
    default: break;
  }
}

}  // namespace aeroshim
