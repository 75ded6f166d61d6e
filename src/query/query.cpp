#include "query/query.h"

#include "core/error.h"
#include "ops/binops.h"
#include "ops/udf_types.h"
#include "query/predicate.h"
#include "query/selection.h"

#include <citrusleaf/alloc.h>

namespace aeroshim {
namespace {

void where_clear(as_query_predicates& where) {
  where._free = false;
  where.capacity = 0;
  where.size = 0;
  where.entries = nullptr;
}

void where_release(as_query_predicates& where) {
  if (where.entries != nullptr && where._free) {
    for (uint16_t i = 0; i < where.size; i++) predicate_release(&where.entries[i]);
    cf_free(where.entries);
  }
  where_clear(where);
}

}  // namespace

as_query* query_setup(as_query* query, bool heap_struct, const char* ns, const char* set) noexcept {
  if (query == nullptr) return nullptr;
  query->_free = heap_struct;
  copy_truncated(query->ns, ns, AS_NAMESPACE_MAX_SIZE);
  copy_truncated(query->set, set, AS_SET_MAX_SIZE);
  selection_clear(query->select);
  where_clear(query->where);
  query->ops = nullptr;
  query->ttl = 0;
  query->no_bins = false;
  udf_call_init(&query->apply, nullptr, nullptr, nullptr, false);
  query->parts_all = nullptr;
  query->records_per_second = 0;
  query->max_records = 0;
  query->paginate = false;
  return query;
}

as_query* query_new(const char* ns, const char* set) noexcept {
  auto* query = static_cast<as_query*>(cf_malloc(sizeof(as_query)));
  return query_setup(query, true, ns, set);
}

void query_destroy(as_query* query) noexcept {
  if (query == nullptr) return;
  query->ns[0] = '\0';
  query->set[0] = '\0';
  selection_release(query->select);
  where_release(query->where);
  udf_call_destroy(&query->apply);
  if (query->ops != nullptr) {
    operations_destroy(query->ops);
    query->ops = nullptr;
  }
  if (query->parts_all != nullptr) {
    as_partitions_status_release(query->parts_all);
    query->parts_all = nullptr;
  }
  if (query->_free) cf_free(query);
}

bool query_where_reserve(as_query* query, uint16_t n) noexcept {
  if (query == nullptr || query->where.entries != nullptr) return false;
  auto* entries = static_cast<as_predicate*>(cf_calloc(n, sizeof(as_predicate)));
  if (entries == nullptr) return false;
  query->where.entries = entries;
  query->where._free = true;
  query->where.capacity = n;
  query->where.size = 0;
  return true;
}

bool query_apply(as_query* query, const char* module, const char* function,
                 const as_list* arglist) noexcept {
  if (query == nullptr) return false;
  // The call owns the list from here on, as in 7.4.0, hence the const_cast.
  udf_call_init(&query->apply, module, function, const_cast<as_list*>(arglist), false);
  return true;
}

}  // namespace aeroshim
