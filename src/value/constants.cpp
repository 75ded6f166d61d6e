// The shared constant values 7.4.0 exports as data: nil, the two booleans,
// and the comparison sentinels (infinity and wildcard) of the CDT and
// expression APIs. A count of 0 is what makes reserve/destroy leave them
// alone, so they may live in read-only memory.
#include <aerospike/as_boolean.h>
#include <aerospike/as_nil.h>

// as_msgpack_ext.h declares the two sentinels; defined here because they are
// values first, packed second.
extern "C" {

const as_val as_nil = {0, AS_NIL, false};

const as_boolean as_true = {{0, AS_BOOLEAN, false}, true};
const as_boolean as_false = {{0, AS_BOOLEAN, false}, false};

AS_EXTERN extern const as_val as_cmp_inf;
AS_EXTERN extern const as_val as_cmp_wildcard;
const as_val as_cmp_inf = {0, AS_CMP_INF, false};
const as_val as_cmp_wildcard = {0, AS_CMP_WILDCARD, false};

}  // extern "C"
