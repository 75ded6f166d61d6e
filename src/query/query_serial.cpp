#include "ops/cdt_ctx.h"
#include "ops/cdt_pack.h"
#include "query/predicate.h"
#include "query/query.h"
#include "query/serial.h"
#include "query/serial_sections.h"

#include <aerospike/aerospike_index.h>
#include <citrusleaf/alloc.h>

#include <cstring>

namespace aeroshim {
namespace {

// 7.4.0 reads predicate strings and blobs of fewer than (strings) or at
// most (blobs, expressions) this many bytes back.
constexpr uint32_t kValueMax = 4096;

bool write_text_value(SerialWriter& out, const char* text) {
  if (text == nullptr) return false;
  out.text(text);
  return true;
}

bool write_value(SerialWriter& out, const as_predicate& pred, PredicateKinds kinds) {
  const as_predicate_value& v = pred.value;
  if (kinds.type == AS_PREDICATE_EQUAL) {
    if (kinds.dtype == AS_INDEX_STRING) return write_text_value(out, v.string_val.string);
    if (kinds.dtype == AS_INDEX_NUMERIC) out.sint(v.integer);
    if (kinds.dtype == AS_INDEX_BLOB) out.blob(v.blob_val.bytes, v.blob_val.bytes_size);
    return true;
  }
  if (kinds.type == AS_PREDICATE_RANGE) {
    if (kinds.dtype == AS_INDEX_GEO2DSPHERE) return write_text_value(out, v.string_val.string);
    if (kinds.dtype == AS_INDEX_NUMERIC) {
      out.sint(v.integer_range.min);
      out.sint(v.integer_range.max);
    }
    return true;
  }
  // 7.4.0 refuses to write a predicate of unknown type.
  return false;
}

bool write_predicate(SerialWriter& out, const as_predicate& pred) {
  out.text(pred.index_name);
  out.text(pred.bin);
  out.boolean(pred.ctx != nullptr);
  if (pred.ctx != nullptr) out.uint(cdt_ctx_pack(pred.ctx, out.packer()));
  out.boolean(pred.exp != nullptr);
  if (pred.exp != nullptr) out.blob(pred.exp->packed, pred.exp->packed_sz);
  PredicateKinds kinds = predicate_kinds(pred);
  out.sint(kinds.type);
  out.sint(kinds.dtype);
  out.sint(kinds.itype);
  return write_value(out, pred, kinds);
}

bool write_query(SerialWriter& out, const as_query& query) {
  out.text(query.ns);
  out.text(query.set);
  write_bins(out, query.select.entries, query.select.size);
  out.uint(query.where.size);
  for (uint16_t i = 0; i < query.where.size; i++) {
    if (!write_predicate(out, query.where.entries[i])) return false;
  }
  write_udf(out, query.apply);
  write_operations(out, query.ops);
  write_partitions(out, query.parts_all);
  out.uint(query.max_records);
  out.uint(query.records_per_second);
  out.uint(query.ttl);
  out.boolean(query.paginate);
  out.boolean(query.no_bins);
  return true;
}

bool read_context(SerialReader& in, as_predicate* pred) {
  bool present = false;
  if (!in.boolean(&present)) return false;
  if (!present) return true;
  auto* ctx = static_cast<as_cdt_ctx*>(cf_malloc(sizeof(as_cdt_ctx)));
  if (ctx == nullptr) return false;
  // A context that fails to read holds nothing (ctx_from_unpacker's rule).
  if (!ctx_from_unpacker(ctx, in.unpacker())) {
    cf_free(ctx);
    return false;
  }
  pred->ctx = ctx;
  pred->ctx_free = true;
  uint64_t size = 0;
  if (!in.uint(&size)) return false;
  pred->ctx_size = static_cast<uint32_t>(size);
  return true;
}

bool read_expression(SerialReader& in, as_predicate* pred) {
  bool present = false;
  if (!in.boolean(&present)) return false;
  if (!present) return true;
  uint8_t* blob = nullptr;
  uint32_t size = 0;
  if (!in.raw_str_new(&blob, &size, kValueMax)) return false;
  // The blob's first byte is its particle type, not part of the expression.
  as_exp* exp = size == 0 ? nullptr : static_cast<as_exp*>(cf_malloc(sizeof(as_exp) + size - 1));
  if (exp != nullptr) {
    exp->packed_sz = size - 1;
    std::memcpy(exp->packed, blob + 1, size - 1);
    pred->exp = exp;
    pred->exp_free = true;
  }
  cf_free(blob);
  return exp != nullptr;
}

// An int64 in [0, max] into an enum field.
template <typename Enum>
bool read_kind(SerialReader& in, Enum* kind, int64_t max) {
  int64_t value = 0;
  if (!in.sint(&value) || value < 0 || value > max) return false;
  *kind = static_cast<Enum>(value);
  return true;
}

bool read_text_value(SerialReader& in, as_predicate_value& v) {
  if (!in.text_new(&v.string_val.string, kValueMax)) return false;
  v.string_val._free = true;
  return true;
}

bool read_value(SerialReader& in, as_predicate* pred) {
  as_predicate_value& v = pred->value;
  if (pred->type == AS_PREDICATE_EQUAL) {
    if (pred->dtype == AS_INDEX_STRING) return read_text_value(in, v);
    if (pred->dtype == AS_INDEX_NUMERIC) return in.sint(&v.integer);
    if (pred->dtype != AS_INDEX_BLOB) return true;
    if (!in.raw_str_new(&v.blob_val.bytes, &v.blob_val.bytes_size, kValueMax)) return false;
    v.blob_val._free = true;
    return true;
  }
  if (pred->dtype == AS_INDEX_GEO2DSPHERE) return read_text_value(in, v);
  if (pred->dtype == AS_INDEX_NUMERIC)
    return in.sint(&v.integer_range.min) && in.sint(&v.integer_range.max);
  return true;
}

// 7.4.0's bounds: the data type stops at GEO2DSPHERE (so a BLOB predicate
// does not read back there either) and the index type at MAPVALUES.
bool read_predicate(SerialReader& in, as_predicate* pred) {
  return in.text(pred->index_name, AS_INDEX_NAME_MAX_SIZE) &&
         in.text(pred->bin, AS_BIN_NAME_MAX_SIZE) && read_context(in, pred) &&
         read_expression(in, pred) && read_kind(in, &pred->type, AS_PREDICATE_RANGE) &&
         read_kind(in, &pred->dtype, AS_INDEX_GEO2DSPHERE) &&
         read_kind(in, &pred->itype, AS_INDEX_TYPE_MAPVALUES) && read_value(in, pred);
}

bool read_predicates(SerialReader& in, as_query_predicates& where) {
  uint16_t n = 0;
  if (!in.count(&n)) return false;
  if (n == 0) return true;
  auto* entries = static_cast<as_predicate*>(cf_malloc(sizeof(as_predicate) * n));
  if (entries == nullptr) return false;
  where.entries = entries;
  where.capacity = n;
  where._free = true;
  where.size = 0;
  for (uint16_t i = 0; i < n; i++) {
    as_predicate* pred = &entries[i];
    std::memset(pred, 0, sizeof(*pred));
    if (!read_predicate(in, pred)) {
      // Not yet counted, so the query's destroy would not see it.
      predicate_release(pred);
      return false;
    }
    where.size++;
  }
  return true;
}

bool read_query(SerialReader& in, as_query* query) {
  if (!in.text(query->ns, AS_NAMESPACE_MAX_SIZE) || !in.text(query->set, AS_SET_MAX_SIZE) ||
      !read_bins(in, query->select) || !read_predicates(in, query->where) ||
      !read_udf(in, query->apply) || !read_operations(in, &query->ops) ||
      !read_partitions(in, &query->parts_all) || !in.uint(&query->max_records))
    return false;
  uint64_t rps = 0;
  uint64_t ttl = 0;
  if (!in.uint(&rps) || !in.uint(&ttl)) return false;
  query->records_per_second = static_cast<uint32_t>(rps);
  query->ttl = static_cast<uint32_t>(ttl);
  return in.boolean(&query->paginate) && in.boolean(&query->no_bins);
}

}  // namespace

bool query_to_bytes(const as_query* query, uint8_t** bytes, uint32_t* bytes_size) noexcept {
  if (query == nullptr || bytes == nullptr || bytes_size == nullptr) return false;
  if (pack_in_two_passes([&](SerialWriter& out) { return write_query(out, *query); }, bytes,
                         bytes_size))
    return true;
  // 7.4.0 clears the outputs when it refuses a query.
  *bytes = nullptr;
  *bytes_size = 0;
  return false;
}

bool query_from_bytes(as_query* query, const uint8_t* bytes, uint32_t bytes_size) noexcept {
  if (query == nullptr) return false;
  query_setup(query, false, "", "");
  SerialReader in(bytes, bytes_size);
  if (read_query(in, query)) return true;
  query_destroy(query);
  return false;
}

as_query* query_from_bytes_new(const uint8_t* bytes, uint32_t bytes_size) noexcept {
  auto* query = static_cast<as_query*>(cf_malloc(sizeof(as_query)));
  if (query == nullptr) return nullptr;
  if (!query_from_bytes(query, bytes, bytes_size)) {
    cf_free(query);
    return nullptr;
  }
  query->_free = true;
  return query;
}

}  // namespace aeroshim
