// as_scan_compare / as_query_compare: field-by-field equality as 7.4.0
// defines it (used to check a from_bytes copy against its original). The
// selection's `_free` and capacity count; the predicate list's `_free`,
// a predicate's ctx_free/exp_free and the operations' `_free` do not (stack
// and heap forms compare equal). Values compare by their printed form;
// the partition status by reference count, range, done and each
// partition's id, retry, bval, replica index and digest (when set).
//
// Unlike 7.4.0, which prints "Line N" before answering false and reads
// through a NULL side, these answer false quietly, and NULL on one side
// only is a difference.
#pragma once

#include <aerospike/as_query.h>
#include <aerospike/as_scan.h>

namespace aeroshim {

bool scans_equal(const as_scan* s1, const as_scan* s2) noexcept;
bool queries_equal(const as_query* q1, const as_query* q2) noexcept;

}  // namespace aeroshim
