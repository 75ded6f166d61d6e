// as_operations lists: allocation, the two append primitives every builder
// goes through, and which operators write.
#pragma once

#include <aerospike/as_operations.h>

#include <cstdint>

// 7.4.0 exports its per-operator "writes" table (indexed by as_operator).
extern "C" AS_EXTERN bool as_op_is_write[AS_OPERATOR_HLL_MODIFY + 1];

// 7.4.0 exports the two append primitives too, though no header declares them.
extern "C" {

AS_EXTERN as_binop* as_binop_forappend(as_operations* ops, as_operator op, const char* name);
AS_EXTERN bool as_binop_append(as_operations* ops, as_operator op);
}

namespace aeroshim {

// Sets up ops with room for nops entries (heap), owning the struct when heap_struct.
as_operations* operations_setup(as_operations* ops, bool heap_struct, uint16_t nops);

void operations_destroy(as_operations* ops);

// The next entry, with its operator set, or NULL when the list is full or
// name is NULL or does not fit a bin name. The caller must init its bin.
as_binop* binop_for_append(as_operations* ops, as_operator op, const char* name);

// An entry without a bin (read-all, touch, delete).
bool binop_append(as_operations* ops, as_operator op);

bool operator_writes(as_operator op);

// Some entry writes / every entry writes (false for NULL).
bool operations_has_write(const as_operations* ops);
bool operations_all_writes(const as_operations* ops);
// Some entry reads every bin (a READ with no bin name; false for NULL).
bool operations_read_all(const as_operations* ops);

}  // namespace aeroshim
