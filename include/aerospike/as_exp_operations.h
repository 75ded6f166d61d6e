/*
 * Expression operations: write an expression's result to a bin, or read it
 * back as if it were a bin.
 */
#pragma once

#include <aerospike/as_operations.h>
#include <aerospike/as_exp.h>

#ifdef __cplusplus
extern "C" {
#endif

typedef enum as_exp_write_flags_e {
	AS_EXP_WRITE_DEFAULT = 0,
	AS_EXP_WRITE_CREATE_ONLY = 1,
	AS_EXP_WRITE_UPDATE_ONLY = 2,
	AS_EXP_WRITE_ALLOW_DELETE = 4,
	AS_EXP_WRITE_POLICY_NO_FAIL = 8,
	AS_EXP_WRITE_EVAL_NO_FAIL = 16
} as_exp_write_flags;

typedef enum as_exp_read_flags_e {
	AS_EXP_READ_DEFAULT = 0,
	AS_EXP_READ_EVAL_NO_FAIL = 16
} as_exp_read_flags;

AS_EXTERN bool
as_operations_exp_write(as_operations* ops, const char* name, const as_exp* exp, as_exp_write_flags flags);

AS_EXTERN bool
as_operations_exp_read(as_operations* ops, const char* name, const as_exp* exp, as_exp_read_flags flags);

#ifdef __cplusplus
}
#endif
