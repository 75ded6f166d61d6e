// The shared constant values 7.4.0 exports as data: nil and the two
// booleans (the comparison sentinels are as_msgpack_ext.h's, defined with
// it). A count of 0 is what makes reserve/destroy leave them alone, so they
// may live in read-only memory.
#include <aerospike/as_boolean.h>
#include <aerospike/as_nil.h>

extern "C" {

const as_val as_nil = {0, AS_NIL, false};

const as_boolean as_true = {{0, AS_BOOLEAN, false}, true};
const as_boolean as_false = {{0, AS_BOOLEAN, false}, false};

}  // extern "C"
