#include "query/scan.h"

#include "ops/binops.h"
#include "ops/udf_types.h"
#include "query/selection.h"

#include <citrusleaf/alloc.h>

#include <cstring>

namespace aeroshim {
namespace {

// Copies name when it fits in size bytes with its terminator, else empties.
void copy_if_fits(char* target, const char* name, size_t size) {
  if (name != nullptr && strnlen(name, size) < size) {
    std::strcpy(target, name);
  } else {
    target[0] = '\0';
  }
}

}  // namespace

as_scan* scan_setup(as_scan* scan, bool heap_struct, const char* ns, const char* set) noexcept {
  if (scan == nullptr) return nullptr;
  scan->_free = heap_struct;
  copy_if_fits(scan->ns, ns, AS_NAMESPACE_MAX_SIZE);
  copy_if_fits(scan->set, set, AS_SET_MAX_SIZE);
  selection_clear(scan->select);
  scan->ops = nullptr;
  scan->no_bins = AS_SCAN_NOBINS_DEFAULT;
  scan->concurrent = AS_SCAN_CONCURRENT_DEFAULT;
  scan->deserialize_list_map = AS_SCAN_DESERIALIZE_DEFAULT;
  udf_call_init(&scan->apply_each, nullptr, nullptr, nullptr, false);
  scan->parts_all = nullptr;
  scan->ttl = 0;
  scan->paginate = false;
  return scan;
}

as_scan* scan_new(const char* ns, const char* set) noexcept {
  auto* scan = static_cast<as_scan*>(cf_malloc(sizeof(as_scan)));
  return scan_setup(scan, true, ns, set);
}

void scan_destroy(as_scan* scan) noexcept {
  if (scan == nullptr) return;
  scan->ns[0] = '\0';
  scan->set[0] = '\0';
  selection_release(scan->select);
  udf_call_destroy(&scan->apply_each);
  if (scan->ops != nullptr) {
    operations_destroy(scan->ops);
    scan->ops = nullptr;
  }
  if (scan->parts_all != nullptr) {
    as_partitions_status_release(scan->parts_all);
    scan->parts_all = nullptr;
  }
  if (scan->_free) cf_free(scan);
}

bool scan_apply_each(as_scan* scan, const char* module, const char* function,
                     as_list* arglist) noexcept {
  if (scan == nullptr || module == nullptr || function == nullptr) return false;
  udf_call_init(&scan->apply_each, module, function, arglist, false);
  return true;
}

}  // namespace aeroshim
