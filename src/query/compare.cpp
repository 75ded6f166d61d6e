#include "query/compare.h"

#include "ops/unpack_text.h"
#include "query/predicate.h"

#include <aerospike/as_cdt_ctx.h>
#include <aerospike/as_exp.h>

#include <cstring>

namespace aeroshim {
namespace {

bool vals_equal(const as_val* v1, const as_val* v2) {
  if (v1 == v2) return true;
  return v1 != nullptr && v2 != nullptr && values_print_equal(v1, v2);
}

bool texts_equal(const char* t1, const char* t2) {
  if (t1 == t2) return true;
  return t1 != nullptr && t2 != nullptr && std::strcmp(t1, t2) == 0;
}

template <typename Bins>
bool selections_equal(const Bins& b1, const Bins& b2) {
  if (b1._free != b2._free || b1.capacity != b2.capacity || b1.size != b2.size) return false;
  for (uint16_t i = 0; i < b1.size; i++) {
    if (std::strcmp(b1.entries[i], b2.entries[i]) != 0) return false;
  }
  return true;
}

bool udfs_equal(const as_udf_call& c1, const as_udf_call& c2) {
  return c1._free == c2._free && std::strcmp(c1.module, c2.module) == 0 &&
         std::strcmp(c1.function, c2.function) == 0 &&
         vals_equal(reinterpret_cast<const as_val*>(c1.arglist),
                    reinterpret_cast<const as_val*>(c2.arglist));
}

bool operations_equal(const as_operations* o1, const as_operations* o2) {
  if (o1 == o2) return true;
  if (o1 == nullptr || o2 == nullptr) return false;
  if (o1->gen != o2->gen || o1->ttl != o2->ttl || o1->binops.size != o2->binops.size) return false;
  for (uint16_t i = 0; i < o1->binops.size; i++) {
    const as_binop& b1 = o1->binops.entries[i];
    const as_binop& b2 = o2->binops.entries[i];
    if (b1.op != b2.op || std::strcmp(b1.bin.name, b2.bin.name) != 0) return false;
    if (!vals_equal(reinterpret_cast<const as_val*>(b1.bin.valuep),
                    reinterpret_cast<const as_val*>(b2.bin.valuep)))
      return false;
  }
  return true;
}

bool partition_equal(const as_partition_status& p1, const as_partition_status& p2) {
  if (p1.part_id != p2.part_id || p1.retry != p2.retry || p1.bval != p2.bval ||
      p1.replica_index != p2.replica_index || p1.digest.init != p2.digest.init)
    return false;
  return !p1.digest.init ||
         std::memcmp(p1.digest.value, p2.digest.value, AS_DIGEST_VALUE_SIZE) == 0;
}

bool partitions_equal(const as_partitions_status* p1, const as_partitions_status* p2) {
  if (p1 == p2) return true;
  if (p1 == nullptr || p2 == nullptr) return false;
  if (p1->ref_count != p2->ref_count || p1->part_begin != p2->part_begin ||
      p1->part_count != p2->part_count || p1->done != p2->done)
    return false;
  for (uint16_t i = 0; i < p1->part_count; i++) {
    if (!partition_equal(p1->parts[i], p2->parts[i])) return false;
  }
  return true;
}

bool contexts_equal(const as_cdt_ctx* c1, const as_cdt_ctx* c2) {
  if (c1 == c2) return true;
  if (c1 == nullptr || c2 == nullptr || c1->list.size != c2->list.size) return false;
  // A context's vector holds as_cdt_ctx_item entries back to back.
  const auto* items1 = static_cast<const as_cdt_ctx_item*>(c1->list.list);
  const auto* items2 = static_cast<const as_cdt_ctx_item*>(c2->list.list);
  for (uint32_t i = 0; i < c1->list.size; i++) {
    const as_cdt_ctx_item* i1 = &items1[i];
    const as_cdt_ctx_item* i2 = &items2[i];
    if (i1->type != i2->type) return false;
    bool same = (i1->type & AS_CDT_CTX_VALUE) != 0 ? vals_equal(i1->val.pval, i2->val.pval)
                                                   : i1->val.ival == i2->val.ival;
    if (!same) return false;
  }
  return true;
}

bool expressions_equal(const as_exp* e1, const as_exp* e2) {
  if (e1 == e2) return true;
  return e1 != nullptr && e2 != nullptr && e1->packed_sz == e2->packed_sz &&
         std::memcmp(e1->packed, e2->packed, e1->packed_sz) == 0;
}

bool values_equal(const as_predicate& p1, const as_predicate& p2, PredicateKinds kinds) {
  const as_predicate_value& v1 = p1.value;
  const as_predicate_value& v2 = p2.value;
  if (kinds.type == AS_PREDICATE_EQUAL) {
    if (kinds.dtype == AS_INDEX_STRING)
      return texts_equal(v1.string_val.string, v2.string_val.string);
    if (kinds.dtype == AS_INDEX_NUMERIC) return v1.integer == v2.integer;
    if (kinds.dtype != AS_INDEX_BLOB) return true;
    return v1.blob_val.bytes_size == v2.blob_val.bytes_size &&
           (v1.blob_val.bytes_size == 0 ||
            std::memcmp(v1.blob_val.bytes, v2.blob_val.bytes, v1.blob_val.bytes_size) == 0);
  }
  if (kinds.type != AS_PREDICATE_RANGE) return true;
  if (kinds.dtype == AS_INDEX_NUMERIC)
    return v1.integer_range.min == v2.integer_range.min &&
           v1.integer_range.max == v2.integer_range.max;
  if (kinds.dtype == AS_INDEX_GEO2DSPHERE)
    return texts_equal(v1.string_val.string, v2.string_val.string);
  return true;
}

bool predicates_equal(const as_predicate& p1, const as_predicate& p2) {
  PredicateKinds k1 = predicate_kinds(p1);
  PredicateKinds k2 = predicate_kinds(p2);
  return std::strcmp(p1.index_name, p2.index_name) == 0 && std::strcmp(p1.bin, p2.bin) == 0 &&
         p1.ctx_size == p2.ctx_size && contexts_equal(p1.ctx, p2.ctx) &&
         expressions_equal(p1.exp, p2.exp) && k1.type == k2.type && k1.dtype == k2.dtype &&
         k1.itype == k2.itype && values_equal(p1, p2, k1);
}

bool wheres_equal(const as_query_predicates& w1, const as_query_predicates& w2) {
  if (w1.capacity != w2.capacity || w1.size != w2.size) return false;
  for (uint16_t i = 0; i < w1.size; i++) {
    if (!predicates_equal(w1.entries[i], w2.entries[i])) return false;
  }
  return true;
}

}  // namespace

bool scans_equal(const as_scan* s1, const as_scan* s2) noexcept {
  if (s1 == nullptr || s2 == nullptr) return false;
  return s1->_free == s2->_free && std::strcmp(s1->ns, s2->ns) == 0 &&
         std::strcmp(s1->set, s2->set) == 0 && selections_equal(s1->select, s2->select) &&
         udfs_equal(s1->apply_each, s2->apply_each) && operations_equal(s1->ops, s2->ops) &&
         partitions_equal(s1->parts_all, s2->parts_all) && s1->ttl == s2->ttl &&
         s1->paginate == s2->paginate && s1->no_bins == s2->no_bins &&
         s1->concurrent == s2->concurrent && s1->deserialize_list_map == s2->deserialize_list_map;
}

bool queries_equal(const as_query* q1, const as_query* q2) noexcept {
  if (q1 == nullptr || q2 == nullptr) return false;
  return q1->_free == q2->_free && std::strcmp(q1->ns, q2->ns) == 0 &&
         std::strcmp(q1->set, q2->set) == 0 && selections_equal(q1->select, q2->select) &&
         wheres_equal(q1->where, q2->where) && udfs_equal(q1->apply, q2->apply) &&
         operations_equal(q1->ops, q2->ops) && partitions_equal(q1->parts_all, q2->parts_all) &&
         q1->max_records == q2->max_records && q1->records_per_second == q2->records_per_second &&
         q1->ttl == q2->ttl && q1->paginate == q2->paginate && q1->no_bins == q2->no_bins;
}

}  // namespace aeroshim
