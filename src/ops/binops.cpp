#include "ops/binops.h"

#include "record/bin.h"

#include <citrusleaf/alloc.h>

#include <cstring>

extern "C" {

// Index: as_operator. Reads, CDT/map/bit/HLL reads and expression reads do not write.
bool as_op_is_write[AS_OPERATOR_HLL_MODIFY + 1] = {
    false,  // READ
    true,   // WRITE
    false,  // CDT_READ
    true,   // CDT_MODIFY
    false,  // MAP_READ
    true,   // MAP_MODIFY
    true,   // INCR
    false,  // EXP_READ
    true,   // EXP_MODIFY
    true,   // APPEND
    true,   // PREPEND
    true,   // TOUCH
    false,  // BIT_READ
    true,   // BIT_MODIFY
    true,   // DELETE
    false,  // HLL_READ
    true,   // HLL_MODIFY
};

}  // extern "C"

namespace aeroshim {

as_operations* operations_setup(as_operations* ops, bool heap_struct, uint16_t nops) {
  ops->_free = heap_struct;
  ops->gen = 0;
  ops->ttl = 0;
  ops->binops.size = 0;
  ops->binops.entries = nullptr;
  ops->binops.capacity = 0;
  ops->binops._free = false;
  if (nops == 0) return ops;
  auto* entries = static_cast<as_binop*>(cf_malloc(sizeof(as_binop) * nops));
  if (entries != nullptr) {
    ops->binops.entries = entries;
    ops->binops.capacity = nops;
    ops->binops._free = true;
  }
  return ops;
}

void operations_destroy(as_operations* ops) {
  for (uint16_t i = 0; i < ops->binops.size; i++) bin_destroy(&ops->binops.entries[i].bin);
  if (ops->binops._free) cf_free(ops->binops.entries);
  ops->binops.entries = nullptr;
  ops->binops.capacity = 0;
  ops->binops.size = 0;
  ops->binops._free = false;
  if (ops->_free) cf_free(ops);
}

as_binop* binop_for_append(as_operations* ops, as_operator op, const char* name) {
  if (ops == nullptr || ops->binops.size >= ops->binops.capacity) return nullptr;
  if (name == nullptr || strnlen(name, AS_BIN_NAME_MAX_SIZE) >= AS_BIN_NAME_MAX_SIZE)
    return nullptr;
  as_binop* binop = &ops->binops.entries[ops->binops.size++];
  binop->op = op;
  return binop;
}

bool binop_append(as_operations* ops, as_operator op) {
  if (ops == nullptr || ops->binops.size >= ops->binops.capacity) return false;
  as_binop* binop = &ops->binops.entries[ops->binops.size++];
  binop->op = op;
  binop->bin.name[0] = '\0';
  binop->bin.valuep = nullptr;
  return true;
}

bool operator_writes(as_operator op) {
  auto index = static_cast<unsigned>(op);
  return index <= AS_OPERATOR_HLL_MODIFY && as_op_is_write[index];
}

bool operations_read_all(const as_operations* ops) {
  if (ops == nullptr) return false;
  for (uint16_t i = 0; i < ops->binops.size; ++i) {
    const as_binop& op = ops->binops.entries[i];
    if (op.op == AS_OPERATOR_READ && op.bin.name[0] == 0) return true;
  }
  return false;
}

bool operations_has_write(const as_operations* ops) {
  if (ops == nullptr) return false;
  for (uint16_t i = 0; i < ops->binops.size; i++) {
    if (operator_writes(ops->binops.entries[i].op)) return true;
  }
  return false;
}

bool operations_all_writes(const as_operations* ops) {
  if (ops == nullptr) return false;
  for (uint16_t i = 0; i < ops->binops.size; i++) {
    if (!operator_writes(ops->binops.entries[i].op)) return false;
  }
  return true;
}

}  // namespace aeroshim
